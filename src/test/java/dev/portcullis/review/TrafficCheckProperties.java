package dev.portcullis.review;

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
 * A rule allows exactly the packets inside its protocol, port range (or ICMP type and code) and prefix.
 * Rules and packets are drawn from a small space (addresses near 10.0.0.0 and 2001:db8::, ports 1-40) so
 * that many packets fall inside a rule and many just outside; the expected answer comes from a plain
 * oracle on numbers that shares no code with the check.
 */
class TrafficCheckProperties {

    /** A rule as numbers. protocol: -1 none, else the number (0 = every protocol). */
    record RuleSpec(boolean v6, boolean ingress, int protocol, Integer low, Integer high, int address, int prefix) {

        Rule rule() {
            Protocol p = protocol < 0 ? Protocol.ANY : Protocol.number(protocol);
            PortRange ports = low == null ? PortRange.ANY : new PortRange(low, high);
            return Rule.draft(ingress ? Direction.INGRESS : Direction.EGRESS, v6 ? EtherType.IPV6 : EtherType.IPV4,
                    p, ports, Remote.prefix(text(v6, address) + "/" + prefix), null);
        }
    }

    /** A packet as numbers; port is the port, or the ICMP type with code. */
    record PacketSpec(boolean v6, boolean ingress, int protocol, int port, int code, int address) {

        TrafficCheckPacket packet() {
            boolean ports = PORT_PROTOCOLS.contains(protocol);
            boolean icmp = protocol == 1 || protocol == 58;
            return TrafficCheckPacket.parse(ingress ? Direction.INGRESS : Direction.EGRESS,
                    Integer.toString(protocol), ports ? Integer.valueOf(port) : null,
                    icmp ? Integer.valueOf(port) : null, icmp ? Integer.valueOf(code) : null, text(v6, address));
        }
    }

    static final List<Integer> PORT_PROTOCOLS = List.of(6, 17, 132, 33, 136);

    /** 10.0.x.y for IPv4, 2001:db8::xxxx for IPv6, from the low 16 bits. */
    static String text(boolean v6, int low16) {
        return v6 ? "2001:db8::" + Integer.toHexString(low16) : "10.0." + (low16 >> 8) + "." + (low16 & 0xff);
    }

    /** The oracle. */
    static boolean allows(RuleSpec r, PacketSpec p) {
        if (r.v6 != p.v6 || r.ingress != p.ingress) {
            return false;
        }
        if (r.protocol > 0) {
            int ruleProtocol = r.v6 && r.protocol == 1 ? 58 : r.protocol;
            int packetProtocol = p.v6 && p.protocol == 1 ? 58 : p.protocol;
            if (ruleProtocol != packetProtocol) {
                return false;
            }
            if (PORT_PROTOCOLS.contains(ruleProtocol) && r.low != null && (p.port < r.low || p.port > r.high)) {
                return false;
            }
            boolean icmp = ruleProtocol == 1 || ruleProtocol == 58;
            if (icmp && r.low != null && (r.low != p.port || (r.high != null && r.high != p.code))) {
                return false;
            }
        }
        int width = r.v6 ? 128 : 32;
        int hostBits = width - r.prefix;
        // every generated address shares all bits above the low 16
        return hostBits >= 16 || (r.address >> hostBits) == (p.address >> hostBits);
    }

    @Provide
    Arbitrary<RuleSpec> rules() {
        Arbitrary<Integer> protocol = Arbitraries.of(-1, 0, 6, 17, 132, 1, 58, 47);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), protocol,
                Arbitraries.integers().between(1, 40), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 1023), Arbitraries.integers().between(0, 18),
                Arbitraries.integers().between(0, 4))
                .as((v6, ingress, p, low, extent, address, prefixBack, kind) -> {
                    int proto = v6 && p == 1 ? 58 : !v6 && p == 58 ? 1 : p;
                    Integer from = null;
                    Integer to = null;
                    if (PORT_PROTOCOLS.contains(proto) && kind > 0) {
                        from = low;
                        to = low + extent;
                    } else if ((proto == 1 || proto == 58) && kind > 0) {
                        from = low % 10;
                        to = kind > 2 ? Integer.valueOf(extent % 3) : null;
                    }
                    int width = v6 ? 128 : 32;
                    int prefix = kind == 0 && prefixBack > 15 ? 0 : width - prefixBack;
                    return new RuleSpec(v6, ingress, proto, from, to, address, prefix);
                });
    }

    @Provide
    Arbitrary<PacketSpec> packets() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(6, 17, 132, 1, 58, 47, 50), Arbitraries.integers().between(1, 48),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1023))
                .as((v6, ingress, p, port, code, address) -> new PacketSpec(v6, ingress,
                        v6 && p == 1 ? 58 : !v6 && p == 58 ? 1 : p, port % 45, code, address))
                .filter(p -> !PORT_PROTOCOLS.contains(p.protocol) || p.port > 0);
    }

    @Property(tries = 5000)
    void aRuleAllowsExactlyThePacketsInsideIt(@ForAll("rules") RuleSpec r, @ForAll("packets") PacketSpec p) {
        boolean expected = allows(r, p);
        Statistics.collect(expected ? "allowed" : "denied");
        Statistics.coverage(c -> c.check("allowed").percentage(pc -> pc > 3));
        TrafficCheck check = new TrafficCheck(List.of(), List.of(), true);

        assertThat(check.match(r.rule(), p.packet()))
                .isEqualTo(expected ? RuleMatch.Match.MATCHES : RuleMatch.Match.MISSES);
    }

    /** Packets drawn inside a rule pass it, which the draw above reaches only by chance. */
    @Property(tries = 2000)
    void aPacketBuiltFromTheRuleIsAllowedAndOneStepOutsideIsNot(@ForAll("rules") RuleSpec r) {
        int port = r.low == null ? 1 : r.low;
        int protocol = r.protocol > 0 ? r.protocol : 6;
        int code = r.high == null ? 0 : r.high;
        PacketSpec inside = new PacketSpec(r.v6, r.ingress, protocol, port, code, r.address);
        SecurityGroup g = new SecurityGroup("g", "p", "g", "", true, false, 0, List.of(r.rule()), List.of(), null,
                null);
        TrafficCheck check = new TrafficCheck(List.of(g), List.of(), true);

        assertThat(check.check(g, inside.packet()).verdict()).isEqualTo(TrafficCheckAnswer.Verdict.ALLOWED);
        PacketSpec otherDirection = new PacketSpec(r.v6, !r.ingress, protocol, port, code, r.address);
        assertThat(check.check(g, otherDirection.packet()).verdict()).isEqualTo(TrafficCheckAnswer.Verdict.DENIED);
        int hostBits = (r.v6 ? 128 : 32) - r.prefix;
        if (hostBits < 16) {
            int outside = r.address ^ (1 << hostBits);
            PacketSpec elsewhere = new PacketSpec(r.v6, r.ingress, protocol, port, code, outside & 0xffff);
            assertThat(check.check(g, elsewhere.packet()).verdict()).isEqualTo(TrafficCheckAnswer.Verdict.DENIED);
        }
    }
}
