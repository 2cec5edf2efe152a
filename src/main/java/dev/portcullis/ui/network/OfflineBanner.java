package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The strip above the tables while an offline copy is shown: when the copy was saved, why the cloud could
 * not be reached, and Retry.
 */
final class OfflineBanner {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private OfflineBanner() {
    }

    static HBox of(ObservableValue<Snapshot> snapshot, Clock clock, Runnable retry) {
        Button again = new Button("Retry", new FontIcon("mdomz-refresh"));
        again.setId("offlineRetry");
        again.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        again.setOnAction(e -> retry.run());
        Label text = new Label();
        HBox banner = Strip.of("offline", "mdoal-cloud_off", text, again);
        Runnable update = () -> {
            Snapshot shown = snapshot.getValue();
            boolean offline = shown != null && shown.isOffline();
            Strip.show(banner, offline);
            text.setText(offline ? text(shown, clock.instant(), clock.getZone()) : "");
        };
        snapshot.addListener((obs, old, now) -> update.run());
        update.run();
        return banner;
    }

    /** {@code Offline: showing the copy saved 2 hours ago (Tue 14:03). <reason>}. */
    static String text(Snapshot offline, Instant now, ZoneId zone) {
        return "Offline: showing the copy saved " + when(offline.loadedAt(), now, zone) + ". " + offline.offline();
    }

    /** {@code 2 hours ago (Tue 14:03)}: how long ago, and when in the user's time zone. */
    static String when(Instant saved, Instant now, ZoneId zone) {
        return ago(Duration.between(saved, now)) + " (" + DAY_AND_TIME.format(saved.atZone(zone)) + ")";
    }

    static String ago(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return Words.plural(minutes, "minute") + " ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return Words.plural(hours, "hour") + " ago";
        }
        return Words.plural(hours / 24, "day") + " ago";
    }
}
