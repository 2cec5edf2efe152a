package dev.portcullis.ui.review;

import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;

import java.util.Locale;
import java.util.stream.Stream;

/** One finding as the Review view lists it: where it is and what it says, in words. */
public record FindingRow(Finding finding) {

    public Severity severity() {
        return finding.severity();
    }

    /** The group's name, {@code (no name)} for a nameless one, or {@code Project} for a project-wide finding. */
    public String group() {
        if (finding.groupId() == null) {
            return "Project";
        }
        return finding.groupName() == null || finding.groupName().isEmpty() ? "(no name)" : finding.groupName();
    }

    /** The rule in words, or {@code The whole group} / {@code The whole project} when it is about no one rule. */
    public String rule() {
        if (finding.rule() != null) {
            return finding.rule();
        }
        return finding.groupId() == null ? "The whole project" : "The whole group";
    }

    public String explanation() {
        return finding.explanation();
    }

    public String fix() {
        return finding.fix();
    }

    public String check() {
        return finding.check();
    }

    /** Whether there is a group to go to (project-wide findings have none). */
    public boolean canOpen() {
        return finding.groupId() != null;
    }

    /** Whether every word of {@code text} is in the group, rule, explanation, fix or check id (any case). */
    boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String all = String.join("\n", group(), rule(), explanation(), fix(), check()).toLowerCase(Locale.ROOT);
        return Stream.of(text.toLowerCase(Locale.ROOT).trim().split("\\s+")).allMatch(all::contains);
    }
}
