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

    /**
     * What it takes to make the project's groups what the file says. A cloud is asked only for the groups
     * the file names and those their rules point at ({@link FileGroupsRead}); the whole project is read
     * where that is all the backend can do (a workspace). Neither command needs the whole project: they
     * never delete a group the file leaves out. A command that did (a "prune") would have to load it all.
     */
    ProjectChanges changes(DefinitionReport report, Backend backend) {
        // a file's address groups are paired with the project's, which only the whole project has
        if (backend.readsGroupsByName() && report.addressGroups().isEmpty()) {
            return new ProjectChanges(report, FileGroupsRead.read(report, backend, target()), false);
        }
        Snapshot project = Sources.await(target(), backend.load(ProgressListener.NONE));
        return new ProjectChanges(report, project, true);
    }

    String target() {
        return target.describe();
    }
}
