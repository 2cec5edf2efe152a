package dev.portcullis.backend.workspace;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.AppendJournal;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.FileErrorCode;
import dev.portcullis.files.Originals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The workspace on disk: its file, and beside it {@code NAME.journal}, the batches of changes saved since
 * the file was last written ({@link AppendJournal}, {@link Batch}). A small workspace is written whole for
 * each batch (temp file, fsync, rename, with backups: {@link AtomicFiles}); once the file is larger than
 * {@code journalFrom}, a batch is appended to the journal as one record and flushed, which costs what the
 * batch costs, not what the project does. The journal is folded into the file (written whole) when it has
 * grown as large as the file, so that its replay, when the files are read, costs at most what reading the
 * file does; not at close, where rewriting a large file would hold the exit.
 *
 * <p>Every write holds a lock on the journal (in this process and between processes), so a writer never
 * appends while another folds the journal; opening the workspace takes it too and deletes the temporary
 * files a killed writer left. Only the workspace's own thread calls this.
 */
final class WorkspaceFiles {

    /** From this file size on, batches go to the journal. */
    static final long JOURNAL_FROM = 1024 * 1024;

    private static final Object IN_PROCESS = new Object();

    private final Path file;
    private final Path journal;
    private final WorkspaceBackend.Store store;
    private final long journalFrom;
    private final DefinitionReader reader = new DefinitionReader();
    /** The files as they were when last read or written by us; null when they must be read again. */
    private Version version;
    /** The objects of the file as {@link #version} holds them, for the next whole write to keep. */
    private Originals originals = Originals.NONE;
    private long fileSize;
    /** Where the journal's intact records end. */
    private long journalEnd;
    private boolean journalHasRecords;

    /** Enough of the two files' attributes to tell that someone else has written them. */
    private record Version(Stamp file, Stamp journal) {
    }

    private record Stamp(FileTime modified, long size, Object key) {
    }

    WorkspaceFiles(Path file, WorkspaceBackend.Store store, long journalFrom) {
        this.file = file;
        this.journal = file.resolveSibling(file.getFileName() + ".journal");
        this.store = Objects.requireNonNull(store, "store");
        this.journalFrom = journalFrom;
    }

    Path journal() {
        return journal;
    }

    boolean exists() {
        return Files.exists(file) || Files.isSymbolicLink(file);
    }

    /** Whether nobody wrote the files since we last read or wrote them. */
    boolean unchanged() {
        return version != null && version.equals(versionOnDisk());
    }

    /**
     * The project the file and its journal hold. Deletes first what a killed writer left behind, when the lock
     * says no writer is at work.
     */
    Definitions read() {
        tidy();
        Version read = versionOnDisk(); // before reading: a change made meanwhile is seen next time
        DefinitionReport report = reader.read(file);
        List<Problem> problems = new ArrayList<>(report.allProblems());
        if (problems.stream().anyMatch(p -> p.code().equals(FileErrorCode.UNREADABLE))) {
            throw new BackendException(Kind.UNAVAILABLE, Refusals.FILE_UNREADABLE,
                    "The local workspace cannot be read: " + Refusals.list(problems));
        }
        for (DefinitionReport.GroupReport group : report.groups()) {
            if (group.id() == null || DraftIds.isDraft(group.id())) {
                problems.add(new Problem(FileErrorCode.WRONG_SHAPE, group.path() + ".id",
                        "The group " + group.label() + " has no id; a workspace holds only groups that exist."));
            }
            group.rules().stream().filter(r -> r.id() == null).forEach(r -> problems.add(new Problem(
                    FileErrorCode.WRONG_SHAPE, r.path() + ".id",
                    "A rule of the group " + group.label() + " has no id; a workspace holds only rules that "
                            + "exist.")));
        }
        if (!problems.isEmpty()) {
            throw Refusals.fileInvalid(file, problems);
        }
        List<Batch> batches = readJournal();
        version = read;
        originals = report.originals();
        fileSize = read.file() == null ? 0 : read.file().size();
        return Batch.replay(report.definitions(), batches);
    }

    private List<Batch> readJournal() {
        try {
            AppendJournal.Contents contents = AppendJournal.read(journal);
            List<Batch> batches = new ArrayList<>();
            for (byte[] record : contents.records()) {
                batches.add(Batch.parse(record, reader));
            }
            journalEnd = contents.end();
            journalHasRecords = !batches.isEmpty();
            return batches;
        } catch (IOException | UncheckedIOException e) {
            throw new BackendException(Kind.UNAVAILABLE, Refusals.FILE_UNREADABLE, "The local workspace's journal "
                    + journal + " cannot be read (" + e.getMessage() + "); it holds changes not yet in " + file
                    + ", so nothing is changed until it is repaired or moved away.", e);
        }
    }

    /**
     * Saves a batch: the change from {@code saved} (what the files hold) to {@code next}. Either both are
     * saved or, with a {@link BackendException}, nothing is.
     */
    void save(Definitions saved, Definitions next, String failure) {
        Batch batch = Batch.between(saved, next);
        if (batch.isEmpty()) {
            return;
        }
        if (fileSize < journalFrom || batch.groups().size() * 2L > next.groups().size() || !Files.exists(file)) {
            writeWhole(next, failure);
            return;
        }
        locked(failure, () -> {
            if (version == null || !Objects.equals(version.journal(), stamp(journal))) {
                // another process wrote the journal since we read it: append after what it holds now
                journalEnd = AppendJournal.read(journal).end();
            }
            journalEnd = AppendJournal.append(journal, journalEnd, batch.toBytes());
            journalHasRecords = true;
            version = versionOnDisk();
        });
    }

    /** Whether the journal has grown as large as the file, so that folding it in is worth its cost. */
    boolean journalLarge() {
        return journalHasRecords && journalEnd > Math.max(fileSize, journalFrom);
    }

    /** Folds the journal into the file, where it has records; a failure leaves both as they are. */
    void fold(Definitions current) {
        if (journalHasRecords) {
            writeWhole(current, "The local workspace's journal could not be folded into " + file);
        }
    }

    /** Writes a new workspace's file. */
    void create(Definitions seed, String failure) {
        originals = Originals.NONE;
        writeWhole(seed, failure);
    }

    /**
     * Writes the file whole, keeping what the file held that is not modelled, then empties the journal (a crash
     * between the two replays the journal over the file, which holds it already: the same project). A file
     * that held nothing beyond the model is written from the model alone, and so, read back, it would keep
     * nothing aside either: it is not read back, which spares a second copy of a large project in memory
     * (an import of 30,000 groups kept both). Any other file is read back for the objects the next write keeps.
     */
    void writeWhole(Definitions next, String failure) {
        Originals kept = originals;
        Version[] written = new Version[1];
        locked(failure, () -> {
            store.write(file, next, kept);
            journalEnd = AppendJournal.clear(journal);
            journalHasRecords = false;
            written[0] = versionOnDisk(); // under the lock: nobody else has written since
        });
        if (kept.isEmpty()) {
            wrote(written[0]);
            return;
        }
        DefinitionReport report = reader.read(file);
        if (report.valid() && written[0].equals(versionOnDisk())) {
            originals = report.originals();
            wrote(written[0]);
        } else {
            version = null; // someone else wrote it meanwhile: the next call reads it again
        }
    }

    private void wrote(Version written) {
        version = written;
        fileSize = written.file() == null ? 0 : written.file().size();
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private void locked(String failure, Write write) {
        try {
            synchronized (IN_PROCESS) {
                AtomicFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
                try (FileChannel channel = AtomicFiles.openPrivate(journal); FileLock lock = channel.lock()) {
                    write.run();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new BackendException(Kind.UNAVAILABLE, Refusals.WRITE_FAILED,
                    failure + " (" + reason(cause) + "), so nothing was changed.", e);
        }
    }

    /** Deletes the temporary files a killed writer left, when no writer holds the lock (it waits for one). */
    private void tidy() {
        if (!Files.isRegularFile(journal)) {
            return;
        }
        synchronized (IN_PROCESS) {
            try (FileChannel channel = FileChannel.open(journal, java.nio.file.StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                AtomicFiles.deleteAllLeftovers(file);
            } catch (IOException e) {
                // tidying only: a journal that cannot be locked is left to the write that needs it
            }
        }
    }

    private Version versionOnDisk() {
        return new Version(stamp(file), stamp(journal));
    }

    private static Stamp stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way of a folder: " + message;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + message;
        }
        return message;
    }
}
