package dev.portcullis.backend.offline;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.UserEnvironment;
import dev.portcullis.files.UserFolders;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The last load of each cloud, kept on disk so the console can show it when the cloud cannot be reached.
 * One file per cloud, {@code <folder>/<cloud>.json}, in the workspace's definition format (so
 * {@code portcullis validate} reads it), written atomically and readable by its owner only; the file's
 * modification time is when the snapshot was loaded. Reads and writes run on the store's own thread, one
 * at a time, so callers never wait for a disk and two saves never interleave.
 */
public final class SnapshotStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());

    private final Path folder;
    private final Executor io;
    private final ExecutorService owned;
    private final DefinitionWriter writer = new DefinitionWriter();

    /** A store whose reads and writes run on {@code io} (tests give their own). */
    public SnapshotStore(Path folder, Executor io) {
        this.folder = folder;
        this.io = io;
        this.owned = null;
    }

    private SnapshotStore(Path folder, ExecutorService owned) {
        this.folder = folder;
        this.io = owned;
        this.owned = owned;
    }

    /** A store on a thread of its own (a daemon: it never keeps the program alive). */
    public static SnapshotStore open(Path folder) {
        return new SnapshotStore(folder, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "portcullis-snapshots");
            t.setDaemon(true);
            return t;
        }));
    }

    /** {@code $XDG_DATA_HOME/portcullis/snapshots}, else {@code ~/.local/share/portcullis/snapshots}. */
    public static Path defaultFolder() {
        return defaultFolder(UserEnvironment.current());
    }

    /** As {@link #defaultFolder()}; an empty or relative {@code XDG_DATA_HOME} is ignored, as XDG says. */
    public static Path defaultFolder(UserEnvironment environment) {
        return UserFolders.data(environment).resolve("snapshots");
    }

    /** The file of a cloud's snapshot; any cloud name gives one plain file name inside the folder. */
    public Path file(String cloud) {
        return folder.resolve(fileName(cloud));
    }

    static String fileName(String cloud) {
        StringBuilder name = new StringBuilder();
        for (byte b : cloud.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || (c == '.' && name.length() > 0);
            if (plain) {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return (name.length() == 0 ? "%" : name) + ".json";
    }

    /** Saves a live snapshot of a cloud, replacing the one before; completes when it is on disk. */
    public CompletableFuture<Void> save(String cloud, Snapshot snapshot) {
        if (snapshot.isOffline()) {
            return CompletableFuture.completedFuture(null); // a saved copy is never saved again as if live
        }
        return CompletableFuture.runAsync(() -> {
            Path file = file(cloud);
            try {
                AtomicFiles.replaceCopy(file, writer.toJson(new Definitions(snapshot.groups(), snapshot.ports(),
                        snapshot.addressGroups())));
                Files.setLastModifiedTime(file, FileTime.from(snapshot.loadedAt()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not save the offline copy of " + cloud + " to " + file, e);
            }
        }, io);
    }

    /** The snapshot saved for a cloud, with the time it was loaded; empty when there is none or it is unreadable. */
    public CompletableFuture<Optional<Snapshot>> read(String cloud) {
        return CompletableFuture.supplyAsync(() -> {
            Path file = file(cloud);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            DefinitionReport report = new DefinitionReader().read(file);
            if (!report.valid()) {
                LOG.log(System.Logger.Level.WARNING, "The offline copy " + file + " is not usable: "
                        + report.allProblems().size() + " problems; it is ignored");
                return Optional.empty();
            }
            try {
                Definitions definitions = report.definitions();
                return Optional.of(new Snapshot(definitions.groups(), definitions.ports(),
                        Files.getLastModifiedTime(file).toInstant()).withAddressGroups(definitions.addressGroups()));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "The offline copy " + file + " could not be read", e);
                return Optional.empty();
            }
        }, io);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
        }
    }
}
