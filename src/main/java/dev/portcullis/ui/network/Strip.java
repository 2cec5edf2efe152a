package dev.portcullis.ui.network;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/** A strip above the tables (the offline copy's, the saved copy's): an icon, a text that wraps, maybe buttons. */
final class Strip {

    private Strip() {
    }

    /**
     * @param kind the strip's id is {@code <kind>Banner}, its text's {@code <kind>Text}; its style classes are
     *             {@code banner} and {@code <kind>-banner}, its icon's {@code <kind>-icon}
     */
    static HBox of(String kind, String icon, Label text, Node... after) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add(kind + "-icon");
        text.setId(kind + "Text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a long text wraps instead of being cut
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox strip = new HBox(10, glyph, text);
        strip.getChildren().addAll(after);
        strip.setId(kind + "Banner");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getStyleClass().addAll("banner", kind + "-banner");
        return strip;
    }

    /** Shows the strip, and takes its place in the layout, only when {@code shown}. */
    static void show(HBox strip, boolean shown) {
        strip.setVisible(shown);
        strip.setManaged(shown);
    }
}
