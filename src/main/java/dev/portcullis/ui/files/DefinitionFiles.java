package dev.portcullis.ui.files;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * How the console reads and writes definition files; the composition root implements it with the file
 * formats, off the FX thread. Failures complete the future with a message in words that names the file.
 */
public interface DefinitionFiles {

    /** What a project is written as. */
    enum Format {
        DEFINITION_FILE("Definition file", "*.json"), TERRAFORM("Terraform", "*.tf"),
        HEAT("Heat template", "*.yaml"), ANSIBLE("Ansible playbook", "*.yml");

        private final String label;
        private final String pattern;

        Format(String label, String pattern) {
            this.label = label;
            this.pattern = pattern;
        }

        public String label() {
            return label;
        }

        public String pattern() {
            return pattern;
        }

        /** The format a name asks for: by its ending ({@code .tf}, {@code .yaml}, {@code .yml}), else a definition file. */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith(f.pattern.substring(1))) {
                    return f;
                }
            }
            return DEFINITION_FILE;
        }
    }

    /**
     * A file's groups and interfaces (all that could be read), the parts that could not be read (each in
     * words with its place: never left out unsaid) and the reader's notes (a list of groups without their
     * rules, say).
     */
    record Opened(Snapshot snapshot, List<String> problems, List<String> notices) {
        public Opened {
            problems = List.copyOf(problems);
            notices = List.copyOf(notices);
        }
    }

    /** Reads a definition file, Terraform configuration, or what {@code openstack security group show/list -f json} prints. */
    default CompletableFuture<Opened> open(Path file) {
        return open(file, ProgressListener.NONE);
    }

    /**
     * As {@link #open(Path)}, telling {@code pages} (on the reading thread) the groups of a definition file
     * while it is read, so that the first ones can be shown before the rest: provisional, the answer is what
     * counts (and may be a failure). Other formats tell nothing before their answer.
     */
    CompletableFuture<Opened> open(Path file, ProgressListener pages);

    /**
     * Writes the snapshot's groups to {@code file} in the format its name says ({@link Format#of}), replacing
     * it atomically; completes with what the format could not say exactly (one line each, none for JSON).
     */
    CompletableFuture<List<String>> export(Snapshot snapshot, Path file);
}
