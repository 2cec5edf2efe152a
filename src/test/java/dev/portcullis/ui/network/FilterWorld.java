package dev.portcullis.ui.network;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.RemoteAddresses;
import dev.portcullis.review.TrafficCheck;
import dev.portcullis.review.TrafficCheckAnswer.Verdict;
import dev.portcullis.review.TrafficCheckPacket;

import java.util.List;

/**
 * A small project for comparing the filter with Check traffic: an interface in group {@code g-members} with
 * the addresses 10.0.0.7 and 2001:db8::7, and an address group {@code ag-office} of 10.0.1.0/24 and
 * 2001:db8::100/120. Whether the interfaces are known is the caller's choice.
 */
record FilterWorld(boolean portsKnown) {

    static final List<Port> PORTS = List.of(new Port("p-1", "member-1", "vm-1", "compute:nova",
            List.of("10.0.0.7", "2001:db8::7"), List.of("g-members")));
    static final List<AddressGroup> ADDRESS_GROUPS = List.of(new AddressGroup("ag-office", "p", "office", "",
            List.of(Cidr.parse("10.0.1.0/24").orElseThrow(), Cidr.parse("2001:db8::100/120").orElseThrow())));
    static final List<String> PORT_PROTOCOLS = List.of("tcp", "udp", "sctp", "dccp", "udplite");

    static SecurityGroup group(Rule... rules) {
        return new SecurityGroup("g-asked", "p", "asked", "", true, false, 1, List.of(rules), List.of(), null, null);
    }

    List<Port> ports() {
        return portsKnown ? PORTS : List.of();
    }

    /** Whether the filter finds the group. */
    boolean filterFinds(String filter, SecurityGroup group) {
        return GroupSearch.parse(filter).test(GroupSearch.index(group,
                RemoteAddresses.of(ports(), portsKnown, ADDRESS_GROUPS)));
    }

    TrafficCheck check(SecurityGroup group) {
        return new TrafficCheck(List.of(group), ports(), portsKnown, ADDRESS_GROUPS);
    }

    /** Check traffic's answer about traffic of one protocol with ports to {@code port} from (or to) the address. */
    Verdict verdict(SecurityGroup group, Direction direction, String protocol, int port, String address) {
        return check(group).check(group, TrafficCheckPacket.parse(direction, protocol, port, null, null, address))
                .verdict();
    }

    /** Whether Check traffic allows traffic to {@code port} of some protocol with ports. */
    boolean someProtocolAllowed(SecurityGroup group, Direction direction, int port, String address) {
        return PORT_PROTOCOLS.stream().anyMatch(p -> verdict(group, direction, p, port, address) == Verdict.ALLOWED);
    }

    /** The filter's words for a port and an address in a direction: {@code in:22 in:10.0.0.5}. */
    static String words(Direction direction, int port, String address) {
        String side = direction == Direction.INGRESS ? "in:" : "out:";
        return side + port + " " + side + address;
    }
}
