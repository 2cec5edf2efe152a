package dev.portcullis.domain;

/**
 * Neutron's {@code port_range_min}/{@code port_range_max} pair. For TCP, UDP, SCTP, DCCP and UDP-Lite it
 * is a port range; for ICMP and ICMPv6 it is the ICMP type and code; {@code null} means any.
 */
public record PortRange(Integer min, Integer max) {

    public static final PortRange ANY = new PortRange(null, null);

    /**
     * The single ports made so far, each shared by every rule that opens it (and its number boxed once): most
     * rules of a large project open one of a few ports. Filled as they are asked for; a race makes two equal
     * instances, which is harmless.
     */
    private static final PortRange[] SINGLE = new PortRange[65536];

    /** The range from {@code min} to {@code max} (either may be null: any), a single port shared as {@link #SINGLE} says. */
    public static PortRange between(Integer min, Integer max) {
        if (min == null && max == null) {
            return ANY;
        }
        if (min != null && min.equals(max) && min >= 0 && min < SINGLE.length) {
            PortRange single = SINGLE[min];
            if (single == null) {
                single = new PortRange(min, max);
                SINGLE[min] = single;
            }
            return single;
        }
        return new PortRange(min, max);
    }

    public static PortRange of(int port) {
        return between(port, port);
    }

    public static PortRange of(int min, int max) {
        return new PortRange(min, max);
    }

    /** ICMP type and optional code. */
    public static PortRange icmp(Integer type, Integer code) {
        return new PortRange(type, code);
    }

    public boolean isAny() {
        return min == null && max == null;
    }

    public boolean isSinglePort() {
        return min != null && min.equals(max);
    }

    /** The lowest port this range covers, taking "any" as 0 as the review checks do. */
    public int low() {
        return min == null ? 0 : min;
    }

    public int high() {
        return max == null ? 65535 : max;
    }

    /** For a port protocol: {@code any}, {@code 22}, {@code 8000-8080}. */
    public String portLabel() {
        if (isAny()) {
            return "any";
        }
        if (isSinglePort()) {
            return min.toString();
        }
        return (min == null ? "?" : min) + "-" + (max == null ? "?" : max);
    }

    /** For ICMP: {@code any}, {@code type 8}, {@code type 8 code 0}. */
    public String icmpLabel() {
        if (isAny()) {
            return "any";
        }
        return "type " + (min == null ? "any" : min) + (max == null ? "" : " code " + max);
    }
}
