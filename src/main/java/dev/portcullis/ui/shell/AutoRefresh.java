package dev.portcullis.ui.shell;

import java.time.Duration;
import java.util.Optional;

/** How often the console loads the groups again on its own. */
public enum AutoRefresh {
    OFF(null, "Off"),
    SECONDS_30(Duration.ofSeconds(30), "Every 30 s"),
    MINUTE_1(Duration.ofMinutes(1), "Every minute"),
    MINUTES_5(Duration.ofMinutes(5), "Every 5 minutes");

    public static final AutoRefresh DEFAULT = MINUTE_1;

    private final Duration period;
    private final String label;

    AutoRefresh(Duration period, String label) {
        this.period = period;
        this.label = label;
    }

    public Optional<Duration> period() {
        return Optional.ofNullable(period);
    }

    public String label() {
        return label;
    }
}
