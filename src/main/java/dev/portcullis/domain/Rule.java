package dev.portcullis.domain;

import java.util.Objects;

/**
 * A security group rule as Neutron stores it. Rules are immutable in Neutron; a rule without an
 * {@code id} is a draft that has not been created yet.
 */
public record Rule(String id, Direction direction, EtherType etherType, Protocol protocol, PortRange ports,
                   Remote remote, String description) {

    public Rule {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(etherType, "etherType");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(remote, "remote");
    }

    /** A draft rule (no id yet). */
    public static Rule draft(Direction direction, EtherType etherType, Protocol protocol, PortRange ports,
                             Remote remote, String description) {
        return new Rule(null, direction, etherType, protocol, ports, remote, description);
    }

    /** The rule Neutron adds to every new group for the given IP version: all outbound traffic. */
    public static Rule egressAnywhere(EtherType etherType) {
        return draft(Direction.EGRESS, etherType, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null);
    }

    public boolean isDraft() {
        return id == null;
    }

    public Rule withId(String newId) {
        return new Rule(newId, direction, etherType, protocol, ports, remote, description);
    }

    public Rule withDescription(String newDescription) {
        return new Rule(id, direction, etherType, protocol, ports, remote, newDescription);
    }

    public Rule asDraft() {
        return withId(null);
    }

    public RuleKey key() {
        return RuleKey.of(this);
    }

    public String remoteIpPrefix() {
        return remote instanceof Remote.Prefix p ? p.cidr().toString() : null;
    }

    /** Neutron's read-only {@code normalized_cidr}: the prefix with host bits cleared. */
    public String normalizedCidr() {
        return remote instanceof Remote.Prefix p ? p.cidr().network().toString() : null;
    }

    public String remoteGroupId() {
        return remote instanceof Remote.Group g ? g.groupId() : null;
    }

    public String remoteAddressGroupId() {
        return remote instanceof Remote.AddressGroup a ? a.addressGroupId() : null;
    }

    /**
     * One line for people, e.g. {@code Ingress IPv4 TCP 22 from 0.0.0.0/0}, {@code Egress IPv6 all traffic to ::/0}.
     * {@code groupName} turns a remote group's or address group's id into a name where one is known.
     */
    public String summary(java.util.function.Function<String, String> groupName) {
        StringBuilder s = new StringBuilder();
        s.append(direction.label()).append(' ').append(etherType.neutronValue()).append(' ');
        if (protocol.isAny()) {
            s.append("all traffic");
        } else {
            s.append(protocol.label());
            if (protocol.isIcmp()) {
                if (!ports.isAny()) {
                    s.append(' ').append(ports.icmpLabel());
                }
            } else if (protocol.supportsPorts()) {
                s.append(' ').append(ports.isAny() ? "all ports" : ports.portLabel());
            }
        }
        s.append(direction == Direction.INGRESS ? " from " : " to ");
        s.append(remoteLabel(groupName));
        return s.toString();
    }

    public String remoteLabel(java.util.function.Function<String, String> groupName) {
        if (remote instanceof Remote.Prefix p) {
            return p.cidr().toString();
        }
        if (remote instanceof Remote.Group g) {
            String name = groupName.apply(g.groupId());
            return "group " + (name == null ? g.groupId() : name);
        }
        if (remote instanceof Remote.AddressGroup a) {
            String name = groupName.apply(a.addressGroupId());
            return "address group " + (name == null ? a.addressGroupId() : name);
        }
        return etherType == EtherType.IPV4 ? "0.0.0.0/0" : "::/0";
    }
}
