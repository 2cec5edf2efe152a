package dev.portcullis.backend.openstack;

import java.util.Objects;

/**
 * A password, application credential secret or token. It prints as asterisks everywhere (logs,
 * exceptions, toString of the records that hold it); only {@link #reveal()} gives the value, at the one
 * place that sends it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value, for the request that sends it; never for text a person or a log sees. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "********";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
