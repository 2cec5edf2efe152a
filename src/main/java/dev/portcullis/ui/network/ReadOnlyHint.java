package dev.portcullis.ui.network;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;

/**
 * A button disabled while nothing can be changed, with a tooltip saying why. A disabled button shows no
 * tooltip, so the button goes into a holder, in its place, and the holder shows it.
 */
final class ReadOnlyHint {

    private ReadOnlyHint() {
    }

    static void guard(Button button, ObservableBooleanValue editable, ObservableStringValue reason) {
        Pane parent = (Pane) button.getParent();
        Label holder = new Label();
        holder.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        holder.setMinWidth(Label.USE_PREF_SIZE);
        parent.getChildren().set(parent.getChildren().indexOf(button), holder);
        holder.setGraphic(button);
        Tooltip why = GroupColumns.tooltip();
        why.textProperty().bind(reason);
        holder.tooltipProperty().bind(Bindings.when(editable).then((Tooltip) null).otherwise(why));
        button.disableProperty().bind(Bindings.not(editable));
    }
}
