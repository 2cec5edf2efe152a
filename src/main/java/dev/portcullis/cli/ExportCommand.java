package dev.portcullis.cli;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.TerraformWriter;
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
 * {@code portcullis export SOURCE [-o FILE] [--format json|terraform]}: a project's groups as a definition
 * file, or as Terraform configuration for the OpenStack provider.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the groups of a source (a file, cloud:NAME or workspace) as a definition file (json) "
                + "or as Terraform configuration (terraform), to a file or to the standard output.",
            "Exit 0 when written, 2 when the source cannot be read or the file cannot be written."})
final class ExportCommand implements Callable<Integer> {

    enum Format { json, terraform }

    @Spec
    CommandSpec spec;

    @ParentCommand
    PortcullisCommand parent;

    @Parameters(paramLabel = "SOURCE", description = "A definition file (.json, or .tf), cloud:NAME, or workspace.")
    String source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to this file (atomically, keeping backups) instead of the standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (a definition file) or terraform. Default: terraform when FILE ends in .tf, else json.")
    Format format;

    @picocli.CommandLine.Mixin
    SourceOptions sourceOptions;

    @Option(names = "--no-import", description = "Terraform: write no import blocks, for a project where Terraform "
            + "should create the groups afresh rather than adopt the existing ones.")
    boolean noImport;

    @Override
    public Integer call() throws IOException {
        Snapshot snapshot = Sources.forUser(parent == null ? null : parent.workspace, sourceOptions.read()).read(source);
        Format chosen = format != null ? format
                : output != null && output.toString().endsWith(".tf") ? Format.terraform : Format.json;
        byte[] content = chosen == Format.terraform
                ? new TerraformWriter(!noImport).toTerraform(snapshot.groups())
                : new DefinitionWriter().toJson(new Definitions(snapshot.groups(), snapshot.ports()));
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(content, StandardCharsets.UTF_8));
            out.flush();
        } else {
            AtomicFiles.write(output, content);
            spec.commandLine().getErr().println("Wrote " + snapshot.groups().size()
                    + (snapshot.groups().size() == 1 ? " group" : " groups") + " to " + Text.safe(output.toString()));
        }
        return PortcullisCommand.EXIT_OK;
    }
}
