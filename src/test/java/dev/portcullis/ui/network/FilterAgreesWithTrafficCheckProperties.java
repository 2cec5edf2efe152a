package dev.portcullis.ui.network;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random rules (every spelling of "every protocol", port and other protocols, prefixes, remote groups and
 * address groups, known or not) and random ports and addresses near them, the filter's words
 * {@code in:PORT in:ADDRESS} find a group of that one rule exactly when Check traffic allows traffic of some
 * protocol with ports to that port from that address.
 */
class FilterAgreesWithTrafficCheckProperties {

    private static final List<String> PROTOCOLS = List.of("any", "0", "ip", "hopopt", "tcp", "6", "udp", "17",
            "sctp", "dccp", "udplite", "136", "icmp", "1", "gre", "47", "esp");

    /** A rule, whether interfaces are known, and a question: direction, port and address. */
    record Case(Rule rule, boolean portsKnown, Direction asked, int port, String address) {
    }

    /** 10.0.x.y or 2001:db8::x from 12 bits, so that prefixes and addresses often meet. */
    private static String address(boolean v6, int bits) {
        return v6 ? "2001:db8::" + Integer.toHexString(bits) : "10.0." + (bits >> 8) + "." + (bits & 0xff);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Rule> rules = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(PROTOCOLS), Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 0xfff),
                Arbitraries.integers().between(0, 12))
                .as((v6, ingress, protocol, low, extent, remoteKind, bits, hostBits) -> {
                    Protocol p = protocol.equals("any") ? Protocol.ANY : Protocol.of(protocol);
                    PortRange ports = PortRange.ANY;
                    if (p.supportsPorts() && low > 0) {
                        ports = PortRange.of(low, low + extent);
                    } else if (p.isIcmp() && low > 0) {
                        ports = PortRange.icmp(low % 10, extent % 2 == 0 ? null : extent);
                    }
                    Remote remote = switch (remoteKind) {
                        case 0 -> Remote.ANYWHERE;
                        case 1 -> Remote.group("g-members");
                        case 2 -> new Remote.AddressGroup("ag-office");
                        case 3 -> new Remote.AddressGroup("ag-missing");
                        default -> Remote.prefix(address(v6, bits) + "/" + ((v6 ? 128 : 32) - hostBits));
                    };
                    return Rule.draft(ingress ? Direction.INGRESS : Direction.EGRESS,
                            v6 ? EtherType.IPV6 : EtherType.IPV4, p, ports, remote, null);
                });
        Arbitrary<String> addresses = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 0xfff), Arbitraries.of(7, 0x100, 0x105)))
                .as(FilterAgreesWithTrafficCheckProperties::address);
        return Combinators.combine(rules, Arbitraries.of(true, false), Arbitraries.of(Direction.values()),
                Arbitraries.integers().between(1, 48), addresses).as(Case::new);
    }

    @Property(tries = 4000)
    void theFilterFindsARuleExactlyWhenCheckTrafficAllowsThroughIt(@ForAll("cases") Case c) {
        FilterWorld world = new FilterWorld(c.portsKnown());
        SecurityGroup group = FilterWorld.group(c.rule());

        boolean allowed = world.someProtocolAllowed(group, c.asked(), c.port(), c.address());
        Statistics.collect(allowed ? "allowed" : "not allowed");
        Statistics.coverage(k -> k.check("allowed").percentage(pc -> pc > 5));

        assertThat(world.filterFinds(FilterWorld.words(c.asked(), c.port(), c.address()), group))
                .as("%s, asked %s", c.rule().summary(id -> id), FilterWorld.words(c.asked(), c.port(), c.address()))
                .isEqualTo(allowed);
    }

    /** A port alone: the filter finds the rule when some address it lets through is let through to that port. */
    @Property(tries = 2000)
    void aPortAloneFindsTheRulesThatLetItThroughFromTheirOwnAddresses(@ForAll("cases") Case c) {
        Rule rule = Rule.draft(c.rule().direction(), c.rule().etherType(), c.rule().protocol(), c.rule().ports(),
                Remote.ANYWHERE, null);
        SecurityGroup group = FilterWorld.group(rule);
        FilterWorld world = new FilterWorld(c.portsKnown());
        String anywhere = c.rule().etherType() == EtherType.IPV4 ? "203.0.113.5" : "2001:db8::5";
        String side = c.asked() == Direction.INGRESS ? "in:" : "out:";

        assertThat(world.filterFinds(side + c.port(), group))
                .isEqualTo(world.someProtocolAllowed(group, c.asked(), c.port(), anywhere));
    }
}
