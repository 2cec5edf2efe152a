package dev.portcullis.backend.definitions;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.TerraformReader;
import dev.portcullis.files.TerraformWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Definition files for the console: reads a file in any format the command line reads (a definition
 * file, Terraform configuration, what {@code openstack security group show/list -f json} prints) and
 * writes a project as a definition file or as Terraform, atomically. Blocking: callers run it off the FX
 * thread. Failures are {@link BackendException}s that name the file and say what is wrong.
 */
public final class DefinitionFileIo {

    /** A file's groups and interfaces, with what the reader noted (a list without rules, say). */
    public record Read(Snapshot snapshot, List<String> notices) {
        public Read {
            notices = List.copyOf(notices);
        }
    }

    public Read read(Path file) {
        boolean terraform = file.getFileName() != null && file.getFileName().toString().endsWith(".tf");
        DefinitionReport report = terraform ? new TerraformReader().read(file) : new DefinitionReader().read(file);
        if (!report.valid()) {
            List<Problem> problems = report.allProblems();
            Problem first = problems.get(0);
            throw new BackendException(BackendException.Kind.INVALID, first.code(), file + " cannot be used: "
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", the first: "
                    + (first.field().isEmpty() ? "" : first.field() + ": ") + first.message()
                    + " (portcullis validate " + file + " lists them all)");
        }
        return new Read(new Snapshot(report.definitions().groups(), report.definitions().ports(), Instant.now()),
                report.notices().stream().map(Problem::message).toList());
    }

    /** Writes the snapshot's groups (and interfaces, in a definition file) to {@code file}, replacing it atomically. */
    public void write(Snapshot snapshot, Path file, boolean terraform) {
        byte[] content = terraform ? new TerraformWriter().toTerraform(snapshot.groups())
                : new DefinitionWriter().toJson(new Definitions(snapshot.groups(), snapshot.ports()));
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.UNAVAILABLE, "FileNotWritten", file
                    + " could not be written: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }
}
