package dev.portcullis.files;

import java.nio.file.Path;

/**
 * The one way every command and the console read a source file or folder: the format is told by the
 * name and the content ({@link SourceFormat}), and each format's reader answers the same
 * {@link DefinitionReport}, so that validate, lint, check, diff, export, plan and the console see the same
 * groups and rules.
 */
public final class SourceReader {

    private final ReadOptions options;

    public SourceReader(ReadOptions options) {
        this.options = options;
    }

    public SourceReader() {
        this(ReadOptions.NONE);
    }

    /**
     * Reads a definition file or the OpenStack CLI's JSON, Terraform (a {@code .tf} file or a module folder),
     * a Heat template or an Ansible playbook or task file.
     */
    public DefinitionReport read(Path source) {
        return switch (SourceFormat.of(source)) {
            case TERRAFORM -> new TerraformReader().read(source, options);
            case HEAT -> new HeatReader().read(source, options);
            case ANSIBLE -> new AnsibleReader().read(source, options);
            case NEUTRON_JSON -> new DefinitionReader().read(source);
        };
    }
}
