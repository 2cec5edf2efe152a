package dev.portcullis.files;

import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/** The contents of a definition file: groups, and optionally the interfaces that use them. */
public record Definitions(List<SecurityGroup> groups, List<Port> ports) {

    public Definitions {
        groups = List.copyOf(groups);
        ports = List.copyOf(ports);
    }
}
