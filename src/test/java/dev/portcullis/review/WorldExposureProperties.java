package dev.portcullis.review;

import dev.portcullis.domain.Cidr;
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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The union judged by {@link WorldExposure} against {@link TrafficCheck}, which shares none of its code:
 * prefixes are at most /4 long, so every address of one of the sixteen /4 blocks is treated alike, and a
 * port is open to the world exactly when {@code TrafficCheck} lets a packet to it in from one address of
 * every block. The rules named for a port must let it in from every block by themselves.
 */
class WorldExposureProperties {

    /** protocol: -1 every protocol, else 6 or 17; low null: every port; prefix -1: a remote group. */
    record Spec(boolean v6, int protocol, Integer low, Integer high, int top, int prefix) {

        Rule rule() {
            Remote remote = prefix < 0 ? Remote.group("elsewhere") : new Remote.Prefix(cidr(v6, top, prefix));
            return Rule.draft(Direction.INGRESS, v6 ? EtherType.IPV6 : EtherType.IPV4,
                    protocol < 0 ? Protocol.ANY : Protocol.number(protocol),
                    low == null ? PortRange.ANY : new PortRange(low, high), remote, null);
        }
    }

    /** An address whose top four bits are {@code top}, with some bits set below (host bits for a prefix). */
    static Cidr cidr(boolean v6, int top, int prefix) {
        int width = v6 ? 128 : 32;
        BigInteger value = BigInteger.valueOf(top).shiftLeft(width - 4).or(BigInteger.valueOf(0x01234567L));
        String text = v6 ? v6Text(value) : (value.longValue() >>> 24) + "." + ((value.longValue() >>> 16) & 0xff)
                + "." + ((value.longValue() >>> 8) & 0xff) + "." + (value.longValue() & 0xff);
        return Cidr.parse(text + "/" + prefix).orElseThrow();
    }

    private static String v6Text(BigInteger value) {
        StringBuilder s = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            s.append(Integer.toHexString(value.shiftRight(16 * i).intValue() & 0xffff)).append(i > 0 ? ":" : "");
        }
        return s.toString();
    }

    /** For each IP version (0 v4, 1 v6) and port 16-36, a TCP packet from one address of each /4 block. */
    private static final List<List<List<TrafficCheckPacket>>> PACKETS = new ArrayList<>();

    static {
        for (boolean v6 : new boolean[] {false, true}) {
            List<List<TrafficCheckPacket>> byPort = new ArrayList<>();
            for (int port = 16; port <= 36; port++) {
                List<TrafficCheckPacket> packets = new ArrayList<>();
                for (int top = 0; top < 16; top++) {
                    packets.add(new TrafficCheckPacket(Direction.INGRESS, Protocol.TCP, port, null, null,
                            Cidr.host(cidr(v6, top, v6 ? 128 : 32).addressText()).orElseThrow()));
                }
                byPort.add(packets);
            }
            PACKETS.add(byPort);
        }
    }

    @Provide
    Arbitrary<List<Spec>> groups() {
        Arbitrary<Boolean> v6 = Arbitraries.of(false, false, false, true);
        Arbitrary<Integer> protocol = Arbitraries.of(-1, 6, 6, 6, 6, 17);
        Arbitrary<Integer> low = Arbitraries.integers().between(18, 32).injectNull(0.1);
        Arbitrary<Integer> span = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> top = Arbitraries.integers().between(0, 15);
        Arbitrary<Integer> prefix = Arbitraries.integers().between(-1, 4);
        return Combinators.combine(v6, protocol, low, span, top, prefix)
                .as((v, p, l, s, t, x) -> new Spec(v, p, l, l == null ? null : Math.min(l + s, 34), t, x))
                .list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 1500)
    void aPortIsOpenToTheWorldExactlyWhenEveryBlockMayReachIt(@ForAll("groups") List<Spec> specs) {
        List<Rule> rules = specs.stream().map(Spec::rule).toList();
        SecurityGroup group = Fixtures.group("g").withRules(rules, 1, null);
        TrafficCheck traffic = new TrafficCheck(List.of(group), List.of(), false);
        List<WorldExposure.Stretch> stretches = WorldExposure.of(group);
        boolean anyOpen = false;
        for (boolean v6 : new boolean[] {false, true}) {
            EtherType etherType = v6 ? EtherType.IPV6 : EtherType.IPV4;
            for (int port = 16; port <= 36; port++) {
                List<TrafficCheckPacket> packets = PACKETS.get(v6 ? 1 : 0).get(port - 16);
                boolean expected = packets.stream().allMatch(packet -> rules.stream()
                        .anyMatch(r -> traffic.match(r, packet) == RuleMatch.Match.MATCHES));
                int p = port;
                List<WorldExposure.Stretch> found = stretches.stream().filter(s -> s.etherType() == etherType
                        && (s.protocol() == WorldExposure.ALL || (s.protocol() == 6 && s.low() <= p && p <= s.high())))
                        .toList();
                assertThat(!found.isEmpty()).as("port %d over %s, rules %s", port, etherType, specs)
                        .isEqualTo(expected);
                for (WorldExposure.Stretch s : found) {
                    List<Rule> named = s.rules().stream().map(rules::get).toList();
                    if (s.alone()) {
                        assertThat(named).allMatch(r -> packets.stream()
                                .allMatch(packet -> traffic.match(r, packet) == RuleMatch.Match.MATCHES));
                    } else {
                        assertThat(packets).allMatch(packet -> named.stream()
                                .anyMatch(r -> traffic.match(r, packet) == RuleMatch.Match.MATCHES));
                    }
                }
                anyOpen |= expected;
            }
        }
        Statistics.label("open somewhere").collect(anyOpen);
    }

    /** The sweep finds exactly the stretches, with the same rules, that looking at every rule per piece found. */
    @Property(tries = 1000)
    void theSweepFindsWhatComparingEveryRuleWithEveryPieceFound(@ForAll("groups") List<Spec> specs) {
        SecurityGroup group = Fixtures.group("g").withRules(specs.stream().map(Spec::rule).toList(), 1, null);

        List<String> swept = WorldExposure.of(group).stream().map(s -> s.etherType() + " " + s.protocol() + " "
                + s.low() + "-" + s.high() + " " + s.rules() + " " + s.alone()).toList();
        List<String> naive = NaiveWorldExposure.of(group).stream().map(s -> s.etherType() + " " + s.protocol() + " "
                + s.low() + "-" + s.high() + " " + s.rules() + " " + s.alone()).toList();

        assertThat(swept).isEqualTo(naive);
        Statistics.label("stretches").collect(Math.min(swept.size(), 3));
    }
}
