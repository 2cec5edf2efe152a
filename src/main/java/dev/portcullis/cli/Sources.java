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
import dev.portcullis.files.FileErrorCode;
import dev.portcullis.files.TerraformReader;
import dev.portcullis.domain.Problem;

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

    /**
     * Reads a source; a definition file must be valid (run {@code validate} to see every problem). A file
     * whose name ends in {@code .tf} is read as Terraform configuration; other files as JSON (a definition
     * file, or what {@code openstack security group show/list -f json} prints).
     */
    public Snapshot read(String source) {
        if (source.startsWith("cloud:") || source.equals("workspace")) {
            return load(source, () -> backend(source));
        }
        return file(Path.of(source));
    }

    /**
     * Opens the backend of {@code cloud:NAME} or {@code workspace}; any other source names a workspace
     * file. The caller closes it.
     */
    public Backend backend(String source) {
        if (source.startsWith("cloud:")) {
            String name = source.substring("cloud:".length());
            return new NeutronBackend(Sessions.open(clouds.get().cloud(name)));
        }
        if (source.equals("workspace")) {
            return WorkspaceBackend.open(workspace != null ? workspace : WorkspaceBackend.defaultLocation());
        }
        return WorkspaceBackend.open(Path.of(source));
    }

    /** The report of a definition file in any format this command line reads. */
    public static DefinitionReport report(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".tf")
                ? new TerraformReader().read(file) : new DefinitionReader().read(file);
    }

    private static Snapshot file(Path file) {
        DefinitionReport report = validReport(file);
        return new Snapshot(report.definitions().groups(), report.definitions().ports(), Instant.now());
    }

    /** The report of a file with no problems, or a {@link SourceException} naming the first problem. */
    public static DefinitionReport validReport(Path file) {
        DefinitionReport report = report(file);
        if (!report.valid()) {
            int problems = report.allProblems().size();
            Problem first = report.allProblems().get(0);
            throw new SourceException(file + " cannot be used: " + problems + (problems == 1 ? " problem" : " problems")
                    + ", the first: " + (first.field().isEmpty() ? "" : first.field() + ": ") + first.message()
                    + " (portcullis validate " + file + " lists them all)", null);
        }
        return report;
    }

    /**
     * The report of a file that says what every group's rules are: plan and apply refuse a list of groups
     * without rules, which would remove every rule of the project's groups.
     */
    public static DefinitionReport wholeReport(Path file) {
        DefinitionReport report = validReport(file);
        report.notices().stream().filter(n -> n.code().equals(FileErrorCode.RULES_NOT_LISTED)).findFirst()
                .ifPresent(n -> {
                    throw new SourceException(file + " cannot be planned or applied: " + n.message(), null);
                });
        return report;
    }

    /** Waits for a backend's answer, turning its failures into a {@link SourceException} naming the source. */
    static <T> T await(String source, java.util.concurrent.CompletableFuture<T> answer) {
        try {
            return answer.get(CLOUD_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new SourceException(source + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SourceException(source + " did not answer within " + CLOUD_MINUTES + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source + ": interrupted", e);
        }
    }

    private static Snapshot load(String source, Supplier<Backend> open) {
        try (Backend backend = open.get()) {
            return await(source, backend.load(ProgressListener.NONE));
        } catch (BackendException e) {
            throw new SourceException(source + ": " + e.getMessage(), e);
        }
    }
}
