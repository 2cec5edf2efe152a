package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed search for repeated and covered rules answers exactly what comparing every pair of rules
 * answers: the first earlier rule meaning the same, else the first other rule covering it.
 */
class RuleOverlapsProperties {

    @Property(tries = 500)
    void findsWhatComparingEveryPairFinds(@ForAll("groups") List<Rule> rules) {
        RuleOverlaps.Overlap[] indexed = RuleOverlaps.of(rules);

        for (int i = 0; i < rules.size(); i++) {
            assertThat(indexed[i]).as("rule %d of %s", i, rules).isEqualTo(pairwise(rules, i));
        }
    }

    @Property(tries = 500)
    void findsTheRepliesComparingEveryPairFinds(@ForAll("groups") List<Rule> rules) {
        boolean[] carried = RuleOverlaps.repliesCarried(rules);

        for (int i = 0; i < rules.size(); i++) {
            Rule ingress = rules.get(i);
            boolean expected = rules.stream().anyMatch(back -> {
                int protocol = Coverage.protocolNumber(back);
                return back.direction() == Direction.EGRESS && back.etherType() == ingress.etherType()
                        && (protocol == -1 || protocol == Coverage.protocolNumber(ingress))
                        && Coverage.remoteCovers(back.remote(), ingress.remote());
            });
            assertThat(carried[i]).as("rule %d of %s", i, rules).isEqualTo(expected);
        }
    }

    /** The definition: what the review compared before it indexed the rules. */
    private static RuleOverlaps.Overlap pairwise(List<Rule> rules, int at) {
        Coverage.Meaning meaning = Coverage.meaning(rules.get(at));
        for (int j = 0; j < at; j++) {
            if (Coverage.meaning(rules.get(j)).equals(meaning)) {
                return new RuleOverlaps.Overlap(j, true);
            }
        }
        for (int j = 0; j < rules.size(); j++) {
            if (j != at && Coverage.covers(rules.get(j), rules.get(at))
                    && !Coverage.meaning(rules.get(j)).equals(meaning)) {
                return new RuleOverlaps.Overlap(j, false);
            }
        }
        return null;
    }

    @Provide
    Arbitrary<List<Rule>> groups() {
        return rule().list().ofMinSize(0).ofMaxSize(24).map(RuleOverlapsProperties::numbered);
    }

    private static List<Rule> numbered(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            out.add(new Rule("r" + i, r.direction(), r.etherType(), r.protocol(), r.ports(), r.remote(), null));
        }
        return out;
    }

    private Arbitrary<Rule> rule() {
        Arbitrary<Direction> direction = Arbitraries.of(Direction.INGRESS, Direction.EGRESS);
        Arbitrary<Protocol> protocol = Arbitraries.of(Protocol.ANY, Protocol.TCP, Protocol.UDP, Protocol.ICMP,
                Protocol.of("0"), Protocol.of("6"), Protocol.IPV6_ICMP, Protocol.of("1"));
        Arbitrary<Integer> port = Arbitraries.of(20, 22, 80, 443, 1000);
        Arbitrary<Integer> span = Arbitraries.of(0, 0, 2, 60, 1000);
        Arbitrary<Boolean> anyPort = Arbitraries.of(true, false, false);
        Arbitrary<Boolean> v6 = Arbitraries.of(true, false, false);
        Arbitrary<String> remote = Arbitraries.of("*", "0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.7/24",
                "10.1.2.3/32", "192.168.0.0/16", "group a", "group b", "ag x");
        return Combinators.combine(direction, protocol, port, span, anyPort, v6, remote)
                .as((d, p, low, width, any, six, r) -> {
                    EtherType ether = six ? EtherType.IPV6 : EtherType.IPV4;
                    PortRange ports = any ? PortRange.ANY
                            : p.isIcmp() ? (width == 0 ? PortRange.icmp(low % 20, null) : PortRange.icmp(low % 20, width % 3))
                            : p.isAny() || p.equals(Protocol.of("0")) ? PortRange.ANY
                            : PortRange.of(low, low + width);
                    return new Rule("r", d, ether, p, ports, remote(r, six), null);
                });
    }

    private static Remote remote(String text, boolean v6) {
        if (text.equals("*")) {
            return Remote.ANYWHERE;
        }
        if (text.startsWith("group ")) {
            return Remote.group(text.substring(6));
        }
        if (text.startsWith("ag ")) {
            return new Remote.AddressGroup(text.substring(3));
        }
        if (text.equals("0/0")) {
            return Remote.prefix(v6 ? "::/0" : "0.0.0.0/0");
        }
        if (v6) {
            String[] parts = text.split("[./]");
            return Remote.prefix("2001:db8:" + parts[1] + ":" + parts[2] + "::" + parts[3] + "/"
                    + (Integer.parseInt(parts[4]) + 32));
        }
        return Remote.prefix(text);
    }
}
