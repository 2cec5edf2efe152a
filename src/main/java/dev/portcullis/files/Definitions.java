package dev.portcullis.files;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/**
 * The contents of a definition file: groups, and optionally the interfaces that use them and the address
 * groups their rules name.
 */
public record Definitions(List<SecurityGroup> groups, List<Port> ports, List<AddressGroup> addressGroups) {

    public Definitions {
        groups = List.copyOf(groups);
        ports = List.copyOf(ports);
        addressGroups = List.copyOf(addressGroups);
    }

    /** Groups and interfaces, no address groups. */
    public Definitions(List<SecurityGroup> groups, List<Port> ports) {
        this(groups, ports, List.of());
    }
}
