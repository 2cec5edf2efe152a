package dev.portcullis.backend;

import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A project's groups and interfaces as loaded at one moment. */
public record Snapshot(List<SecurityGroup> groups, List<Port> ports, Instant loadedAt) {

    public Snapshot {
        groups = List.copyOf(groups);
        ports = List.copyOf(ports);
    }

    public Optional<SecurityGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The interfaces that use a group. */
    public List<Port> portsUsing(String groupId) {
        return ports.stream().filter(p -> p.uses(groupId)).toList();
    }
}
