package dev.portcullis.backend.definitions;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A definition file shown as a place: loading reads the file again when it changed on disk (its time, size
 * or inode), and otherwise answers the reading it has, so that the console's auto-refresh does not read a
 * large file again every minute; every change is refused. To change its groups, import them into the
 * workspace.
 */
public final class ReadOnlyFileBackend implements Backend {

    /** What every change is refused with. */
    public static final String REFUSAL = "opened read-only; import it into the workspace to change it";

    /** How many of a file's unreadable parts the warning strip lists; the rest are counted. */
    static final int LISTED = 3;

    private final Path file;
    private final DefinitionFiles files;
    /** The last reading of the file, for the warning strip: written on a worker before the load completes. */
    private volatile DefinitionFiles.Opened last;
    /** The file as it was on disk when {@link #last} was read; null before the first reading. */
    private volatile FileVersion lastVersion;

    /** What tells that a file changed, without reading it. */
    private record FileVersion(FileTime modified, long size, Object key) {
        /** Null for a folder (a Terraform module: its files change, not its own time) or an unreadable file. */
        static FileVersion of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    return null;
                }
                return new FileVersion(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            } catch (IOException e) {
                return null; // unreadable now: the reading says why
            }
        }
    }

    public ReadOnlyFileBackend(Path file, DefinitionFiles files) {
        this.file = file;
        this.files = files;
    }

    @Override
    public String describe() {
        return String.valueOf(file.getFileName());
    }

    @Override
    public CompletableFuture<Snapshot> load(ProgressListener progress) {
        DefinitionFiles.Opened read = last;
        // the file's attributes are read off the caller's thread (the FX thread), as the file is
        CompletableFuture<FileVersion> stat = CompletableFuture.supplyAsync(() -> FileVersion.of(file));
        if (read == null) {
            // nothing read yet to keep: the reading starts now (the first file may be read already, from the
            // console's launch on, with its first groups handed over at once), its attributes read beside it
            return reading(stat, progress);
        }
        return stat.thenCompose(version -> version != null && version.equals(lastVersion)
                ? CompletableFuture.completedFuture(read.snapshot()) : reading(stat, progress));
    }

    /**
     * Reads the file, telling {@code progress} its groups as they are read; {@code version}: what it was on disk
     * as the reading began (so that a change made while it is read is seen next time), null for a folder.
     */
    private CompletableFuture<Snapshot> reading(CompletableFuture<FileVersion> version, ProgressListener progress) {
        return files.open(file, progress).thenCombine(version, (opened, before) -> {
            last = opened;
            lastVersion = before;
            return opened.snapshot();
        });
    }

    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        return refused();
    }

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        return refused();
    }

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        return refused();
    }

    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        return refused();
    }

    @Override
    public Optional<String> warning() {
        StringBuilder says = new StringBuilder("Showing " + file + " read-only: import it into the workspace "
                + "(File > Import…) to change it.");
        DefinitionFiles.Opened read = last;
        if (read != null && !read.problems().isEmpty()) {
            int n = read.problems().size();
            says.append("\n").append(n).append(n == 1 ? " part of it could not be read and is" : " parts of it could "
                    + "not be read and are").append(" not shown (the Review tab lists them as findings):");
            read.problems().stream().limit(LISTED).forEach(p -> says.append("\n  ").append(p));
            if (n > LISTED) {
                says.append("\n  … and ").append(n - LISTED).append(" more (portcullis validate lists them all)");
            }
        }
        if (read != null) {
            read.notices().stream().limit(LISTED).forEach(n -> says.append("\nNote: ").append(n));
            if (read.notices().size() > LISTED) {
                says.append("\n… and ").append(read.notices().size() - LISTED).append(" more notes");
            }
        }
        return Optional.of(says.toString());
    }

    @Override
    public Optional<String> readOnly() {
        return Optional.of(file.getFileName() + " is " + REFUSAL + ".");
    }

    private <T> CompletableFuture<T> refused() {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.FORBIDDEN, "ReadOnlyFile",
                file.getFileName() + " is " + REFUSAL + "."));
    }
}
