package dev.portcullis.cli;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.openstack.Sessions;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Where the command line reads groups from: a definition file ({@code FILE}), a cloud of clouds.yaml
 * ({@code cloud:NAME}) or the local workspace ({@code workspace}). Every source answers a {@link Snapshot}
 * (groups and the interfaces using them); one that cannot be read is a {@link SourceException} whose
 * message says which source and why.
 */
public final class Sources {

    /** How long a cloud may take to answer a whole load. */
    private static final long CLOUD_MINUTES = 5;

    private final Supplier<CloudConfigs> clouds;
    private final Path workspace;

    /**
     * @param clouds    where cloud names are looked up (read only when a {@code cloud:} source is used)
     * @param workspace the workspace file, or null for the default one
     */
    public Sources(Supplier<CloudConfigs> clouds, Path workspace) {
        this.clouds = clouds;
        this.workspace = workspace;
    }

    /** The sources of the user running the command: their clouds.yaml and their workspace. */
    public static Sources forUser(Path workspace) {
        return new Sources(CloudConfigs::forUser, workspace);
    }

    /** A source that cannot be read: a file with problems, an unknown cloud, a cloud that did not answer. */
    public static final class SourceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads a source; a definition file must be valid (run {@code validate} to see every problem). */
    public Snapshot read(String source) {
        if (source.startsWith("cloud:")) {
            String name = source.substring("cloud:".length());
            return load(source, () -> new NeutronBackend(Sessions.open(clouds.get().cloud(name))));
        }
        if (source.equals("workspace")) {
            Path file = workspace != null ? workspace : WorkspaceBackend.defaultLocation();
            return load(source, () -> WorkspaceBackend.open(file));
        }
        return file(Path.of(source));
    }

    private static Snapshot file(Path file) {
        DefinitionReport report = new DefinitionReader().read(file);
        if (!report.valid()) {
            int problems = report.allProblems().size();
            throw new SourceException(file + " cannot be used: " + problems + (problems == 1 ? " problem" : " problems")
                    + ", the first: " + report.allProblems().get(0).message()
                    + " (portcullis validate " + file + " lists them all)", null);
        }
        return new Snapshot(report.definitions().groups(), report.definitions().ports(), Instant.now());
    }

    private static Snapshot load(String source, Supplier<Backend> open) {
        try (Backend backend = open.get()) {
            return backend.load(ProgressListener.NONE).get(CLOUD_MINUTES, TimeUnit.MINUTES);
        } catch (BackendException e) {
            throw new SourceException(source + ": " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new SourceException(source + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SourceException(source + " did not answer within " + CLOUD_MINUTES + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source + ": interrupted", e);
        }
    }
}
