package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Protocol;

/** What the Protocol cell offers: the common protocols by name, any protocol, or another one typed in. */
public enum ProtocolChoice {
    TCP("TCP"),
    UDP("UDP"),
    ICMP("ICMP"),
    ANY("Any"),
    OTHER("Other");

    private final String label;

    ProtocolChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether rules of this choice are about ports (TCP, UDP): a new row of it waits for one to be given. */
    boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    /** The value sent to Neutron for this choice; null for ANY (no protocol) and OTHER (the typed text). */
    String neutronValue() {
        return switch (this) {
            case TCP -> "tcp";
            case UDP -> "udp";
            case ICMP -> "icmp";
            case ANY, OTHER -> null;
        };
    }

    /** The choice that shows a stored protocol; OTHER when it is none of the named ones. */
    static ProtocolChoice of(Protocol protocol, EtherType etherType) {
        if (protocol.isAny()) {
            return ANY;
        }
        return switch (protocol.value()) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "icmp" -> ICMP;
            case "ipv6-icmp", "icmpv6" -> etherType == EtherType.IPV6 ? ICMP : OTHER;
            default -> OTHER;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
