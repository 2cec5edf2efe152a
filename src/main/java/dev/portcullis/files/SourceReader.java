package dev.portcullis.files;

import dev.portcullis.domain.Problem;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The one way every command and the console read a source file or folder: the format is told by the
 * name and the content ({@link SourceFormat}), and each format's reader answers the same
 * {@link DefinitionReport}, so that validate, lint, check, diff, export, plan and the console see the same
 * groups and rules.
 */
public final class SourceReader {

    private static final String SOURCE = "a definition file, a Terraform file or module folder, a Heat template "
            + "or an Ansible playbook";

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
        return read(source, GroupPages.NONE);
    }

    /**
     * As {@link #read(Path)}, telling {@code pages} the groups of a definition file while it is read (see
     * {@link DefinitionReader#read(Path, GroupPages)}); the other formats tell nothing before their report.
     */
    public DefinitionReport read(Path source, GroupPages pages) {
        // before anything opens it: opening a pipe with no writer waits forever, a device never ends
        String refused = FileKinds.notAFile(source, SOURCE);
        if (refused != null) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNREADABLE, "", refused));
        }
        return switch (SourceFormat.of(source)) {
            case TERRAFORM -> new TerraformReader().read(source, options);
            case HEAT -> new HeatReader().read(source, options);
            case ANSIBLE -> new AnsibleReader().read(source, options);
            case NEUTRON_JSON -> definitions(source, pages);
        };
    }

    /** A definition file; a YAML file that is no other format is said to be what it is, not bad JSON. */
    private static DefinitionReport definitions(Path source, GroupPages pages) {
        DefinitionReport report = new DefinitionReader().read(source, pages);
        String name = source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template"))
                || report.fileProblems().stream().noneMatch(p -> p.code().equals(FileErrorCode.MALFORMED_JSON))) {
            return report;
        }
        try {
            YamlTree.load(source);
        } catch (YamlTree.SyntaxException e) {
            return DefinitionReport.unusable(new Problem(FileErrorCode.UNSUPPORTED_FORMAT, "", source
                    + " is not valid YAML: " + e.getMessage()));
        }
        return DefinitionReport.unusable(new Problem(FileErrorCode.UNSUPPORTED_FORMAT, "", source + " is YAML, but "
                + "neither a Heat template (no heat_template_version) nor an Ansible playbook or task file with an "
                + "OpenStack security group task; a definition file is Neutron's JSON."));
    }
}
