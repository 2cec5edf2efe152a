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

    /** The note for a group whose tags a format cannot hold ({@code what}: the resource or module); null without tags. */
    static String tagsLeftOut(dev.portcullis.domain.SecurityGroup group, String what) {
        if (group.tags().isEmpty()) {
            return null;
        }
        return "The tags of " + group.name() + " (" + String.join(", ", dev.portcullis.domain.Tags.normalized(
                group.tags())) + ") are not written: " + what + " has no tags.";
    }
}
