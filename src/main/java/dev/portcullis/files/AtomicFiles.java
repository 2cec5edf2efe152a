package dev.portcullis.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Writes files so that a crash, a full disk or a power cut never leaves a half-written file. A write of
 * {@code NAME}:
 * <ol>
 *   <li>goes to the file {@code NAME} is, following symbolic links ({@link Path#toRealPath}), so a link keeps
 *       working and the backups are kept beside the real file;</li>
 *   <li>refuses an existing file that is not writable for the user ({@link Files#isWritable} false) with an
 *       {@link AccessDeniedException}, since the rename below would replace it all the same;</li>
 *   <li>deletes what earlier writes of this file left when they crashed: {@code .NAME.<digits>.tmp} and
 *       {@code .NAME.<digits>.bak} in the same folder, older than one hour ({@link #LEFTOVER_AGE});</li>
 *   <li>writes the new content to a temporary {@code .NAME.<digits>.tmp} in the same folder and flushes it
 *       to the disk (fsync);</li>
 *   <li>where the file exists, copies it to a temporary {@code .NAME.<digits>.bak}, flushes that copy, moves
 *       the backups {@code NAME.1} to {@code NAME.4} one up (dropping {@code NAME.5}) and renames the copy to
 *       {@code NAME.1}, so the last {@link #BACKUPS} versions are kept, newest first;</li>
 *   <li>renames the temporary file over the file in one atomic rename, and flushes the folder.</li>
 * </ol>
 * A new file is readable and writable by its owner only (0600), in new folders that are its owner's only
 * (0700). An existing file keeps its permissions, and its backups get them; owner and group are not copied.
 * A write that fails leaves the file as it was.
 */
public final class AtomicFiles {

    /** How many earlier versions are kept beside a file. */
    public static final int BACKUPS = 5;

    /** A temporary file of a write older than this was left by a crash: no write takes that long. */
    public static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    /** How many symbolic links are followed to the file, as Linux's own limit. */
    private static final int MAX_LINKS = 40;

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Flushes what was written through a channel to the disk; tests replace it to see what is flushed when. */
    @FunctionalInterface
    interface Flush {
        void force(FileChannel channel, Path file) throws IOException;
    }

    private static final Flush FORCE = (channel, file) -> channel.force(true);

    /** Replaces {@code target} with {@code content}, keeping the last versions as backups. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, FORCE, false);
    }

    /**
     * Replaces {@code target} with {@code content} that is only a copy of data kept elsewhere (an offline
     * snapshot of a cloud): readable by the owner only whatever the file was before, and without backups,
     * which would only pile up old copies.
     */
    public static void replaceCopy(Path target, byte[] content) throws IOException {
        write(target, content, FORCE, true);
    }

    static void write(Path target, byte[] content, Flush flush) throws IOException {
        write(target, content, flush, false);
    }

    private static void write(Path target, byte[] content, Flush flush, boolean copy) throws IOException {
        Path file = realFile(target);
        Path dir = file.getParent();
        boolean exists = Files.exists(file);
        if (exists && !Files.isWritable(file)) {
            // The rename below needs only the folder to be writable: without this, a read-only file would be
            // replaced all the same.
            throw new AccessDeniedException(file.toString(), null,
                    "the file is not writable for you, so it was not replaced; make it writable or use another file");
        }
        createPrivateDirectories(dir);
        deleteLeftovers(file);
        Set<PosixFilePermission> permissions = POSIX && exists && !copy ? Files.getPosixFilePermissions(file) : OWNER_ONLY;
        Path temp = createTemp(file, ".tmp", permissions);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                flush.force(channel, temp);
            }
            if (exists && !copy) {
                keepBackup(file, permissions, flush);
            }
            move(temp, file);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The file a write replaces: {@code target} itself, or, where it is a symbolic link, the file the link
     * points at (followed through every link, as {@link Path#toRealPath} does), so that the link keeps
     * working. A link to a file that does not exist yet gives the path that file will have.
     */
    private static Path realFile(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(path); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            }
            path = path.resolveSibling(Files.readSymbolicLink(path));
        }
        if (Files.exists(path)) {
            return path.toRealPath();
        }
        Path dir = path.getParent();
        return Files.isDirectory(dir) ? dir.toRealPath().resolve(path.getFileName()) : path;
    }

    /** The path of backup number {@code n} (1 is the newest) of a file. */
    public static Path backup(Path target, int n) {
        return target.resolveSibling(target.getFileName() + "." + n);
    }

    /** Creates the folders a private file lives in, readable by the owner only where they are new. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Copies the file to {@code NAME.1}, moving the older backups one up first. The copy is complete and
     * flushed to the disk before anything is rotated or renamed, so a crash or a failure leaves either the
     * old backups or the new ones, never a backup that is empty or half there.
     */
    private static void keepBackup(Path file, Set<PosixFilePermission> permissions, Flush flush)
            throws IOException {
        Path copy = createTemp(file, ".bak", permissions);
        try {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                long size = in.size();
                long done = 0;
                while (done < size) {
                    long copied = out.transferFrom(in, done, size - done);
                    if (copied <= 0) {
                        break; // the file became shorter meanwhile: the backup holds what there was
                    }
                    done += copied;
                }
                flush.force(out, copy);
            }
            Files.deleteIfExists(backup(file, BACKUPS));
            for (int n = BACKUPS - 1; n >= 1; n--) {
                Path older = backup(file, n);
                if (Files.exists(older)) {
                    move(older, backup(file, n + 1));
                }
            }
            move(copy, backup(file, 1));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /**
     * Opens a file for writing, creating it readable and writable by its owner only (0600) where it does not
     * exist yet.
     */
    public static FileChannel openPrivate(Path file) throws IOException {
        if (POSIX) {
            return FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.READ,
                    StandardOpenOption.CREATE), ownerOnly());
        }
        return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ, StandardOpenOption.CREATE);
    }

    /**
     * Deletes every temporary file earlier writes of {@code file} left, whatever their age: for a caller that
     * knows no write of the file is under way (it holds the lock all its writers take), so these can only be
     * what a killed writer left.
     */
    public static void deleteAllLeftovers(Path file) {
        deleteLeftovers(file.toAbsolutePath(), FileTime.from(Instant.now().plusSeconds(60)));
    }

    /**
     * Deletes the temporary files earlier writes of this file left when they crashed: {@code .NAME.<digits>.tmp}
     * and {@code .NAME.<digits>.bak} in its folder, older than {@link #LEFTOVER_AGE}. A younger one may belong
     * to a write still under way in another process, and is left alone. This is tidying only: what cannot be
     * listed or deleted is left as it is.
     */
    private static void deleteLeftovers(Path file) {
        deleteLeftovers(file, FileTime.from(Instant.now().minus(LEFTOVER_AGE)));
    }

    private static void deleteLeftovers(Path file, FileTime before) {
        String prefix = "." + file.getFileName() + ".";
        DirectoryStream.Filter<Path> leftovers = p -> isLeftoverName(p.getFileName().toString(), prefix);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.getParent(), leftovers)) {
            for (Path entry : entries) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(before) < 0) {
                        Files.deleteIfExists(entry);
                    }
                } catch (IOException e) {
                    // gone meanwhile, or not ours to delete: leave it
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // the folder cannot be listed: the write itself will say what is wrong, if anything
        }
    }

    /** {@code .NAME.<digits>.tmp} or {@code .NAME.<digits>.bak}: the names {@link #createTemp} gives. */
    private static boolean isLeftoverName(String name, String prefix) {
        if (!name.startsWith(prefix) || !(name.endsWith(".tmp") || name.endsWith(".bak"))) {
            return false;
        }
        String random = name.substring(prefix.length(), name.length() - ".tmp".length());
        return !random.isEmpty() && random.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * A new empty file beside {@code file}, named {@code .NAME.<digits><suffix>}, created owner-only and then
     * given {@code permissions}: it is never readable by others before its permissions are final.
     */
    private static Path createTemp(Path file, String suffix, Set<PosixFilePermission> permissions)
            throws IOException {
        String prefix = "." + file.getFileName() + ".";
        if (!POSIX) {
            return Files.createTempFile(file.getParent(), prefix, suffix);
        }
        Path temp = Files.createTempFile(file.getParent(), prefix, suffix, ownerOnly());
        try {
            if (!permissions.equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder for this. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; the rename is already done there.
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
