package dev.portcullis.review;

import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Protocol;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One packet to ask about: its direction as seen from the interface, its IP protocol, its port (for TCP,
 * UDP, SCTP, DCCP and UDP-Lite) or ICMP type and code, and the address at the other end (the source of
 * ingress traffic, the destination of egress traffic). The address's family is the packet's ether type.
 */
public record TrafficCheckPacket(Direction direction, Protocol protocol, Integer port, Integer icmpType,
                                 Integer icmpCode, Cidr remote) {

    public TrafficCheckPacket {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(remote, "remote");
    }

    /**
     * A packet from what a person typed; a value that makes no packet is an {@link IllegalArgumentException}
     * whose message says which value and why.
     *
     * @param protocol a protocol name ({@code tcp}, {@code icmp}...) or number 0-255
     * @param port     the port of a port protocol, else null
     * @param icmpType the ICMP type of an ICMP packet, else null
     * @param icmpCode the ICMP code (null: 0)
     * @param address  one IPv4 or IPv6 address, no prefix
     */
    public static TrafficCheckPacket parse(Direction direction, String protocol, Integer port, Integer icmpType,
                                           Integer icmpCode, String address) {
        Protocol p = protocolOf(protocol);
        Cidr remote = Cidr.host(address).orElseThrow(() -> new IllegalArgumentException(
                "the remote address \"" + address + "\" is not one IPv4 or IPv6 address (no prefix length)"));
        if (p.supportsPorts()) {
            if (port == null) {
                throw new IllegalArgumentException(p.label() + " traffic needs a port");
            }
            inRange("port", port, 1, 65535);
        } else if (port != null) {
            throw new IllegalArgumentException(p.label() + " traffic has no ports (only TCP, UDP, SCTP, DCCP and "
                    + "UDP-Lite do)");
        }
        if (p.isIcmp()) {
            if (icmpType == null) {
                throw new IllegalArgumentException("ICMP traffic needs an ICMP type (8 is an echo request)");
            }
            inRange("ICMP type", icmpType, 0, 255);
            inRange("ICMP code", icmpCode == null ? 0 : icmpCode, 0, 255);
        } else if (icmpType != null || icmpCode != null) {
            throw new IllegalArgumentException("an ICMP type or code is only for ICMP traffic, not " + p.label());
        }
        Integer code = p.isIcmp() && icmpCode == null ? Integer.valueOf(0) : icmpCode;
        return new TrafficCheckPacket(direction, p, port, icmpType, code, remote);
    }

    private static Protocol protocolOf(String text) {
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() <= 3) {
            int n = Integer.parseInt(text);
            if (n <= 255) {
                return Protocol.number(n);
            }
        }
        return Protocol.named(text).orElseThrow(() -> new IllegalArgumentException("\"" + text
                + "\" is not a protocol: give a name (" + String.join(", ", Protocol.knownNames())
                + ") or a number from 0 to 255"));
    }

    private static void inRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("the " + what + " " + value + " is not from " + min + " to " + max);
        }
    }

    public EtherType etherType() {
        return remote.etherType();
    }

    /**
     * The IP protocol number as it travels: names and numbers resolved, and on IPv6 ICMP is ICMPv6 (58),
     * as Neutron's firewall drivers treat {@code icmp} on an IPv6 rule. Empty for "every protocol".
     */
    static OptionalInt wireNumber(Protocol protocol, EtherType etherType) {
        OptionalInt n = protocol.number();
        if (n.isPresent() && n.getAsInt() == 1 && etherType == EtherType.IPV6) {
            return OptionalInt.of(58);
        }
        return n;
    }

    /** For people: {@code TCP port 22 from 203.0.113.5}, {@code ICMP type 8 code 0 to 2001:db8::1}. */
    public String summary() {
        StringBuilder s = new StringBuilder(direction.label()).append(' ').append(protocol.label());
        if (port != null) {
            s.append(" port ").append(port);
        }
        if (icmpType != null) {
            s.append(" type ").append(icmpType).append(" code ").append(icmpCode);
        }
        return s.append(direction == Direction.INGRESS ? " from " : " to ").append(remote.addressText()).toString();
    }
}
