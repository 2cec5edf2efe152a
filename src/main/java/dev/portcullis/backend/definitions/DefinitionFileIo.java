package dev.portcullis.backend.definitions;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.SourceGap;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.ExportFormat;
import dev.portcullis.files.GroupPages;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.SourceReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Definition files for the console: reads a file in any format the command line reads (a definition
 * file, Terraform configuration, what {@code openstack security group show/list -f json} prints) and
 * writes a project as a definition file or as Terraform, atomically. Blocking: the console uses it through
 * {@link DefinitionFiles#on}, off the FX thread. Failures are {@link BackendException}s that name the file and say what is wrong.
 */
public final class DefinitionFileIo {

    /**
     * Reads a source file or folder in any format the command line reads. Everything that can be read is
     * in the snapshot; each part that cannot (a rule Neutron would refuse, a value only known when applied)
     * is a notice naming its place, so nothing is left out unsaid. Only a source of which no group can be
     * read fails.
     */
    public DefinitionFiles.Opened read(Path file) {
        return read(file, ProgressListener.NONE);
    }

    /**
     * As {@link #read(Path)}, telling {@code pages} the groups of a definition file while it is read (on this
     * thread), so that the first ones can be shown before the rest; what this answers (or throws) is what counts.
     */
    public DefinitionFiles.Opened read(Path file, ProgressListener pages) {
        DefinitionReport report = new SourceReader().read(file, pages == ProgressListener.NONE ? GroupPages.NONE
                : pages::page);
        if (report.unusable()) {
            throw new BackendException(BackendException.Kind.INVALID, report.allProblems().get(0).code(),
                    unusable(file, report));
        }
        DefinitionReport.Reviewable reviewable = report.reviewable();
        List<String> problems = new ArrayList<>();
        for (SourceGap u : reviewable.problems()) {
            Problem p = u.problem();
            problems.add((u.groupId() == null ? "" : "group " + u.groupName() + ": ")
                    + (p.field().isEmpty() ? "" : p.field() + ": ") + p.message());
        }
        Definitions read = reviewable.definitions();
        return new DefinitionFiles.Opened(Snapshot.ofSource(read.groups(), read.ports(), reviewable.problems())
                .withAddressGroups(read.addressGroups()), problems,
                report.notices().stream().map(Problem::message).toList());
    }

    /**
     * Why a file with problems cannot be used, the same words for the console and the command line: how many
     * problems, the first, and the command that lists them all.
     */
    public static String unusable(Path file, DefinitionReport report) {
        List<Problem> problems = report.allProblems();
        Problem first = problems.get(0);
        return file + " cannot be used: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ", the first: " + (first.field().isEmpty() ? "" : first.field() + ": ") + first.message()
                + " (portcullis validate " + file + " lists them all)";
    }

    /**
     * Writes the snapshot's groups (and interfaces, in a definition file) to {@code file} in the format its
     * name says ({@link ExportFormat#byName}), replacing it atomically.
     *
     * @return what the format could not say exactly, one line each
     */
    public List<String> write(Snapshot snapshot, Path file) {
        ExportFormat.Exported exported = ExportFormat.byName(file)
                .write(new Definitions(snapshot.groups(), snapshot.ports(), snapshot.addressGroups()), true);
        try {
            AtomicFiles.write(file, exported.content());
            return exported.notes();
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.UNAVAILABLE, "FileNotWritten", file
                    + " could not be written: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }
}
