package dev.portcullis.ui.network;

/**
 * A rule for people: {@code Ingress IPv4 TCP 22 from 0.0.0.0/0}, with the rule's own description when
 * it has one.
 */
public record RuleLine(String summary, String description) {

    public RuleLine {
        description = description == null ? "" : description;
    }

    @Override
    public String toString() {
        return description.isEmpty() ? summary : summary + " (" + description + ")";
    }
}
