package dev.portcullis.review;

import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;

import java.util.OptionalInt;

/**
 * Which traffic a rule lets through, as Neutron reads it: no protocol (or protocol 0) is every protocol,
 * no port range is every port, no remote (or a /0 prefix) is every address of the rule's IP version.
 */
final class Coverage {

    /** What makes two rules let exactly the same traffic through, description and host bits aside. */
    record Meaning(Object direction, EtherType etherType, int protocol, Integer min, Integer max, String remote) {
    }

    /** {@link #protocolNumber} of a rule for every protocol. */
    static final int ALL_PROTOCOLS = -1;

    private Coverage() {
    }

    /** The protocol number, IPv6's legacy ICMP (1) read as ICMPv6 (58); -1 for every protocol. */
    static int protocolNumber(Rule rule) {
        if (rule.protocol().isAny()) {
            return ALL_PROTOCOLS;
        }
        OptionalInt n = rule.protocol().number(); // read once: a number's text is parsed each time
        if (n.isEmpty()) {
            return -2;
        }
        int number = n.getAsInt();
        return number == 0 ? ALL_PROTOCOLS : rule.etherType() == EtherType.IPV6 && number == 1 ? 58 : number;
    }

    static Meaning meaning(Rule rule) {
        return new Meaning(rule.direction(), rule.etherType(), protocolNumber(rule), rule.ports().min(),
                rule.ports().max(), remoteKey(rule.remote()));
    }

    private static String remoteKey(Remote remote) {
        if (remote.isEveryAddress()) {
            return "*";
        }
        if (remote instanceof Remote.Prefix p) {
            return p.cidr().network().toString();
        }
        if (remote instanceof Remote.Group g) {
            return "group " + g.groupId();
        }
        return "address group " + ((Remote.AddressGroup) remote).addressGroupId();
    }

    /** Whether every packet {@code inner} lets through, {@code outer} lets through too. */
    static boolean covers(Rule outer, Rule inner) {
        return outer.direction() == inner.direction() && outer.etherType() == inner.etherType()
                && protocolCovers(outer, inner) && remoteCovers(outer.remote(), inner.remote());
    }

    /** Protocol and ports (or ICMP type and code). */
    private static boolean protocolCovers(Rule outer, Rule inner) {
        int o = protocolNumber(outer);
        if (o == -1) {
            return true;
        }
        if (o != protocolNumber(inner)) {
            return false;
        }
        if (outer.ports().isAny()) {
            return true;
        }
        if (inner.ports().isAny()) {
            return false;
        }
        if (outer.protocol().isIcmp()) {
            return java.util.Objects.equals(outer.ports().min(), inner.ports().min())
                    && (outer.ports().max() == null || outer.ports().max().equals(inner.ports().max()));
        }
        return outer.ports().low() <= inner.ports().low() && inner.ports().high() <= outer.ports().high();
    }

    static boolean remoteCovers(Remote outer, Remote inner) {
        if (outer.isEveryAddress()) {
            return true;
        }
        if (outer instanceof Remote.Prefix o) {
            return inner instanceof Remote.Prefix i && !inner.isEveryAddress() && o.cidr().network().contains(i.cidr());
        }
        return outer.equals(inner);
    }
}
