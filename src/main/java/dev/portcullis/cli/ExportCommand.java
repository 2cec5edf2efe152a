package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.ExportFormat;
import dev.portcullis.files.Definitions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code portcullis export SOURCE [-o FILE] [--format json|terraform|heat|ansible]}: a project's groups as a
 * definition file, Terraform configuration for the OpenStack provider, a Heat template or an Ansible playbook.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the groups of a source (a file, cloud:NAME or workspace) as a definition file (json), "
                + "Terraform configuration (terraform), a Heat template (heat) or an Ansible playbook (ansible), to a "
                + "file or to the standard output. What the format cannot say exactly is said on the standard error "
                + "and as a comment in the file.",
            "Exit 0 when written, 2 when the source cannot be read or the file cannot be written."})
final class ExportCommand implements Callable<Integer> {

    enum Format {
        json(ExportFormat.JSON), terraform(ExportFormat.TERRAFORM), heat(ExportFormat.HEAT),
        ansible(ExportFormat.ANSIBLE);

        final ExportFormat writes;

        Format(ExportFormat writes) {
            this.writes = writes;
        }
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    PortcullisCommand parent;

    @Parameters(paramLabel = "SOURCE", description = "A source file or folder (definition file, Terraform, Heat, "
            + "Ansible), cloud:NAME, or workspace.")
    String source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to this file (atomically, keeping backups) instead of the standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, terraform, heat or ansible. Default: by the name of FILE (.tf terraform, .yaml heat, "
                    + ".yml ansible), else json.")
    Format format;

    @picocli.CommandLine.Mixin
    SourceOptions sourceOptions;

    @Option(names = "--no-import", description = "Terraform: write no import blocks, for a project where Terraform "
            + "should create the groups afresh rather than adopt the existing ones.")
    boolean noImport;

    @Override
    public Integer call() throws IOException {
        Snapshot snapshot = Sources.forUser(parent == null ? null : parent.workspace, sourceOptions.read()).read(source);
        ExportFormat chosen = format != null ? format.writes
                : output != null ? ExportFormat.byName(output) : ExportFormat.JSON;
        ExportFormat.Exported exported = chosen.write(new Definitions(snapshot.groups(), snapshot.ports(),
                snapshot.addressGroups()), !noImport);
        PrintWriter err = spec.commandLine().getErr();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(exported.content(), StandardCharsets.UTF_8));
            out.flush();
        } else {
            AtomicFiles.write(output, exported.content());
            err.println("Wrote " + snapshot.groups().size() + (snapshot.groups().size() == 1 ? " group" : " groups")
                    + " to " + SafeText.line(output.toString()));
        }
        exported.notes().forEach(note -> err.println("note: " + SafeText.message(note)));
        err.flush();
        return PortcullisCommand.EXIT_OK;
    }
}
