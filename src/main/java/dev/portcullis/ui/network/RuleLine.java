package dev.portcullis.ui.network;

/**
 * A rule for people: {@code Ingress IPv4 TCP 22 from 0.0.0.0/0}, with the rule's own description when
 * it has one; {@code id} says which rule it is (null for a draft).
 */
public record RuleLine(String id, String summary, String description) {

    public RuleLine {
        description = description == null ? "" : description;
    }

    @Override
    public String toString() {
        return description.isEmpty() ? summary : summary + " (" + description + ")";
    }
}
