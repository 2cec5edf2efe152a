package dev.portcullis.review;

import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;

import java.util.OptionalInt;

/**
 * Does a rule let this traffic through? The one reading of a rule's protocol, ports (or ICMP type and code)
 * and remote, used by Check traffic ({@link TrafficCheck}) and by the console's filter. As Neutron reads a
 * rule (its iptables driver): no protocol, protocol {@code 0} and its names {@code ip} and {@code hopopt} are
 * every protocol; {@code icmp} (or 1) on an IPv6 rule is ICMPv6; no port range is every port; no remote is
 * every address of the rule's IP version, whose family the traffic must have.
 *
 * <p>A rule is read once ({@link #of}): its protocol into a number, its remote into the addresses it stands
 * for; asking is then a few comparisons, since the filter asks every rule of 10,000 groups at each keystroke.
 */
public final class RuleMatch {

    /** How a rule treats some traffic: a remote whose addresses the source cannot tell is undecided. */
    public enum Match { MATCHES, MISSES, UNDECIDED }

    private final Rule rule;
    /** {@link Coverage#protocolNumber}: the wire number, -1 for every protocol, -2 for one not read. */
    private final int protocol;
    private final EtherType etherType;
    /**
     * The ports the rule lets through, {@code low..high}: every port for a rule of every protocol or a port
     * protocol without range, its range for a port protocol, none ({@code 1..0}) otherwise. Kept here so that
     * the filter's loop reads this object alone.
     */
    private final int low;
    private final int high;
    /** The rule's prefix, when its remote is one. */
    private final Cidr prefix;
    /** The addresses of any other remote; null when its addresses cannot be known. */
    private final AddressSet addresses;

    private RuleMatch(Rule rule, int protocol, Cidr prefix, AddressSet addresses) {
        this.rule = rule;
        this.protocol = protocol;
        this.etherType = rule.etherType();
        PortRange range = rule.ports();
        boolean portProtocol = protocol >= 0 && rule.protocol().supportsPorts();
        if (protocol == Coverage.ALL_PROTOCOLS || (portProtocol && range.isAny())) {
            low = 0;
            high = 65535;
        } else if (portProtocol && range.min() != null && range.max() != null) {
            low = range.min();
            high = range.max();
        } else {
            low = 1;
            high = 0;
        }
        this.prefix = prefix;
        this.addresses = addresses;
    }

    /** The rule read once, its remote groups and address groups looked up in {@code remotes}. */
    public static RuleMatch of(Rule rule, RemoteAddresses remotes) {
        int protocol = Coverage.protocolNumber(rule);
        if (rule.remote() instanceof Remote.Prefix p) {
            return new RuleMatch(rule, protocol, p.cidr(), null);
        }
        return new RuleMatch(rule, protocol, null, remotes.of(rule.remote()));
    }

    /** True for a rule of every protocol (none given, or protocol 0 by number or name). */
    public boolean everyProtocol() {
        return protocol == Coverage.ALL_PROTOCOLS;
    }

    /** Whether the rule lets the packet through: direction, ether type, protocol, port or ICMP, and remote. */
    public Match match(TrafficCheckPacket packet) {
        if (rule.direction() != packet.direction() || !letsProtocolOf(packet)) {
            return Match.MISSES;
        }
        return letsAddressIn(packet.remote());
    }

    /**
     * Whether the rule lets through traffic to {@code port} of some protocol with ports (TCP, UDP, SCTP, DCCP,
     * UDP-Lite): a rule of every protocol, or of such a protocol whose range holds the port. Direction, ether
     * type and remote aside.
     */
    public boolean letsPort(int port) {
        return low <= port && port <= high;
    }

    /**
     * Whether the rule's remote lets some address of {@code wanted} (one address, or a prefix) through; the
     * address must be of the rule's IP version. Protocol and direction aside.
     */
    public Match letsAddressIn(Cidr wanted) {
        if (wanted.etherType() != etherType) {
            return Match.MISSES;
        }
        if (prefix != null) {
            return prefix.overlaps(wanted) ? Match.MATCHES : Match.MISSES;
        }
        if (addresses == null) {
            return Match.UNDECIDED;
        }
        return addresses.holdsSomeOf(wanted) ? Match.MATCHES : Match.MISSES;
    }

    /** Ether type, protocol, and port or ICMP type and code. */
    private boolean letsProtocolOf(TrafficCheckPacket packet) {
        if (etherType != packet.etherType()) {
            return false;
        }
        if (everyProtocol()) {
            return true;
        }
        OptionalInt wire = TrafficCheckPacket.wireNumber(packet.protocol(), packet.etherType());
        if (protocol < 0 || wire.isEmpty() || wire.getAsInt() != protocol) {
            return false;
        }
        if (packet.port() != null) {
            return letsPort(packet.port()); // the filter's reading of the range: one for both
        }
        if (packet.icmpType() != null) { // an ICMP rule's range is its type and code
            Integer type = rule.ports().min();
            Integer code = rule.ports().max();
            return type == null || (type.equals(packet.icmpType()) && (code == null || code.equals(packet.icmpCode())));
        }
        return true;
    }
}
