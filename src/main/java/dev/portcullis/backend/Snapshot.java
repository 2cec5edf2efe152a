package dev.portcullis.backend;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.SourceGap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's groups and interfaces as loaded at one moment.
 *
 * @param loadedAt when the data was read from its source (for an offline copy: when it was saved)
 * @param offline  why this is a saved copy and not the live project (the cloud could not be reached), or
 *                 null when it is live. An offline snapshot is read-only.
 * @param addressGroups the project's address groups, which rules may name as their remote
 */
public record Snapshot(List<SecurityGroup> groups, List<Port> ports, Instant loadedAt, String offline,
                       List<SourceGap> gaps, List<AddressGroup> addressGroups) {

    public Snapshot {
        groups = List.copyOf(groups);
        ports = List.copyOf(ports);
        gaps = List.copyOf(gaps);
        addressGroups = List.copyOf(addressGroups);
    }

    /** A snapshot of a source without address groups. */
    public Snapshot(List<SecurityGroup> groups, List<Port> ports, Instant loadedAt, String offline,
                    List<SourceGap> gaps) {
        this(groups, ports, loadedAt, offline, gaps, List.of());
    }

    /** With an address group added, or replaced by its new version. */
    public Snapshot withAddressGroup(AddressGroup changed) {
        List<AddressGroup> next = new ArrayList<>(addressGroups.size() + 1);
        boolean replaced = false;
        for (AddressGroup a : addressGroups) {
            replaced |= a.id().equals(changed.id());
            next.add(a.id().equals(changed.id()) ? changed : a);
        }
        if (!replaced) {
            next.add(changed);
        }
        return withAddressGroups(next);
    }

    /** Without a deleted address group. */
    public Snapshot withoutAddressGroup(String id) {
        return withAddressGroups(addressGroups.stream().filter(a -> !a.id().equals(id)).toList());
    }

    /** The same moment's data with these address groups (read beside the groups). */
    public Snapshot withAddressGroups(List<AddressGroup> addressGroups) {
        return new Snapshot(groups, ports, loadedAt, offline, gaps, addressGroups);
    }

    /** A snapshot of a source that could be read whole (every cloud and workspace load). */
    public Snapshot(List<SecurityGroup> groups, List<Port> ports, Instant loadedAt, String offline) {
        this(groups, ports, loadedAt, offline, List.of());
    }

    /**
     * A source file's snapshot: what could be read, and each part that could not ({@code gaps}), which the
     * review reports in its place.
     */
    public static Snapshot ofSource(List<SecurityGroup> groups, List<Port> ports, List<SourceGap> gaps) {
        return new Snapshot(groups, ports, Instant.now(), null, gaps);
    }

    /** A live snapshot. */
    public Snapshot(List<SecurityGroup> groups, List<Port> ports, Instant loadedAt) {
        this(groups, ports, loadedAt, null);
    }

    /** True when this is a saved copy shown because the source could not be reached. */
    public boolean isOffline() {
        return offline != null;
    }

    /** The same data marked as an offline copy, with the reason the live source failed. */
    public Snapshot asOffline(String reason) {
        return new Snapshot(groups, ports, loadedAt, reason, gaps, addressGroups);
    }

    /** The same moment's data with a group added, or replaced by its new version (after a change worked). */
    public Snapshot withGroup(SecurityGroup group) {
        List<SecurityGroup> changed = new ArrayList<>(groups);
        int at = -1;
        for (int i = 0; i < changed.size() && at < 0; i++) {
            at = changed.get(i).id().equals(group.id()) ? i : -1;
        }
        if (at >= 0) {
            changed.set(at, group);
        } else {
            changed.add(group);
        }
        return new Snapshot(changed, ports, loadedAt, offline, gaps, addressGroups);
    }

    /** Without a deleted group, nor the rules of other groups that pointed at it (Neutron's cascade). */
    public Snapshot withoutGroup(String id) {
        List<SecurityGroup> remaining = groups.stream().filter(g -> !g.id().equals(id))
                .map(g -> g.rules().stream().anyMatch(r -> id.equals(r.remoteGroupId()))
                        ? g.withRules(g.rules().stream().filter(r -> !id.equals(r.remoteGroupId())).toList(),
                        g.revision(), g.updatedAt())
                        : g)
                .toList();
        return new Snapshot(remaining, ports, loadedAt, offline, gaps, addressGroups);
    }

    /** With an interface as it is now. */
    public Snapshot withPort(Port port) {
        return new Snapshot(groups, ports.stream().map(p -> p.id().equals(port.id()) ? port : p).toList(),
                loadedAt, offline, gaps, addressGroups);
    }

    public Optional<SecurityGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The interfaces that use a group. */
    public List<Port> portsUsing(String groupId) {
        return ports.stream().filter(p -> p.uses(groupId)).toList();
    }
}
