package dev.portcullis.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RuleKey} against a model of Neutron's {@code _rule_to_key} written from its source here, so
 * that the two are independent: equal keys exactly when Neutron would call the rules duplicates.
 */
class RuleKeyProperties {

    /** neutron-lib's IP_PROTOCOL_MAP, in its order. */
    private static final Map<String, Integer> IP_PROTOCOL_MAP = new LinkedHashMap<>();

    static {
        Object[] table = {"ah", 51, "dccp", 33, "egp", 8, "esp", 50, "gre", 47, "hopopt", 0, "icmp", 1, "igmp", 2,
                "ip", 0, "ipip", 4, "ipv6-encap", 41, "ipv6-frag", 44, "ipv6-icmp", 58, "icmpv6", 58,
                "ipv6-nonxt", 59, "ipv6-opts", 60, "ipv6-route", 43, "ospf", 89, "pgm", 113, "rsvp", 46,
                "sctp", 132, "tcp", 6, "udp", 17, "udplite", 136, "vrrp", 112};
        for (int i = 0; i < table.length; i += 2) {
            IP_PROTOCOL_MAP.put((String) table[i], (Integer) table[i + 1]);
        }
    }

    /** neutron-lib's IP_PROTOCOL_NUM_TO_NAME_MAP: the inverse, later names winning, without "icmpv6". */
    private static final Map<String, String> NUM_TO_NAME = new LinkedHashMap<>();

    static {
        IP_PROTOCOL_MAP.forEach((name, number) -> {
            if (!name.equals("icmpv6")) {
                NUM_TO_NAME.put(number.toString(), name);
            }
        });
    }

    /** Neutron's key, as the string it builds: '+' for None, the protocol as its [name, number] pair. */
    static String neutronKey(Rule rule) {
        List<String> parts = new ArrayList<>();
        parts.add(rule.direction().neutronValue());
        parts.add(rule.etherType().neutronValue());
        parts.add(rule.ports().max() == null ? "+" : rule.ports().max().toString());
        parts.add(rule.ports().min() == null ? "+" : rule.ports().min().toString());
        parts.add(protocolNameAndNumber(rule.protocol().value(), rule.etherType()));
        parts.add(rule.remoteGroupId() == null ? "+" : rule.remoteGroupId());
        parts.add(rule.remoteAddressGroupId() == null ? "+" : rule.remoteAddressGroupId());
        String prefix = rule.remoteIpPrefix();
        parts.add(prefix == null || prefix.equals("0.0.0.0/0") || prefix.equals("::/0") ? "+" : prefix);
        return String.join("_", parts);
    }

    private static String protocolNameAndNumber(String protocol, EtherType etherType) {
        if (protocol == null) {
            return "+";
        }
        if (etherType == EtherType.IPV6) {
            if (protocol.equals("icmp") || protocol.equals("icmpv6")) {
                protocol = "ipv6-icmp";
            } else if (protocol.equals("1")) {
                protocol = "58";
            }
        }
        if (IP_PROTOCOL_MAP.containsKey(protocol)) {
            return "['" + protocol + "', '" + IP_PROTOCOL_MAP.get(protocol) + "']";
        }
        if (NUM_TO_NAME.containsKey(protocol)) {
            return "['" + NUM_TO_NAME.get(protocol) + "', '" + protocol + "']";
        }
        return "['" + protocol + "', '" + protocol + "']";
    }

    /**
     * Rules as Neutron stores them, drawn from small sets so that two draws are often duplicates: the
     * protocols that share numbers or names, ports that differ by one end, every spelling of "anywhere"
     * and prefixes that differ only in host bits.
     */
    @Provide
    Arbitrary<Rule> storedRules() {
        return Arbitraries.of(EtherType.values()).flatMap(etherType -> {
            List<String> protocols = new ArrayList<>(List.of("tcp", "6", "udp", "17", "icmp", "1", "0", "ip",
                    "hopopt", "gre", "47", "255"));
            if (etherType == EtherType.IPV6) {
                protocols.addAll(List.of("ipv6-icmp", "icmpv6", "58", "ipv6-frag", "44"));
            }
            Arbitrary<Protocol> protocol = Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(Protocol.ANY)),
                    Tuple.of(6, Arbitraries.of(protocols).map(Protocol::of)));
            Arbitrary<PortRange> ports = Arbitraries.of(PortRange.ANY, PortRange.of(22), PortRange.of(22, 23),
                    PortRange.icmp(8, null), PortRange.icmp(8, 0));
            List<Remote> remotes = new ArrayList<>(List.of(Remote.ANYWHERE, Remote.group("g1"), Remote.group("g2"),
                    new Remote.AddressGroup("ag1")));
            if (etherType == EtherType.IPV4) {
                remotes.addAll(List.of(Remote.prefix("0.0.0.0/0"), Remote.prefix("10.0.0.0/24"),
                        Remote.prefix("10.0.0.5/24"), Remote.prefix("10.0.0.5/32"), Remote.prefix("1.2.3.4/0")));
            } else {
                remotes.addAll(List.of(Remote.prefix("::/0"), Remote.prefix("2001:db8::/32"),
                        Remote.prefix("2001:db8::1/32")));
            }
            return Combinators.combine(Arbitraries.of(Direction.values()), protocol, ports, Arbitraries.of(remotes),
                    Arbitraries.of("", "a", "b")).as((direction, p, portRange, remote, description) ->
                    Normalization.normalize(Rule.draft(direction, etherType, p, portRange, remote, description)));
        });
    }

    @Property(tries = 5000)
    void equalKeysAreExactlyNeutronsDuplicates(@ForAll("storedRules") Rule a, @ForAll("storedRules") Rule b) {
        boolean neutronSaysDuplicate = neutronKey(a).equals(neutronKey(b));

        assertThat(a.key().equals(b.key())).as("%s vs %s", a, b).isEqualTo(neutronSaysDuplicate);
        if (neutronSaysDuplicate) {
            assertThat(a.key().hashCode()).isEqualTo(b.key().hashCode());
        }
    }

    @Property
    void theDescriptionIsNotPartOfTheKey(@ForAll("storedRules") Rule rule, @ForAll String description) {
        assertThat(rule.withDescription(description).key()).isEqualTo(rule.key());
        assertThat(rule.withId("some-id").key()).isEqualTo(rule.key());
    }

    // --- the cases Neutron answered on a real server (probes.json, kind "duplicate") ---

    private static Rule rule(EtherType etherType, String protocol, PortRange ports, Remote remote) {
        return Normalization.normalize(Rule.draft(Direction.INGRESS, etherType, Protocol.of(protocol), ports, remote,
                ""));
    }

    private static Rule v4(String protocol) {
        return rule(EtherType.IPV4, protocol, PortRange.ANY, Remote.ANYWHERE);
    }

    private static Rule v6(String protocol) {
        return rule(EtherType.IPV6, protocol, PortRange.ANY, Remote.ANYWHERE);
    }

    @Example
    void aProtocolNameEqualsItsNumber() {
        assertThat(rule(EtherType.IPV4, "tcp", PortRange.of(22), Remote.ANYWHERE).key())
                .isEqualTo(rule(EtherType.IPV4, "6", PortRange.of(22), Remote.ANYWHERE).key());
        assertThat(v4("udp").key()).isEqualTo(v4("17").key());
        assertThat(v4("tcp").key()).isNotEqualTo(v4("udp").key());
    }

    @Example
    void onIpv6EveryNameAndNumberOfIcmpIsOneProtocol() {
        List<RuleKey> keys = List.of("icmp", "icmpv6", "ipv6-icmp", "1", "58").stream().map(p -> v6(p).key()).toList();

        assertThat(keys).containsOnly(keys.get(0));
    }

    @Example
    void onIpv4IcmpIsOneButNot58() {
        assertThat(v4("icmp").key()).isEqualTo(v4("1").key());
        assertThat(v4("1").key()).isNotEqualTo(v4("58").key());
    }

    @Example
    void protocolZeroIsNotAnyProtocol() {
        assertThat(v4("0").key()).isNotEqualTo(v4(null).key());
        // 0 has two names; Neutron's number-to-name table keeps the later one, ip, and a name keeps itself
        assertThat(v4("0").key()).isEqualTo(v4("ip").key()).isNotEqualTo(v4("hopopt").key());
    }

    @Example
    void everyAddressIsNoRemote() {
        RuleKey none = v4("tcp").key();
        assertThat(rule(EtherType.IPV4, "tcp", PortRange.ANY, Remote.prefix("0.0.0.0/0")).key()).isEqualTo(none);
        assertThat(rule(EtherType.IPV6, "tcp", PortRange.ANY, Remote.prefix("::/0")).key())
                .isEqualTo(v6("tcp").key());
        // a /0 written with host bits is stored as given, and Neutron compares the stored text
        assertThat(rule(EtherType.IPV4, "tcp", PortRange.ANY, Remote.prefix("1.2.3.4/0")).key()).isNotEqualTo(none);
    }

    @Example
    void hostBitsMakeADifferentRule() {
        assertThat(rule(EtherType.IPV4, null, PortRange.ANY, Remote.prefix("10.0.0.5/24")).key())
                .isNotEqualTo(rule(EtherType.IPV4, null, PortRange.ANY, Remote.prefix("10.0.0.0/24")).key());
        assertThat(rule(EtherType.IPV4, null, PortRange.ANY, Remote.prefix("10.0.0.1")).key())
                .isEqualTo(rule(EtherType.IPV4, null, PortRange.ANY, Remote.prefix("10.0.0.1/32")).key());
    }

    @Example
    void theWholePortRangeIsNoPorts() {
        assertThat(rule(EtherType.IPV4, "tcp", PortRange.of(1, 65535), Remote.ANYWHERE).key())
                .isEqualTo(v4("tcp").key());
    }

    @Example
    void theDescriptionIsIgnored() {
        Rule a = rule(EtherType.IPV4, "tcp", PortRange.of(22), Remote.ANYWHERE).withDescription("a");
        assertThat(a.key()).isEqualTo(a.withDescription("b").key()).isEqualTo(a.withDescription(null).key());
    }
}
