package dev.portcullis.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The IP protocol of a rule as Neutron stores it: any (no value), a known name in lower case, or a
 * number 0-255 kept as the text it was given in ({@code "47"}, {@code "6"}).
 */
public final class Protocol {

    /** Neutron's protocol names and their numbers, in the order Neutron lists them in its messages. */
    static final Map<String, Integer> NAMES;

    static {
        Map<String, Integer> names = new LinkedHashMap<>();
        names.put("ah", 51);
        names.put("dccp", 33);
        names.put("egp", 8);
        names.put("esp", 50);
        names.put("gre", 47);
        names.put("hopopt", 0);
        names.put("icmp", 1);
        names.put("igmp", 2);
        names.put("ip", 0);
        names.put("ipip", 4);
        names.put("ipv6-encap", 41);
        names.put("ipv6-frag", 44);
        names.put("ipv6-icmp", 58);
        names.put("icmpv6", 58);
        names.put("ipv6-nonxt", 59);
        names.put("ipv6-opts", 60);
        names.put("ipv6-route", 43);
        names.put("ospf", 89);
        names.put("pgm", 113);
        names.put("rsvp", 46);
        names.put("sctp", 132);
        names.put("tcp", 6);
        names.put("udp", 17);
        names.put("udplite", 136);
        names.put("vrrp", 112);
        NAMES = Collections.unmodifiableMap(names);
    }

    /** The protocols whose rules may carry a port range: DCCP, SCTP, TCP, UDP, UDPLITE. */
    private static final Set<Integer> PORT_PROTOCOLS = Set.of(33, 132, 6, 17, 136);
    private static final List<String> PORT_PROTOCOL_NAMES = List.of("DCCP", "SCTP", "TCP", "UDP", "UDPLITE");

    /** Values Neutron allows with IPv6 only; compared as the stored text, as Neutron does. */
    private static final Set<String> IPV6_ONLY = Set.of(
            "ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt", "ipv6-opts", "ipv6-route",
            "41", "44", "58", "59", "60", "43");

    public static final Protocol ANY = new Protocol(null);
    public static final Protocol TCP = new Protocol("tcp");
    public static final Protocol UDP = new Protocol("udp");
    public static final Protocol ICMP = new Protocol("icmp");
    public static final Protocol IPV6_ICMP = new Protocol("ipv6-icmp");

    /**
     * One instance for each name Neutron knows and each number's text, shared by every rule that stores it: a
     * project of 10,000 groups holds 200,000 rules and a few distinct protocols.
     */
    private static final Map<String, Protocol> SHARED;

    static {
        Map<String, Protocol> shared = new java.util.HashMap<>();
        for (Protocol known : List.of(TCP, UDP, ICMP, IPV6_ICMP)) {
            shared.put(known.value, known);
        }
        NAMES.keySet().forEach(name -> shared.putIfAbsent(name, new Protocol(name)));
        for (int number = 0; number <= 255; number++) {
            shared.put(Integer.toString(number), new Protocol(Integer.toString(number)));
        }
        SHARED = Map.copyOf(shared);
    }

    private final String value;

    private Protocol(String value) {
        this.value = value;
    }

    /**
     * The protocol as stored by Neutron: {@code null} for any, otherwise a lower-case name or a number's
     * text. Use {@link Validation} to turn what a person typed into this.
     */
    public static Protocol of(String stored) {
        if (stored == null) {
            return ANY;
        }
        Protocol shared = SHARED.get(stored);
        return shared != null ? shared : new Protocol(stored);
    }

    /** A known protocol name (any letter case), or empty. */
    public static Optional<Protocol> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NAMES.containsKey(lower) ? Optional.of(SHARED.get(lower)) : Optional.empty();
    }

    public static Protocol number(int number) {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("protocol number out of range: " + number);
        }
        return SHARED.get(Integer.toString(number));
    }

    public static List<String> knownNames() {
        return List.copyOf(NAMES.keySet());
    }

    public static List<String> portProtocolNames() {
        return PORT_PROTOCOL_NAMES;
    }

    /** The stored value; {@code null} means any protocol. */
    public String value() {
        return value;
    }

    public boolean isAny() {
        return value == null;
    }

    /** The IP protocol number, as Neutron resolves it (names through its table, numbers as written). */
    public OptionalInt number() {
        if (value == null) {
            return OptionalInt.empty();
        }
        Integer known = NAMES.get(value);
        if (known != null) {
            return OptionalInt.of(known);
        }
        return Python.toIntInRange(new Raw.Text(value), 0, 255).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    public boolean supportsPorts() {
        return number().isPresent() && PORT_PROTOCOLS.contains(number().getAsInt());
    }

    public boolean isIcmp() {
        OptionalInt n = number();
        return n.isPresent() && (n.getAsInt() == 1 || n.getAsInt() == 58);
    }

    public boolean isIpv6Only() {
        return value != null && IPV6_ONLY.contains(value);
    }

    /** Neutron's [name, number] pair for duplicate detection; see {@link RuleKey}. */
    List<String> nameAndNumber(EtherType etherType) {
        if (value == null) {
            return null;
        }
        String protocol = value;
        if (etherType == EtherType.IPV6) {
            if (protocol.equals("icmp") || protocol.equals("icmpv6")) {
                protocol = "ipv6-icmp";
            } else if (protocol.equals("1")) {
                protocol = "58";
            }
        }
        Integer known = NAMES.get(protocol);
        if (known != null) {
            return List.of(protocol, known.toString());
        }
        String name = NUMBER_TO_NAME.get(protocol);
        return List.of(name != null ? name : protocol, protocol);
    }

    /**
     * Number text to name, as neutron-lib's IP_PROTOCOL_NUM_TO_NAME_MAP: where two names share a number
     * the later one in Neutron's table wins ({@code 0} is {@code ip}), except that the legacy
     * {@code icmpv6} is left out, so {@code 58} is {@code ipv6-icmp}, the name Neutron normalizes to.
     */
    private static final Map<String, String> NUMBER_TO_NAME;

    static {
        Map<String, String> byNumber = new LinkedHashMap<>();
        NAMES.forEach((name, number) -> {
            if (!name.equals("icmpv6")) {
                byNumber.put(number.toString(), name);
            }
        });
        NUMBER_TO_NAME = Collections.unmodifiableMap(byNumber);
    }

    /** A short label for people: {@code TCP}, {@code ICMP}, {@code Any}, {@code 47 (GRE)}. */
    public String label() {
        if (value == null) {
            return "Any";
        }
        if (NAMES.containsKey(value)) {
            return value.toUpperCase(Locale.ROOT);
        }
        OptionalInt n = number();
        if (n.isPresent() && NUMBER_TO_NAME.containsKey(Integer.toString(n.getAsInt()))) {
            return value + " (" + NUMBER_TO_NAME.get(Integer.toString(n.getAsInt())).toUpperCase(Locale.ROOT) + ")";
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Protocol p && java.util.Objects.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value == null ? "any" : value;
    }
}
