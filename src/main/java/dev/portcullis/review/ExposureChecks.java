package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What a single rule opens to whom: traffic from every address, from public networks, wide port ranges. */
final class ExposureChecks {

    private static final Map<Integer, String> SERVICES = Map.ofEntries(
            Map.entry(20, "FTP data"), Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "Telnet"),
            Map.entry(135, "RPC"), Map.entry(137, "NetBIOS"), Map.entry(138, "NetBIOS"), Map.entry(139, "NetBIOS"),
            Map.entry(445, "SMB"), Map.entry(1433, "MS SQL"), Map.entry(1434, "MS SQL"), Map.entry(1521, "Oracle"),
            Map.entry(2049, "NFS"), Map.entry(2483, "Oracle"), Map.entry(3306, "MySQL"), Map.entry(3389, "RDP"),
            Map.entry(5432, "PostgreSQL"), Map.entry(5601, "Kibana"), Map.entry(5900, "VNC"),
            Map.entry(5985, "WinRM"), Map.entry(5986, "WinRM"), Map.entry(6379, "Redis"), Map.entry(9092, "Kafka"),
            Map.entry(9200, "Elasticsearch"), Map.entry(9300, "Elasticsearch"), Map.entry(11211, "memcached"),
            Map.entry(27017, "MongoDB"), Map.entry(27018, "MongoDB"));

    private static final int ICMP_ECHO_REQUEST = 8;
    private static final int ICMPV6_ECHO_REQUEST = 128;

    private ExposureChecks() {
    }

    static void run(Context c, SecurityGroup group, Rule rule) {
        boolean fromEverywhere = rule.direction() == Direction.INGRESS && rule.remote().isEveryAddress();
        if (fromEverywhere) {
            everywhere(c, group, rule);
        }
        if (rule.remote() instanceof Remote.Prefix p && !p.isEveryAddress()
                && p.cidr().prefixLength() < p.cidr().width() && PublicAddresses.isPublic(p.cidr())) {
            publicNetwork(c, group, rule, p);
        }
        if (rule.direction() == Direction.INGRESS && rule.protocol().supportsPorts() && !rule.ports().isAny()) {
            int span = rule.ports().high() - rule.ports().low() + 1;
            if (span > c.settings.widePortRange()) {
                c.rule(Check.WIDE_PORT_RANGE, group, rule, "It opens " + span + " ports ("
                                + rule.ports().portLabel() + "), more than the " + c.settings.widePortRange()
                                + " a single service needs.",
                        "Open only the ports the service listens on, one rule per port or short range.");
            }
        }
    }

    private static void everywhere(Context c, SecurityGroup group, Rule rule) {
        if (Coverage.allProtocols(rule.protocol())) {
            boolean knownUnused = c.portsKnown() && !c.inUse(group);
            c.rule(Check.WORLD_OPEN_ALL, knownUnused ? Severity.HIGH : Severity.CRITICAL, group, rule,
                    "Every protocol and port is open to any address on the internet"
                            + (knownUnused ? " (no interface uses the group yet)." : "."),
                    "Delete the rule and allow only the services needed, from the addresses that need them.");
            return;
        }
        if (rule.protocol().supportsPorts()) {
            exposedPorts(c, group, rule, Check.WORLD_OPEN_ADMIN_PORT, c.settings.adminPorts(),
                    "Remote administration", "through a VPN, a bastion host or your office's addresses");
            exposedPorts(c, group, rule, Check.WORLD_OPEN_DATABASE_PORT, c.settings.databasePorts(),
                    "A database, cache or file service",
                    "from the application servers' group or addresses");
        }
        if (rule.protocol().isIcmp()) {
            int echo = rule.etherType() == EtherType.IPV4 ? ICMP_ECHO_REQUEST : ICMPV6_ECHO_REQUEST;
            boolean pingOnly = rule.ports().min() != null && rule.ports().min() == echo;
            c.rule(Check.ICMP_FROM_ANYWHERE, pingOnly ? Severity.INFO : Severity.MEDIUM, group, rule,
                    pingOnly ? "Any address on the internet may ping the interfaces."
                            : "Any address on the internet may send " + (rule.ports().isAny() ? "every kind of"
                            : "this kind of") + " ICMP message, which helps others map the network.",
                    pingOnly ? "Nothing to do if answering pings is wanted; otherwise limit the source addresses."
                            : "Allow only the ICMP types needed (echo request, or type 3 for path MTU discovery).");
        }
    }

    private static void exposedPorts(Context c, SecurityGroup group, Rule rule, Check check, Set<Integer> watched,
                                     String what, String instead) {
        Set<Integer> open = watched.stream().filter(rule.ports()::contains).collect(Collectors.toCollection(TreeSet::new));
        if (open.isEmpty()) {
            return;
        }
        String ports = open.stream().map(p -> SERVICES.containsKey(p) ? SERVICES.get(p) + " (" + p + ")" : "port " + p)
                .collect(Collectors.joining(", "));
        c.rule(check, group, rule, what + " is open to any address on the internet: " + ports + ".",
                "Allow it only " + instead + ", not from " + rule.remoteLabel(id -> id) + ".");
    }

    private static void publicNetwork(Context c, SecurityGroup group, Rule rule, Remote.Prefix p) {
        int wide = p.cidr().version() == 4 ? c.settings.widePrefixV4() : c.settings.widePrefixV6();
        String cidr = p.cidr().network().toString();
        if (p.cidr().prefixLength() <= wide) {
            c.rule(Check.WIDE_PUBLIC_NETWORK, group, rule, "The rule reaches a wide public network, " + cidr
                            + " (a /" + p.cidr().prefixLength() + "): far more addresses than one organisation uses.",
                    "Narrow the prefix to the addresses that really need the traffic.");
        } else if (rule.direction() == Direction.INGRESS) {
            c.rule(Check.PUBLIC_NETWORK, group, rule, "A whole public network, " + cidr
                            + ", may connect, not a single host.",
                    "If one machine is meant, use its /" + p.cidr().width()
                            + "; otherwise make sure the network is one you control.");
        }
    }
}
