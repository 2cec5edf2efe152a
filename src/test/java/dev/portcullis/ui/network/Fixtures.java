package dev.portcullis.ui.network;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Groups and interfaces for the view's tests, shaped like the workspace's seed. */
final class Fixtures {

    static final String DEFAULT = "g-default";
    static final String WEB = "g-web";
    static final String DB = "g-db";

    private Fixtures() {
    }

    /** default, web-server-public (SSH/HTTP/HTTPS for IPv4 and IPv6), db-internal (5432 from web). */
    static List<SecurityGroup> seeded() {
        List<SecurityGroup> groups = new ArrayList<>();
        groups.add(group(DEFAULT, "default", "Default security group", List.of(
                rule("r-d1", Direction.INGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, Remote.group(DEFAULT), null),
                rule("r-d2", Direction.INGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY, Remote.group(DEFAULT), null),
                rule("r-d3", Direction.EGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null),
                rule("r-d4", Direction.EGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null))));
        List<Rule> web = new ArrayList<>(egress("r-w"));
        int n = 0;
        for (String[] service : new String[][] {{"22", "SSH"}, {"80", "HTTP"}, {"443", "HTTPS"}}) {
            int port = Integer.parseInt(service[0]);
            web.add(rule("r-w" + (++n), Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(port),
                    Remote.prefix("0.0.0.0/0"), service[1]));
            web.add(rule("r-w" + (++n), Direction.INGRESS, EtherType.IPV6, Protocol.TCP, PortRange.of(port),
                    Remote.prefix("::/0"), service[1]));
        }
        groups.add(group(WEB, "web-server-public",
                "Security group for a public web server. Allows SSH access and inbound HTTP/HTTPS traffic", web));
        List<Rule> db = new ArrayList<>(egress("r-db"));
        db.add(rule("r-db1", Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432), Remote.group(WEB),
                "PostgreSQL from the web servers"));
        db.add(rule("r-db2", Direction.INGRESS, EtherType.IPV6, Protocol.TCP, PortRange.of(5432), Remote.group(WEB),
                "PostgreSQL from the web servers"));
        groups.add(group(DB, "db-internal", "PostgreSQL reachable only from the web servers", db));
        return groups;
    }

    static List<Port> seededPorts() {
        return List.of(
                new Port("p-web", "web-1 eth0", "server-web", "compute:nova", List.of("10.0.0.11"),
                        List.of(DEFAULT, WEB)),
                new Port("p-db", "db-1 eth0", "server-db", "compute:nova", List.of("10.0.0.21"),
                        List.of(DEFAULT, DB)));
    }

    static FakeBackend seededBackend() {
        return new FakeBackend(seeded(), seededPorts());
    }

    static SecurityGroup group(String id, String name, String description, List<Rule> rules) {
        return new SecurityGroup(id, "p", name, description, true, false, 1, rules, List.of(), Instant.EPOCH,
                Instant.EPOCH);
    }

    static Rule rule(String id, Direction direction, EtherType etherType, Protocol protocol, PortRange ports,
                     Remote remote, String description) {
        return new Rule(id, direction, etherType, protocol, ports, remote, description);
    }

    static Rule tcpIn(String id, int min, int max, String cidr) {
        return rule(id, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(min, max), Remote.prefix(cidr),
                null);
    }

    /** Neutron's two egress rules, with ids. */
    static List<Rule> egress(String prefix) {
        return List.of(
                rule(prefix + "-e4", Direction.EGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null),
                rule(prefix + "-e6", Direction.EGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null));
    }

    /** The names of the rows a view model shows: the default group(s), then the custom ones. */
    static List<String> rowNames(NetworkConfigurationViewModel vm) {
        return java.util.stream.Stream.concat(vm.defaultGroups().stream(), vm.customGroups().stream())
                .map(GroupRow::name).toList();
    }
}
