package dev.portcullis.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a reader may be told besides the source itself: values for a source's inputs (Terraform
 * {@code -var NAME=VALUE}, Heat {@code -P NAME=VALUE}, Ansible {@code -e NAME=VALUE}) and files of such
 * values (Terraform {@code -var-file}, a Heat environment, an Ansible vars file), later ones winning.
 */
public record ReadOptions(Map<String, String> variables, List<Path> variableFiles) {

    public static final ReadOptions NONE = new ReadOptions(Map.of(), List.of());

    public ReadOptions {
        variables = Map.copyOf(variables);
        variableFiles = List.copyOf(variableFiles);
    }
}
