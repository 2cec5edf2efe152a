package dev.portcullis.files;

import java.util.List;

/**
 * A project's groups written in another tool's language (a Heat template, an Ansible playbook), and one line
 * for each thing the text does not say as the groups have it.
 */
public record WrittenText(String text, List<String> notes) {

    public WrittenText {
        notes = List.copyOf(notes);
    }
}
