package dev.portcullis.ui.network;

import dev.portcullis.ui.common.DialogLook;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks what to do when a save was refused because someone else changed the group first: it lists what
 * they changed, and offers to reapply the user's changes on the group as it is now, or to discard them.
 */
final class ConflictDialog {

    static final ButtonType REAPPLY = new ButtonType("Reapply my changes", ButtonData.OK_DONE);
    static final ButtonType DISCARD = new ButtonType("Discard my changes", ButtonData.CANCEL_CLOSE);

    private ConflictDialog() {
    }

    /** True when the user wants their changes reapplied. */
    static boolean ask(Window owner, StaleConflict conflict) {
        return build(owner, conflict).showAndWait().filter(REAPPLY::equals).isPresent();
    }

    static Alert build(Window owner, StaleConflict conflict) {
        Alert alert = DialogLook.prepare(new Alert(Alert.AlertType.WARNING, "", REAPPLY, DISCARD), owner);
        alert.setTitle("The group changed on the server");
        alert.setHeaderText(conflict.heading());
        VBox content = new VBox(6);
        content.setId("conflictContent");
        content.getChildren().add(line("Nothing of yours was saved. On the server, since you opened it:", "conflict-intro"));
        if (conflict.theirChanges().isEmpty()) {
            content.getChildren().add(line("• Only its revision changed.", "conflict-change"));
        }
        conflict.theirChanges().forEach(c -> content.getChildren().add(line("• " + c, "conflict-change")));
        content.getChildren().add(line("\"Reapply my changes\" opens the dialog on the group as it is now, with "
                + "your changes carried over, for you to check and save. \"Discard my changes\" keeps the "
                + "group as it is now.", "text-muted"));
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().lookupButton(REAPPLY).setId("reapplyButton");
        alert.getDialogPane().lookupButton(DISCARD).setId("discardMineButton");
        return alert;
    }

    private static Label line(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPrefWidth(520);
        label.setMaxWidth(520);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(style);
        return label;
    }
}
