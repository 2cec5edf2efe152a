package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small builders for groups, rules and interfaces, each rule with an id and a description. */
final class Fixtures {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Fixtures() {
    }

    static Rule ingress(String protocol, Integer min, Integer max, String cidr) {
        return rule(Direction.INGRESS, EtherType.IPV4, protocol, min, max, cidr == null ? Remote.ANYWHERE : Remote.prefix(cidr));
    }

    static Rule ingress6(String protocol, Integer min, Integer max, String cidr) {
        return rule(Direction.INGRESS, EtherType.IPV6, protocol, min, max, cidr == null ? Remote.ANYWHERE : Remote.prefix(cidr));
    }

    static Rule egress(String protocol, Integer min, Integer max, String cidr) {
        return rule(Direction.EGRESS, EtherType.IPV4, protocol, min, max, cidr == null ? Remote.ANYWHERE : Remote.prefix(cidr));
    }

    static Rule fromGroup(Direction direction, String groupId) {
        return rule(direction, EtherType.IPV4, null, null, null, Remote.group(groupId));
    }

    static Rule rule(Direction direction, EtherType etherType, String protocol, Integer min, Integer max, Remote remote) {
        return new Rule("r" + IDS.incrementAndGet(), direction, etherType, Protocol.of(protocol),
                new PortRange(min, max), remote, "described");
    }

    static SecurityGroup group(String id, Rule... rules) {
        return new SecurityGroup(id, "p1", id, "what " + id + " is for", true, false, 1, List.of(rules), List.of(),
                null, null);
    }

    static SecurityGroup stateless(String id, Rule... rules) {
        return new SecurityGroup(id, "p1", id, "what " + id + " is for", false, false, 1, List.of(rules), List.of(),
                null, null);
    }

    static Port port(String id, String... groups) {
        return new Port(id, id, "server", "compute:nova", List.of("10.0.0.5"), List.of(groups));
    }

    static List<Finding> review(List<SecurityGroup> groups, List<Port> ports) {
        return Review.of(groups, ports, ReviewSettings.defaults());
    }

    static List<Finding> review(SecurityGroup... groups) {
        return Review.of(List.of(groups), List.of(), ReviewSettings.defaults());
    }

    static List<Finding> only(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }
}
