package dev.portcullis.domain;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The conversions and checks {@link Validation} applies to one rule or group member, each as Neutron's
 * attribute converter or its plugin's check does it. A conversion answers null when it failed, having
 * added the problem.
 */
final class MemberChecks {

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("0|[1-9][0-9]*");

    private MemberChecks() {
    }

    /**
     * {@code unstorable}: where a number Neutron's converter lets through but its database refuses
     * ("06", "+6", 6.0, true) is reported; Neutron checks the rule with that number first.
     */
    static Optional<Protocol> convertProtocol(Raw raw, List<Problem> problems, List<Problem> unstorable) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        Optional<BigInteger> number = Python.toInt(raw);
        if (number.isPresent()) {
            BigInteger n = number.get();
            if (n.signum() >= 0 && n.compareTo(BigInteger.valueOf(255)) <= 0) {
                String text = Python.str(raw);
                if (PLAIN_NUMBER.matcher(text).matches()) {
                    return Optional.of(Protocol.of(text));
                }
                // Neutron takes "06", "+6", " 6", 6.0 and true past its first check and checks the ports,
                // remote and IP version as for that number, then fails with an internal error (500);
                // refuse them here with a useful answer instead, after those checks.
                unstorable.add(new Problem(ErrorCode.INVALID_PROTOCOL, "protocol",
                        "The protocol number " + raw + " must be written plainly, like " + n + "."));
                return Optional.of(Protocol.of(n.toString()));
            }
        } else if (raw instanceof Raw.Text t) {
            Optional<Protocol> named = Protocol.named(t.value());
            if (named.isPresent()) {
                return named;
            }
        }
        problems.add(new Problem(ErrorCode.INVALID_PROTOCOL, "protocol",
                "The protocol " + raw + " is not known: use a name such as tcp, udp, icmp or gre, "
                        + "a number from 0 to 255, or leave it empty for any protocol."));
        return null;
    }

    static Optional<Integer> convertPort(Raw raw, String field, List<Problem> problems) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        Optional<Integer> port = Python.toIntInRange(raw, 0, 65535);
        if (port.isPresent()) {
            return port;
        }
        problems.add(new Problem(ErrorCode.INVALID_PORT_VALUE, field,
                (field.endsWith("min") ? "The first port (or ICMP type) " : "The last port (or ICMP code) ") + raw
                        + " is not valid: it must be a whole number, a port from 1 to 65535 or an ICMP "
                        + (field.endsWith("min") ? "type" : "code") + " from 0 to 255."));
        return null;
    }

    static Optional<EtherType> convertEtherType(Raw raw, List<Problem> problems) {
        if (raw.isAbsent()) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t) {
            Optional<EtherType> e = EtherType.parse(t.value());
            if (e.isPresent()) {
                return e;
            }
        }
        problems.add(new Problem(ErrorCode.INVALID_ETHERTYPE, "ethertype",
                "The IP version " + raw + " is not valid: use IPv4 or IPv6."));
        return null;
    }

    static Optional<Cidr> convertCidr(Raw raw, List<Problem> problems) {
        if (Python.falsy(raw)) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t) {
            Optional<Cidr> cidr = Cidr.parse(t.value());
            if (cidr.isPresent()) {
                return cidr;
            }
        }
        problems.add(new Problem(ErrorCode.INVALID_CIDR, "remote_ip_prefix",
                raw + " is not an IP address or network: write it like 203.0.113.0/24, 198.51.100.7 "
                        + "or 2001:db8::/32."));
        return null;
    }

    static Optional<String> convertId(Raw raw, String field, List<Problem> problems) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t && !t.value().isBlank()) {
            return Optional.of(t.value());
        }
        problems.add(new Problem(ErrorCode.INVALID_ID, field, "The " + field.replace('_', ' ')
                + " must be the id of a group, not " + raw + "; leave it out for no remote group."));
        return null;
    }

    static Optional<String> convertText(Raw raw, String field, String what, List<Problem> problems) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t) {
            int length = t.value().codePointCount(0, t.value().length());
            if (length > Validation.MAX_LENGTH) {
                problems.add(new Problem(ErrorCode.TOO_LONG, field,
                        what + " is " + length + " characters long; Neutron accepts at most "
                                + Validation.MAX_LENGTH + "."));
                return null;
            }
            return Optional.of(t.value());
        }
        problems.add(new Problem(ErrorCode.INVALID_TYPE, field, what + " must be text, not " + raw + "."));
        return null;
    }

    static final Set<String> TRUE_WORDS = Set.of("1", "t", "true", "on", "y", "yes");
    static final Set<String> FALSE_WORDS = Set.of("0", "f", "false", "off", "n", "no");

    /**
     * neutron-lib's convert_to_boolean, a strict bool_from_string: booleans, and the text of the value
     * (trimmed, any case) being one of 1/t/true/on/y/yes or 0/f/false/off/n/no. So 0 and "yes" are
     * fine, null and 2 are not.
     */
    static Optional<Boolean> toBoolean(Raw raw) {
        if (raw instanceof Raw.Bool b) {
            return Optional.of(b.value());
        }
        String word = Python.strip(Python.str(raw)).toLowerCase(java.util.Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Optional.of(true);
        }
        if (FALSE_WORDS.contains(word)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    static void checkPorts(Protocol protocol, PortRange ports, List<Problem> problems) {
        if (ports.isAny()) {
            return;
        }
        if (protocol.isAny()) {
            problems.add(new Problem(ErrorCode.PROTOCOL_REQUIRED_WITH_PORTS, "protocol",
                    "Ports need a protocol: choose TCP, UDP, SCTP, DCCP or UDP-Lite, or remove the ports."));
            return;
        }
        if (protocol.supportsPorts()) {
            if (Integer.valueOf(0).equals(ports.min()) || Integer.valueOf(0).equals(ports.max())) {
                problems.add(new Problem(ErrorCode.INVALID_PORT_VALUE,
                        Integer.valueOf(0).equals(ports.min()) ? "port_range_min" : "port_range_max",
                        "Port 0 is not valid for " + protocol.label() + ": ports are 1 to 65535."));
                return;
            }
            if (ports.min() != null && ports.max() != null && ports.min() <= ports.max()) {
                return;
            }
            String message = ports.min() == null || ports.max() == null
                    ? "The port range needs both ends: for one port give it as first and last port."
                    : "The port range " + ports.min() + "-" + ports.max() + " runs backwards: the first port must "
                            + "not be larger than the last.";
            problems.add(new Problem(ErrorCode.INVALID_PORT_RANGE,
                    ports.min() == null ? "port_range_min" : "port_range_max", message));
            return;
        }
        if (protocol.isIcmp()) {
            if (ports.min() != null && ports.min() > 255) {
                problems.add(new Problem(ErrorCode.INVALID_ICMP_VALUE, "port_range_min",
                        "The ICMP type " + ports.min() + " is not valid: it must be 0 to 255."));
            }
            if (ports.max() != null && ports.max() > 255) {
                problems.add(new Problem(ErrorCode.INVALID_ICMP_VALUE, "port_range_max",
                        "The ICMP code " + ports.max() + " is not valid: it must be 0 to 255."));
            }
            if (ports.min() == null && ports.max() != null) {
                problems.add(new Problem(ErrorCode.MISSING_ICMP_TYPE, "port_range_min",
                        "An ICMP code (" + ports.max() + ") needs an ICMP type as well."));
            }
            return;
        }
        problems.add(new Problem(ErrorCode.INVALID_PROTOCOL_FOR_PORT, "port_range_min",
                "Protocol " + protocol.label() + " has no ports: ports are only for "
                        + String.join(", ", Protocol.portProtocolNames()) + "."));
    }

}
