package dev.portcullis.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a project's groups can be written as, for {@code portcullis export} and the console's File > Export:
 * each format with what it could not say exactly (a rule the tool would widen, a group it cannot make),
 * which the caller tells the user.
 */
public enum ExportFormat {
    JSON("Definition file", "*.json"),
    TERRAFORM("Terraform", "*.tf"),
    HEAT("Heat template", "*.yaml"),
    ANSIBLE("Ansible playbook", "*.yml");

    private final String label;
    private final String pattern;

    ExportFormat(String label, String pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    public String label() {
        return label;
    }

    /** The file name pattern of the format's files, {@code *.tf}. */
    public String pattern() {
        return pattern;
    }

    /** The written file, and one line for each thing it does not say as the groups have it. */
    public record Exported(byte[] content, List<String> notes) {
        public Exported {
            notes = List.copyOf(notes);
        }
    }

    /** @param imports Terraform: whether to write import blocks for groups and rules that exist */
    public Exported write(Definitions definitions, boolean imports) {
        return switch (this) {
            case JSON -> new Exported(new DefinitionWriter().toJson(definitions), List.of());
            case TERRAFORM -> {
                TerraformWriter writer = new TerraformWriter(imports);
                yield new Exported(writer.toTerraform(definitions.groups(), definitions.addressGroups()),
                        writer.notes(definitions.groups(), definitions.addressGroups()));
            }
            case HEAT -> {
                WrittenText heat = new HeatWriter().write(definitions.groups(), definitions.addressGroups());
                yield new Exported(heat.text().getBytes(StandardCharsets.UTF_8), heat.notes());
            }
            case ANSIBLE -> {
                WrittenText ansible = new AnsibleWriter().write(definitions.groups(), definitions.addressGroups());
                yield new Exported(ansible.text().getBytes(StandardCharsets.UTF_8), ansible.notes());
            }
        };
    }

    /** The format a file name asks for: {@code .tf} Terraform, {@code .yaml} Heat, {@code .yml} Ansible, else JSON. */
    public static ExportFormat byName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tf")) {
            return TERRAFORM;
        }
        if (name.endsWith(".yaml")) {
            return HEAT;
        }
        return name.endsWith(".yml") ? ANSIBLE : JSON;
    }
}
