package dev.portcullis.domain;

/** Names an interface in a request: its id and a label for messages. */
public record PortRef(String id, String label) {
}
