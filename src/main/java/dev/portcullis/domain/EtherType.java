package dev.portcullis.domain;

import java.util.Optional;

/** The IP version a rule applies to. */
public enum EtherType {
    IPV4("IPv4", 4),
    IPV6("IPv6", 6);

    private final String neutronValue;
    private final int version;

    EtherType(String neutronValue, int version) {
        this.neutronValue = neutronValue;
        this.version = version;
    }

    public String neutronValue() {
        return neutronValue;
    }

    public int version() {
        return version;
    }

    /**
     * Neutron accepts the ether type in any letter case ({@code ipv4}, {@code IPV6}) and stores it fixed. It
     * compares lower-cased text, as Python's {@code str.lower()} does, so {@code "ıpv4"} (dotless i) is refused.
     */
    public static Optional<EtherType> parse(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        for (EtherType e : values()) {
            if (e.neutronValue.toLowerCase(java.util.Locale.ROOT).equals(lower)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static EtherType ofVersion(int version) {
        return version == 6 ? IPV6 : IPV4;
    }
}
