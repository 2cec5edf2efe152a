package dev.portcullis.ui.common;

import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * Makes every dialog a proper child of its window: owned (so it centres on it and stays in front),
 * styled like the window, with the application's icons, and closed by Escape. How dialogs look, not
 * which are asked: that is {@link DialogService}.
 */
public final class DialogLook {

    private DialogLook() {
    }

    public static <D extends Dialog<?>> D prepare(D dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        dialog.setResizable(true);
        dialog.getDialogPane().sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && scene.getWindow() instanceof Stage stage) {
                stage.getIcons().setAll(icons());
            }
        });
        return dialog;
    }

    /** Outside text made safe, in a label that wraps at a fixed width. */
    public static Label wrapped(String message) {
        Label text = new Label(dev.portcullis.domain.SafeText.message(message));
        text.setWrapText(true);
        // A wrapping label's preferred width is its unwrapped line: fix it, or the alert is sized (and
        // centred) for one very long line and opens off the window.
        text.setPrefWidth(520);
        text.setMaxWidth(520);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return text;
    }

    static List<Image> icons() {
        return AppIcons.all();
    }
}
