package dev.portcullis.review;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters, most serious first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** {@code critical}, {@code high}...: how the command line and the files spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this is as serious as {@code threshold} or more. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
