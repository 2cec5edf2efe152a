package dev.portcullis.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One value as a user or a file gave it, before Neutron's conversions: absent, JSON null, a string, a
 * number, a boolean, or something else (an array or an object). Validation needs this distinction
 * because Neutron treats {@code "22"} and {@code 22} alike but {@code "22.0"} and {@code 22.0} not.
 */
public sealed interface Raw {

    /** The member was not given at all. */
    record Absent() implements Raw {
        @Override public String toString() { return "(absent)"; }
    }

    /** JSON {@code null}. */
    record Null() implements Raw {
        @Override public String toString() { return "null"; }
    }

    record Text(String value) implements Raw {
        public Text { Objects.requireNonNull(value); }
        @Override public String toString() { return "\"" + value + "\""; }
    }

    /**
     * A JSON number. {@code integral} is true when it was written without a fraction or exponent, which
     * is what makes Python (and so Neutron) read it as an int rather than a float.
     */
    record Number(BigDecimal value, boolean integral) implements Raw {
        public Number { Objects.requireNonNull(value); }
        @Override public String toString() { return Python.str(this); }
    }

    record Bool(boolean value) implements Raw {
        @Override public String toString() { return value ? "true" : "false"; }
    }

    /** An array or an object where a scalar was expected; {@code kind} says which, for messages. */
    record Other(String kind) implements Raw {
        @Override public String toString() { return kind; }
    }

    Raw ABSENT = new Absent();
    Raw NULL = new Null();

    static Raw text(String value) { return value == null ? NULL : new Text(value); }

    static Raw number(long value) { return new Number(BigDecimal.valueOf(value), true); }

    static Raw number(BigDecimal value, boolean integral) { return new Number(value, integral); }

    static Raw bool(boolean value) { return new Bool(value); }

    default boolean isAbsent() { return this instanceof Absent; }

    /** Absent or null: the two ways of not giving a value. */
    default boolean isMissing() { return this instanceof Absent || this instanceof Null; }
}
