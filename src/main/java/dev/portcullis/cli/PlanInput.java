package dev.portcullis.cli;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.files.DefinitionReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** What {@code plan} and {@code apply} both take: the file with the groups as they should be, and the project. */
final class PlanInput {

    @Parameters(paramLabel = "FILE", description = "The definition file with the groups as they should be.")
    Path file;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Mixin
    SourceOptions sourceOptions;

    /** The file, read whole before anything of the project is touched. */
    DefinitionReport report() {
        return Sources.forUser(null, sourceOptions.read()).wholeReport(file);
    }

    /** The project's backend; the caller closes it. */
    Backend open() {
        return Sources.forUser(null).backend(target.source());
    }

    /** What it takes to make the project's groups what the file says. */
    ProjectChanges changes(DefinitionReport report, Backend backend) {
        Snapshot project = Sources.await(target(), backend.load(ProgressListener.NONE));
        return new ProjectChanges(report, project);
    }

    String target() {
        return target.describe();
    }
}
