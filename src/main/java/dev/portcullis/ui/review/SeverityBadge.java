package dev.portcullis.ui.review;

import dev.portcullis.review.Severity;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import java.util.Arrays;

/** A severity as a small coloured label ({@code .severity-badge.high} in app.css), the same everywhere. */
public final class SeverityBadge {

    private SeverityBadge() {
    }

    /** A badge saying {@code text} in the colour of {@code severity}. */
    public static Label of(Severity severity, String text) {
        Label badge = new Label();
        badge.getStyleClass().add("severity-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE); // never "Hi…"

        show(badge, severity, text);
        return badge;
    }

    /** A badge saying the severity's name: {@code High}. */
    public static Label of(Severity severity) {
        return of(severity, name(severity));
    }

    /** Makes an existing badge say {@code text} in the colour of {@code severity}. */
    public static void show(Label badge, Severity severity, String text) {
        // a changed style class restyles the badge: a table cell showing the same severity again skips it
        if (badge.getProperties().put(SeverityBadge.class, severity) != severity) {
            badge.getStyleClass().removeAll(Arrays.stream(Severity.values()).map(Severity::label).toList());
            badge.getStyleClass().add(severity.label());
        }
        badge.setText(text);
    }

    /** {@code Critical}, {@code High}, ...: how people read a severity. */
    public static String name(Severity severity) {
        String label = severity.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
