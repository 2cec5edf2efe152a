package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Common inbound rules, one choice each. Every preset adds its rules for IPv4 and IPv6 at once, from
 * anywhere; narrow the source afterwards in the table.
 */
public enum Preset {
    SSH("SSH", "TCP 22", tcp("22", "SSH")),
    HTTP("HTTP", "TCP 80", tcp("80", "HTTP")),
    HTTPS("HTTPS", "TCP 443", tcp("443", "HTTPS")),
    WEB("HTTP and HTTPS", "TCP 80 and 443", tcp("80", "HTTP"), tcp("443", "HTTPS")),
    RDP("RDP", "TCP 3389", tcp("3389", "RDP")),
    PING("ICMP echo (ping)", "ICMP type 8, ICMPv6 type 128", new Spec(ProtocolChoice.ICMP, 8, 128, "Ping")),
    DNS("DNS", "UDP and TCP 53", new Spec(ProtocolChoice.UDP, 53, 53, "DNS"), tcp("53", "DNS")),
    MYSQL("MySQL", "TCP 3306", tcp("3306", "MySQL")),
    POSTGRESQL("PostgreSQL", "TCP 5432", tcp("5432", "PostgreSQL")),
    ALL_ICMP("All ICMP", "ICMP, every type", new Spec(ProtocolChoice.ICMP, null, null, "ICMP")),
    ALL_TRAFFIC("All traffic", "every protocol and port", new Spec(ProtocolChoice.ANY, null, null, "All traffic"));

    /** One rule of a preset: its protocol, its port (or ICMP type) for IPv4 and for IPv6, its description. */
    private record Spec(ProtocolChoice protocol, Integer v4, Integer v6, String description) {
    }

    private static Spec tcp(String port, String description) {
        int p = Integer.parseInt(port);
        return new Spec(ProtocolChoice.TCP, p, p, description);
    }

    private final String label;
    private final String detail;
    private final List<Spec> specs;

    Preset(String label, String detail, Spec... specs) {
        this.label = label;
        this.detail = detail;
        this.specs = List.of(specs);
    }

    public String label() {
        return label;
    }

    /** What the preset allows, e.g. {@code TCP 22}. */
    public String detail() {
        return detail;
    }

    /** The rules it adds: for each of its rules, IPv4 then IPv6, inbound from anywhere. */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Spec spec : specs) {
            for (EtherType etherType : EtherType.values()) {
                Integer value = etherType == EtherType.IPV4 ? spec.v4() : spec.v6();
                rules.add(Rule.draft(Direction.INGRESS, etherType, protocol(spec.protocol(), etherType),
                        ports(spec.protocol(), value), Remote.ANYWHERE, spec.description()));
            }
        }
        return rules;
    }

    private static Protocol protocol(ProtocolChoice choice, EtherType etherType) {
        return switch (choice) {
            case TCP -> Protocol.TCP;
            case UDP -> Protocol.UDP;
            case ICMP -> etherType == EtherType.IPV6 ? Protocol.IPV6_ICMP : Protocol.ICMP;
            default -> Protocol.ANY;
        };
    }

    private static PortRange ports(ProtocolChoice choice, Integer value) {
        if (value == null) {
            return PortRange.ANY;
        }
        return choice == ProtocolChoice.ICMP ? PortRange.icmp(value, null) : PortRange.of(value);
    }
}
