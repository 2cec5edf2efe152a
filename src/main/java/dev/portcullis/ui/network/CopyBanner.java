package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The strip above the tables while the place's saved copy stands in for the live groups still on their
 * way: how old the copy is, and that it is being refreshed. Calm (the accent's colours, not a warning):
 * nothing is wrong, the live groups replace the copy as they come.
 */
final class CopyBanner {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private CopyBanner() {
    }

    static HBox of(ObservableValue<Snapshot> copy, String placeName, Clock clock) {
        FontIcon icon = new FontIcon("mdomz-sync");
        icon.getStyleClass().add("copy-icon");
        Label text = new Label();
        text.setId("copyText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(10, icon, text);
        banner.setId("copyBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("banner", "copy-banner");
        Runnable update = () -> {
            Snapshot shown = copy.getValue();
            banner.setVisible(shown != null);
            banner.setManaged(shown != null);
            text.setText(shown == null ? "" : text(shown, placeName, clock.instant(), clock.getZone()));
        };
        copy.addListener((obs, old, now) -> update.run());
        update.run();
        return banner;
    }

    /**
     * {@code Showing the copy of prod saved 12 minutes ago (Fri 11:20) · refreshing… Changes can be made once
     * the live groups are in.}
     */
    static String text(Snapshot copy, String placeName, Instant now, ZoneId zone) {
        return "Showing the copy of " + placeName + " saved " + OfflineBanner.ago(Duration.between(copy.loadedAt(), now))
                + " (" + DAY_AND_TIME.format(copy.loadedAt().atZone(zone)) + ") · refreshing… Changes can be made "
                + "once the live groups are in.";
    }
}
