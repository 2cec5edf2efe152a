package dev.portcullis.cli;

import dev.portcullis.files.ReadOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a source file's inputs take, for every command that reads one: Terraform variables, Heat
 * parameters, Ansible variables. What the file itself gives (defaults, {@code terraform.tfvars}, play
 * {@code vars}) is used where these say nothing.
 */
final class SourceOptions {

    @Option(names = {"--var", "-P", "-e"}, paramLabel = "NAME=VALUE",
            description = "A value for a Terraform variable, Heat parameter or Ansible variable of the source "
                    + "(repeatable); a list or map is written as in a .tfvars file, e.g. --var 'cidrs=[\"10.0.0.0/8\"]'.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "A file of such values (repeatable; later ones win): a .tfvars or .tfvars.json file, a "
                    + "Heat environment, an Ansible vars file.")
    List<Path> variableFiles = new ArrayList<>();

    ReadOptions read() {
        return new ReadOptions(variables, variableFiles);
    }
}
