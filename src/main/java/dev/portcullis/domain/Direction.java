package dev.portcullis.domain;

import java.util.Optional;

/** Which way a rule lets traffic through, as seen from the server's interface. */
public enum Direction {
    INGRESS("ingress"),
    EGRESS("egress");

    private final String neutronValue;

    Direction(String neutronValue) {
        this.neutronValue = neutronValue;
    }

    /** The value Neutron uses: exactly {@code ingress} or {@code egress}. */
    public String neutronValue() {
        return neutronValue;
    }

    /** Neutron matches the direction exactly: {@code Ingress} is refused. */
    public static Optional<Direction> fromNeutron(String value) {
        for (Direction d : values()) {
            if (d.neutronValue.equals(value)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return this == INGRESS ? "Ingress" : "Egress";
    }
}
