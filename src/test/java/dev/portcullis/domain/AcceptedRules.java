package dev.portcullis.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rules inside the space a real Neutron accepts (see the 201s in probes.json and RECIPE.md 6.4), each
 * with the rule Neutron stores for it and its members written the way a person or a file might write
 * them: numbers as text or with a fraction, names in any letter case, an address without a mask or
 * with a netmask, partial IPv4, surrounding blanks...
 */
final class AcceptedRules {

    private AcceptedRules() {
    }

    /** A rule's members as written, and the rule Neutron stores for them. */
    record Written(Map<String, Raw> members, Rule stored) {
        @Override
        public String toString() {
            return members + " => " + stored;
        }
    }

    /** Part of a rule: the members that write it, and what it is once stored. */
    record Part<T>(Map<String, Raw> members, T stored) {
        static <T> Part<T> of(T stored, Object... nameValue) {
            Map<String, Raw> members = new LinkedHashMap<>();
            for (int i = 0; i < nameValue.length; i += 2) {
                if (nameValue[i + 1] != null) {
                    members.put((String) nameValue[i], (Raw) nameValue[i + 1]);
                }
            }
            return new Part<>(members, stored);
        }
    }

    private record ProtocolAndPorts(Protocol protocol, PortRange ports) {
    }

    /** The protocols with ports, by name and number. */
    static final Map<String, Integer> PORT_PROTOCOLS = Map.of("tcp", 6, "udp", 17, "sctp", 132, "dccp", 33,
            "udplite", 136);

    /** Names and numbers Neutron refuses on IPv4. */
    static final Set<String> IPV6_ONLY_NAMES = Set.of("ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6",
            "ipv6-nonxt", "ipv6-opts", "ipv6-route");
    static final Set<Integer> IPV6_ONLY_NUMBERS = Set.of(41, 44, 58, 59, 60, 43);

    static Arbitrary<Written> rules() {
        return Arbitraries.of(EtherType.values()).flatMap(etherType -> Combinators.combine(
                etherTypeMember(etherType),
                Arbitraries.of(Direction.values()),
                protocolAndPorts(etherType),
                remote(etherType),
                description(),
                project()).as((ether, direction, protocol, remote, description, project) -> {
                    Map<String, Raw> members = new LinkedHashMap<>();
                    members.put("direction", Raw.text(direction.neutronValue()));
                    members.putAll(ether.members());
                    members.putAll(protocol.members());
                    members.putAll(remote.members());
                    members.putAll(description.members());
                    members.putAll(project.members());
                    Rule stored = Rule.draft(direction, etherType, protocol.stored().protocol(),
                            protocol.stored().ports(), remote.stored(), description.stored());
                    return new Written(members, stored);
                }));
    }

    private static Arbitrary<Part<EtherType>> etherTypeMember(EtherType etherType) {
        Arbitrary<Part<EtherType>> written = anyCase(etherType.neutronValue())
                .map(text -> Part.of(etherType, "ethertype", Raw.text(text)));
        if (etherType == EtherType.IPV4) {
            return Arbitraries.oneOf(written, Arbitraries.just(Part.of(EtherType.IPV4)));
        }
        return written;
    }

    // --- protocol and ports ---

    private static Arbitrary<Part<ProtocolAndPorts>> protocolAndPorts(EtherType etherType) {
        return Arbitraries.oneOf(anyProtocol(), portProtocol(), icmp(etherType), otherProtocol(etherType));
    }

    /** No protocol: no ports either, except the whole range, which Neutron stores as no ports. */
    private static Arbitrary<Part<ProtocolAndPorts>> anyProtocol() {
        return Combinators.combine(Arbitraries.of(Raw.ABSENT, Raw.NULL), noPortsOrWholeRange())
                .as((protocol, ports) -> withPorts(Part.of(Protocol.ANY, "protocol", absentToNull(protocol)),
                        ports, PortRange.ANY));
    }

    private static Arbitrary<Part<ProtocolAndPorts>> portProtocol() {
        Arbitrary<Part<ProtocolAndPorts>> any = Combinators.combine(Arbitraries.of(PORT_PROTOCOLS.keySet()),
                Arbitraries.of(true, false), noPortsOrWholeRange()).flatAs((name, byName, ports) ->
                protocolMember(name, PORT_PROTOCOLS.get(name), byName)
                        .map(p -> withPorts(p, ports, PortRange.ANY)));
        Arbitrary<Part<ProtocolAndPorts>> range = Combinators.combine(Arbitraries.of(PORT_PROTOCOLS.keySet()),
                Arbitraries.of(true, false), portRange()).flatAs((name, byName, ports) ->
                protocolMember(name, PORT_PROTOCOLS.get(name), byName).flatMap(p -> writtenPorts(ports)
                        .map(written -> withPorts(p, written, ports))));
        return Arbitraries.oneOf(any, range);
    }

    /** ICMP by any of its names or numbers; on IPv6 Neutron stores them all as ipv6-icmp (58). */
    private static Arbitrary<Part<ProtocolAndPorts>> icmp(EtherType etherType) {
        Arbitrary<Part<Protocol>> protocol;
        if (etherType == EtherType.IPV4) {
            protocol = Arbitraries.oneOf(
                    anyCase("icmp").map(t -> Part.of(Protocol.of("icmp"), "protocol", Raw.text(t))),
                    numberMember(1).map(raw -> Part.of(Protocol.of("1"), "protocol", raw)));
        } else {
            protocol = Arbitraries.oneOf(
                    Arbitraries.of("icmp", "icmpv6", "ipv6-icmp").flatMap(AcceptedRules::anyCase)
                            .map(t -> Part.of(Protocol.of("ipv6-icmp"), "protocol", Raw.text(t))),
                    Arbitraries.of(1, 58).flatMap(n -> numberMember(n)
                            .map(raw -> Part.of(Protocol.of("58"), "protocol", raw))));
        }
        Arbitrary<PortRange> typeAndCode = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(type -> PortRange.icmp(type, null)),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
                        .as(PortRange::icmp));
        Arbitrary<Part<ProtocolAndPorts>> withoutType = Combinators.combine(protocol, noPortsOrWholeRange())
                .as((p, ports) -> withPorts(p, ports, PortRange.ANY));
        Arbitrary<Part<ProtocolAndPorts>> withType = Combinators.combine(protocol, typeAndCode)
                .flatAs((p, ports) -> writtenPorts(ports).map(written -> withPorts(p, written, ports)));
        return Arbitraries.oneOf(withoutType, withType);
    }

    /** Every other protocol Neutron knows, by name or number: no ports but the whole range. */
    private static Arbitrary<Part<ProtocolAndPorts>> otherProtocol(EtherType etherType) {
        List<String> names = Protocol.knownNames().stream()
                .filter(n -> !PORT_PROTOCOLS.containsKey(n) && !List.of("icmp", "icmpv6", "ipv6-icmp").contains(n))
                .filter(n -> etherType == EtherType.IPV6 || !IPV6_ONLY_NAMES.contains(n))
                .toList();
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n <= 255; n++) {
            if (!PORT_PROTOCOLS.containsValue(n) && n != 1 && n != 58
                    && (etherType == EtherType.IPV6 || !IPV6_ONLY_NUMBERS.contains(n))) {
                numbers.add(n);
            }
        }
        Arbitrary<Part<Protocol>> protocol = Arbitraries.oneOf(
                Arbitraries.of(names).flatMap(name -> anyCase(name)
                        .map(t -> Part.of(Protocol.of(name), "protocol", Raw.text(t)))),
                Arbitraries.of(numbers).flatMap(n -> numberMember(n)
                        .map(raw -> Part.of(Protocol.number(n), "protocol", raw))));
        return Combinators.combine(protocol, noPortsOrWholeRange())
                .as((p, ports) -> withPorts(p, ports, PortRange.ANY));
    }

    /** A protocol with ports, by name (any case) or by number (as text or a JSON number). */
    private static Arbitrary<Part<Protocol>> protocolMember(String name, int number, boolean byName) {
        if (byName) {
            return anyCase(name).map(t -> Part.of(Protocol.of(name), "protocol", Raw.text(t)));
        }
        return numberMember(number).map(raw -> Part.of(Protocol.number(number), "protocol", raw));
    }

    /** A protocol number as text or as a JSON integer; "06" or 6.0 would crash Neutron (500). */
    private static Arbitrary<Raw> numberMember(int n) {
        return Arbitraries.of(Raw.text(Integer.toString(n)), Raw.number(n));
    }

    private static Part<ProtocolAndPorts> withPorts(Part<Protocol> protocol, Map<String, Raw> ports, PortRange stored) {
        Map<String, Raw> members = new LinkedHashMap<>(protocol.members());
        members.putAll(ports);
        return new Part<>(members, new ProtocolAndPorts(protocol.stored(), stored));
    }

    /** No ports (left out or null), or 1-65535, which Neutron stores as no ports. */
    private static Arbitrary<Map<String, Raw>> noPortsOrWholeRange() {
        return Arbitraries.oneOf(
                Arbitraries.just(Map.of()),
                Arbitraries.just(Map.of("port_range_min", Raw.NULL, "port_range_max", Raw.NULL)),
                writtenPorts(PortRange.of(1, 65535)));
    }

    /** A range of one or more ports, not the whole range. */
    private static Arbitrary<PortRange> portRange() {
        return Combinators.combine(Arbitraries.integers().between(1, 65535), Arbitraries.integers().between(1, 65535))
                .as((a, b) -> PortRange.of(Math.min(a, b), Math.max(a, b)))
                .filter(r -> !(r.min() == 1 && r.max() == 65535));
    }

    private static Arbitrary<Map<String, Raw>> writtenPorts(PortRange ports) {
        Arbitrary<Raw> min = writtenPort(ports.min());
        Arbitrary<Raw> max = writtenPort(ports.max());
        return Combinators.combine(min, max).as((a, b) -> {
            Map<String, Raw> members = new LinkedHashMap<>();
            members.put("port_range_min", a);
            if (!b.isAbsent()) {
                members.put("port_range_max", b);
            }
            return members;
        });
    }

    /**
     * A port (or ICMP type/code) as Python's int() reads it: a JSON integer, text, text with blanks
     * around it, or a JSON float (int() drops the fraction). Null stays absent or null.
     */
    private static Arbitrary<Raw> writtenPort(Integer port) {
        if (port == null) {
            return Arbitraries.of(Raw.ABSENT, Raw.NULL);
        }
        return Arbitraries.of(
                Raw.number(port),
                Raw.text(port.toString()),
                Raw.text(" " + port),
                Raw.text(port + " "),
                Raw.number(new BigDecimal(port + ".0"), false),
                Raw.number(new BigDecimal(port + ".7"), false));
    }

    // --- remote ---

    private static Arbitrary<Part<Remote>> remote(EtherType etherType) {
        Arbitrary<Part<Remote>> none = Arbitraries.of(Raw.ABSENT, Raw.NULL, Raw.text(""), Raw.number(0))
                .map(raw -> Part.of(Remote.ANYWHERE, "remote_ip_prefix", absentToNull(raw)));
        Arbitrary<Part<Remote>> noGroup = Arbitraries.just(Part.of(Remote.ANYWHERE, "remote_group_id", Raw.NULL));
        Arbitrary<Part<Remote>> group = Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as(UUID::new).map(id -> Part.of(Remote.group(id.toString()), "remote_group_id", Raw.text(id.toString())));
        Arbitrary<Part<Remote>> prefix = (etherType == EtherType.IPV4 ? v4Prefix() : v6Prefix())
                .map(p -> new Part<>(Map.of("remote_ip_prefix", p.members().get("remote_ip_prefix")),
                        (Remote) new Remote.Prefix(p.stored())));
        return Arbitraries.frequencyOf(
                Tuple.of(2, none), Tuple.of(1, noGroup), Tuple.of(2, group),
                Tuple.of(6, prefix));
    }

    /** An IPv4 prefix, host bits and all, written any way netaddr reads it. */
    static Arbitrary<Part<Cidr>> v4Prefix() {
        Arbitrary<Long> address = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xffffffffL),
                // whole networks, so that host bits are absent as often as present
                Combinators.combine(Arbitraries.longs().between(0, 0xffffffffL), Arbitraries.integers().between(0, 32))
                        .as((a, len) -> a & ~((1L << (32 - len)) - 1) & 0xffffffffL));
        return Combinators.combine(address, Arbitraries.integers().between(0, 32)).flatAs((a, len) -> {
            String dotted = dotted(a);
            Cidr stored = Cidr.parse(dotted + "/" + len).orElseThrow();
            List<String> forms = new ArrayList<>(List.of(dotted + "/" + len, " " + dotted + "/" + len,
                    dotted + "/" + len + " ", dotted + "/0" + len));
            if (len == 32) {
                forms.add(dotted);
            }
            if (len > 0 && len < 32) {
                long netmask = (0xffffffffL << (32 - len)) & 0xffffffffL;
                forms.add(dotted + "/" + dotted(netmask));
                forms.add(dotted + "/" + dotted(~netmask & 0xffffffffL));
            }
            // netaddr's partial form: trailing zero octets may be left out when a prefix length is given
            String partial = dotted;
            while (partial.endsWith(".0")) {
                partial = partial.substring(0, partial.length() - 2);
                forms.add(partial + "/" + len);
            }
            return Arbitraries.of(forms).map(text -> Part.of(stored, "remote_ip_prefix", Raw.text(text)));
        });
    }

    /** An IPv6 prefix, with runs of zero groups so that "::" compression happens. */
    static Arbitrary<Part<Cidr>> v6Prefix() {
        Arbitrary<Integer> word = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(0, 0xffff)),
                Tuple.of(1, Arbitraries.just(0xffff)));
        return Combinators.combine(word.list().ofSize(8), Arbitraries.integers().between(0, 128)).flatAs((words, len) -> {
            StringBuilder full = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                full.append(i == 0 ? "" : ":").append(Integer.toHexString(words.get(i)));
            }
            Cidr stored = Cidr.parse(full + "/" + len).orElseThrow();
            String compressed = stored.addressText();
            List<String> forms = new ArrayList<>(List.of(full + "/" + len, full.toString().toUpperCase(Locale.ROOT)
                    + "/" + len, compressed + "/" + len, compressed.toUpperCase(Locale.ROOT) + "/" + len));
            if (len == 128) {
                forms.add(compressed);
                forms.add(full.toString());
            }
            return Arbitraries.of(forms).map(text -> Part.of(stored, "remote_ip_prefix", Raw.text(text)));
        });
    }

    static String dotted(long a) {
        return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    // --- the rest ---

    /** Left out (Neutron stores ""), or up to 255 characters of any kind, counted as Python counts them. */
    private static Arbitrary<Part<String>> description() {
        Arbitrary<Part<String>> given = Arbitraries.of("a", "Z", " ", "-", "é", "ß", "中", "😀", "\t")
                .list().ofMaxSize(255).map(chars -> String.join("", chars))
                .map(text -> Part.of(text, "description", Raw.text(text)));
        return Arbitraries.oneOf(Arbitraries.just(Part.of("")), given);
    }

    /** A project member, which a rule request may carry. */
    private static Arbitrary<Part<String>> project() {
        return Arbitraries.of(Part.of(""), Part.of("", "tenant_id", Raw.text("fake_project_id")),
                Part.of("", "project_id", Raw.text("other-project")));
    }

    /** The text in lower, upper, or mixed letter case. */
    static Arbitrary<String> anyCase(String text) {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).map(seed -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(((seed >> (i % 31)) & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return out.toString();
        }).edgeCases(config -> config.add(text.toLowerCase(Locale.ROOT)).add(text.toUpperCase(Locale.ROOT)));
    }

    private static Raw absentToNull(Raw raw) {
        return raw.isAbsent() ? null : raw;
    }
}
