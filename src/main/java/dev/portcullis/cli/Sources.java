package dev.portcullis.cli;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.files.UserEnvironment;
import dev.portcullis.domain.SourceGap;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.FileErrorCode;
import dev.portcullis.files.ReadOptions;
import dev.portcullis.files.SourceReader;

import java.nio.file.Path;
import java.util.List;
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

    /** The environment of the command line being run: where clouds.yaml and the workspace are looked for. */
    private static volatile UserEnvironment environment;

    /** The workspace and the clouds, opened live (no offline copy: a command says when a cloud cannot answer). */
    private final GroupSources sources;
    private final SourceReader reader;

    /**
     * @param clouds    where cloud names are looked up (read only when a {@code cloud:} source is used)
     * @param workspace the workspace file, or null for the default one
     * @param options   the values for a file's inputs (Terraform variables, Heat parameters, Ansible vars)
     */
    public Sources(Supplier<CloudConfigs> clouds, Path workspace, ReadOptions options) {
        this.sources = GroupSources.commandLine(workspace, clouds, CloudWarnings::say);
        this.reader = new SourceReader(options);
    }

    public Sources(Supplier<CloudConfigs> clouds, Path workspace) {
        this(clouds, workspace, ReadOptions.NONE);
    }

    /** The sources of the user running the command: their clouds.yaml and their workspace. */
    public static Sources forUser(Path workspace) {
        return forUser(workspace, ReadOptions.NONE);
    }

    public static Sources forUser(Path workspace, ReadOptions options) {
        UserEnvironment user = environment();
        return new Sources(() -> CloudConfigs.forUser(user),
                workspace != null ? workspace : GroupSources.defaultWorkspace(user), options);
    }

    /** Sets the environment of the command line about to run (see {@link PortcullisCommand#commandLine}). */
    static void environment(UserEnvironment user) {
        environment = user;
    }

    private static UserEnvironment environment() {
        UserEnvironment user = environment;
        return user != null ? user : UserEnvironment.current();
    }

    /**
     * A source as read: its groups and interfaces, and for a file its report (what could not be read, and
     * where each group and rule is written).
     *
     * @param report the file's report, or null for a cloud or the workspace
     */
    public record Reading(Snapshot snapshot, DefinitionReport report, DefinitionReport.Reviewable reviewable) {

        /** The parts of the source that could not be read, for the review to report in their places. */
        public List<SourceGap> gaps() {
            return snapshot.gaps();
        }

        private Snapshot fileSnapshot() {
            return Snapshot.ofSource(reviewable.definitions().groups(), reviewable.definitions().ports(),
                    reviewable.problems()).withAddressGroups(reviewable.definitions().addressGroups());
        }
    }

    /** A source that cannot be read: a file with problems, an unknown cloud, a cloud that did not answer. */
    public static final class SourceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads a source that must be whole: a file with a problem is refused (run {@code validate} to see every
     * problem). Files and folders are read in any format {@link SourceReader} reads.
     */
    public Snapshot read(String source) {
        if (source.startsWith("cloud:") || source.equals("workspace")) {
            return load(source, () -> backend(source));
        }
        Path file = Path.of(source);
        DefinitionReport report = validReport(file);
        return new Reading(null, report, report.reviewable()).fileSnapshot();
    }

    /**
     * Reads a source for review: everything that can be read, valid or not. A file is refused (a
     * {@link SourceException}) only when nothing of it can be read as groups; the rest of its problems are
     * in the answer's {@link Reading#unreviewed()}.
     */
    public Reading reading(String source) {
        if (source.startsWith("cloud:") || source.equals("workspace")) {
            return new Reading(read(source), null, null);
        }
        Path file = Path.of(source);
        DefinitionReport report = reader.read(file);
        if (report.unusable()) {
            throw unusable(file, report);
        }
        DefinitionReport.Reviewable reviewable = report.reviewable();
        return new Reading(new Reading(null, report, reviewable).fileSnapshot(), report, reviewable);
    }

    /**
     * Opens the backend of {@code cloud:NAME} or {@code workspace}; any other source names a workspace
     * file. The caller closes it.
     */
    public Backend backend(String source) {
        if (source.startsWith("cloud:")) {
            return sources.cloud(source.substring("cloud:".length()));
        }
        if (source.equals("workspace")) {
            return sources.workspace();
        }
        return GroupSources.workspace(Path.of(source));
    }

    /** The report of a source file or folder in any format this command line reads. */
    public DefinitionReport report(Path file) {
        return reader.read(file);
    }

    /** The report of a file with no problems, or a {@link SourceException} naming the first problem. */
    public DefinitionReport validReport(Path file) {
        DefinitionReport report = report(file);
        if (!report.valid()) {
            throw unusable(file, report);
        }
        return report;
    }

    private static SourceException unusable(Path file, DefinitionReport report) {
        return new SourceException(DefinitionFileIo.unusable(file, report), null);
    }

    /**
     * The report of a file that says what every group's rules are: plan and apply refuse a list of groups
     * without rules, which would remove every rule of the project's groups.
     */
    public DefinitionReport wholeReport(Path file) {
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
