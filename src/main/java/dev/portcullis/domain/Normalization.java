package dev.portcullis.domain;

import java.util.Locale;

/**
 * What Neutron does to an accepted rule before it stores it: protocol names in lower case, the legacy
 * ICMP names (and number 1) on IPv6 turned into {@code ipv6-icmp} (58), and the whole port range 1-65535
 * turned into "any". Bare host addresses already carry /32 or /128 once parsed into a {@link Cidr}.
 */
public final class Normalization {

    private Normalization() {
    }

    public static Rule normalize(Rule rule) {
        Protocol protocol = canonicalProtocol(rule.protocol(), rule.etherType());
        PortRange ports = canonicalPorts(rule.ports());
        if (protocol.equals(rule.protocol()) && ports.equals(rule.ports())) {
            return rule;
        }
        return new Rule(rule.id(), rule.direction(), rule.etherType(), protocol, ports, rule.remote(),
                rule.description());
    }

    static Protocol canonicalProtocol(Protocol protocol, EtherType etherType) {
        if (protocol.isAny()) {
            return protocol;
        }
        String value = protocol.value();
        String lower = value.toLowerCase(Locale.ROOT);
        if (Protocol.NAMES.containsKey(lower)) {
            value = lower;
        }
        if (etherType == EtherType.IPV6) {
            if (value.equals("icmp") || value.equals("icmpv6")) {
                value = "ipv6-icmp";
            } else if (value.equals("1")) {
                value = "58";
            }
        }
        return value.equals(protocol.value()) ? protocol : Protocol.of(value);
    }

    static PortRange canonicalPorts(PortRange ports) {
        if (Integer.valueOf(1).equals(ports.min()) && Integer.valueOf(65535).equals(ports.max())) {
            return PortRange.ANY;
        }
        return ports;
    }
}
