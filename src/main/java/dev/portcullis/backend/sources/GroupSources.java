package dev.portcullis.backend.sources;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.definitions.ReadOnlyFileBackend;
import dev.portcullis.backend.offline.OfflineFallbackBackend;
import dev.portcullis.backend.offline.SnapshotStore;
import dev.portcullis.backend.openstack.CloudConfig;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.files.UserEnvironment;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where groups come from, for the command line and the console alike: the local workspace (a file), a cloud
 * of clouds.yaml by its name (with its offline copy behind it, when there is a store of them), and a
 * definition file shown read-only. The one place that makes concrete backends; the caller closes each
 * backend it opens.
 */
public final class GroupSources {

    private final Supplier<Backend> workspace;
    private final Clouds clouds;
    private final SnapshotStore offlineCopies;
    private final DefinitionFiles files;

    /**
     * @param workspace     opens the local workspace
     * @param offlineCopies where each cloud's last load is saved and read back when it cannot be reached;
     *                      null: a cloud is opened live only
     * @param files         how definition files are read and written (off the caller's thread)
     */
    public GroupSources(Supplier<Backend> workspace, Clouds clouds, SnapshotStore offlineCopies, DefinitionFiles files) {
        this.workspace = workspace;
        this.clouds = clouds;
        this.offlineCopies = offlineCopies;
        this.files = files;
    }

    /**
     * The command line's sources: the workspace {@code file} (null: the default one of the user running it),
     * the clouds {@code configs} names, each told to {@code opening} before it is opened; no offline copy.
     */
    public static GroupSources commandLine(Path file, Supplier<CloudConfigs> configs, Consumer<CloudConfig> opening) {
        return new GroupSources(() -> workspace(file), Clouds.configured(configs, opening), null,
                DefinitionFiles.on(ForkJoinPool.commonPool()));
    }

    /**
     * The console's sources, read now (call it off the FX thread): the workspace {@code file} (null: the
     * default one), the user's clouds with the offline copies of the user's data folder behind them, and
     * {@code files} to read and write definition files.
     */
    public static GroupSources console(Path file, DefinitionFiles files) {
        CloudConfigs configs = CloudConfigs.forUser();
        return new GroupSources(() -> workspace(file), Clouds.configured(() -> configs, cloud -> { }),
                SnapshotStore.open(SnapshotStore.defaultFolder()), files);
    }

    /** Where the workspace of {@code user} lives unless told otherwise ({@code $XDG_DATA_HOME/portcullis}). */
    public static Path defaultWorkspace(UserEnvironment user) {
        return WorkspaceBackend.defaultLocation(user);
    }

    /** The workspace in {@code file}, or (null) in its default location. */
    public static Backend workspace(Path file) {
        return WorkspaceBackend.open(file != null ? file : WorkspaceBackend.defaultLocation());
    }

    /** The local workspace. */
    public Backend workspace() {
        return workspace.get();
    }

    /** The clouds there are, by name. */
    public List<String> cloudNames() {
        return clouds.names();
    }

    /** What is wrong in the places clouds come from, one sentence each. */
    public List<String> cloudProblems() {
        return clouds.problems();
    }

    /**
     * The cloud called {@code name}: live, with its offline copy behind it when there is a store of them
     * (each load that works is saved, and shown when the cloud cannot be reached). Returns quickly: it signs
     * in on its first load.
     */
    public Backend cloud(String name) {
        Backend live = clouds.open(name);
        return offlineCopies == null ? live : new OfflineFallbackBackend(live, name, offlineCopies);
    }

    /** The offline copy saved of the cloud called {@code name}; empty when none is (or there is no store). */
    public CompletableFuture<Optional<Snapshot>> savedCopy(String name) {
        return offlineCopies == null ? CompletableFuture.completedFuture(Optional.empty()) : offlineCopies.read(name);
    }

    /** The definition file (or Terraform module) {@code file}, shown read-only; it is read when loaded. */
    public Backend readOnlyFile(Path file) {
        return new ReadOnlyFileBackend(file, files);
    }

    /** How definition files are read and written: off the caller's thread. */
    public DefinitionFiles files() {
        return files;
    }
}
