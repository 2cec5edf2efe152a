package dev.portcullis.domain;

/** Names a group in a request: its id, its name for messages, and the revision the caller last saw. */
public record GroupRef(String id, String name, long revision) {
}
