package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The strip above the tables while the place's saved copy stands in for the live groups still on their
 * way: how old the copy is, and that it is being refreshed. Calm (the accent's colours, not a warning):
 * nothing is wrong, the live groups replace the copy as they come.
 */
final class CopyBanner {

    private CopyBanner() {
    }

    static HBox of(ObservableValue<Snapshot> copy, String placeName, Clock clock) {
        Label text = new Label();
        HBox banner = Strip.of("copy", "mdomz-sync", text);
        Runnable update = () -> {
            Snapshot shown = copy.getValue();
            Strip.show(banner, shown != null);
            text.setText(shown == null ? "" : text(shown, placeName, clock.instant(), clock.getZone()));
        };
        copy.addListener((obs, old, now) -> update.run());
        update.run();
        return banner;
    }

    /**
     * {@code Showing the copy of prod saved 12 minutes ago (Fri 11:20) · refreshing…}: short enough for one
     * line at the window's narrowest; why nothing can be changed meanwhile is said where changes are offered
     * (the disabled buttons' tips, the details).
     */
    static String text(Snapshot copy, String placeName, Instant now, ZoneId zone) {
        return "Showing the copy of " + placeName + " saved " + OfflineBanner.when(copy.loadedAt(), now, zone)
                + " · refreshing…";
    }
}
