package dev.portcullis.ui.network;

import dev.portcullis.domain.SafeText;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip that is made when the pointer first comes over its node. A table makes its cells by the dozen
 * and every {@link Tooltip} is a window with a scene of its own: made up front, they cost the window's first
 * frame more than the rows themselves (measured). The text is kept until then; null means no tooltip.
 */
final class HoverTip {

    private final Node owner;
    private String text;
    private Tooltip tooltip;

    HoverTip(Node owner) {
        this.owner = owner;
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> install());
    }

    /** The text to show (null: none); an installed tooltip follows at once. */
    void setText(String shown) {
        // tooltips show names, descriptions and server messages: escaped and bounded here, for every one
        String text = shown == null ? null : SafeText.message(shown);
        this.text = text;
        if (tooltip != null) {
            tooltip.setText(text);
            attach(text == null ? null : tooltip);
        }
    }

    String text() {
        return text;
    }

    private void install() {
        if (text == null || tooltip != null) {
            return;
        }
        tooltip = GroupColumns.tooltip();
        tooltip.setText(text);
        attach(tooltip);
    }

    private void attach(Tooltip tip) {
        if (owner instanceof Control control) {
            control.setTooltip(tip);
        } else if (tip == null) {
            Tooltip.uninstall(owner, tooltip);
        } else {
            Tooltip.install(owner, tip);
        }
    }
}
