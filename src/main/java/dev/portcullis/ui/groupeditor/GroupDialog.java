package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.shell.Dialogs;
import dev.portcullis.ui.shell.Theme;
import dev.portcullis.ui.shell.ViewLoader;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The group dialog, for a new group and for an existing one: it returns the group as the person wants it,
 * and never saves anything itself. "Add" (new) or "Save" (existing) first shows what will change; pressed
 * again there, it closes the dialog with the draft. "Back" returns to the editor, Cancel or Escape closes
 * the dialog without a result.
 */
public final class GroupDialog extends Dialog<GroupDraft> {

    static final ButtonType BACK = new ButtonType("Back", ButtonData.BACK_PREVIOUS);

    private final GroupEditorViewModel vm;
    private final GroupEditorController controller;
    private final ButtonType apply;

    public GroupDialog(GroupEditRequest request, Window owner) {
        vm = new GroupEditorViewModel(request);
        controller = new GroupEditorController(vm);
        Dialogs.prepare(this, owner);
        setTitle(vm.title());
        DialogPane pane = getDialogPane();
        pane.getStyleClass().add("group-dialog");
        for (String css : List.of(Objects.requireNonNull(Theme.class.getResource("app.css")).toExternalForm(),
                Objects.requireNonNull(GroupDialog.class.getResource("group-editor.css")).toExternalForm())) {
            if (!pane.getStylesheets().contains(css)) {
                pane.getStylesheets().add(css);
            }
        }
        pane.setContent(ViewLoader.load(GroupEditorController.class, "GroupEditorView.fxml", () -> controller));
        apply = new ButtonType(vm.applyText(), ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(apply, ButtonType.CANCEL);
        Node applyButton = pane.lookupButton(apply);
        applyButton.setId("applyButton");
        applyButton.disableProperty().bind(vm.canApplyProperty().not());
        applyButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!controller.isReviewing()) {
                e.consume();
                review();
            }
        });
        setResultConverter(button -> button == apply ? vm.toDraft() : null);
        addEventHandler(DialogEvent.DIALOG_SHOWN, e -> Platform.runLater(controller::focusFirstField));
    }

    /** Opens the dialog on a request and waits: the group as the person wants it, or empty if they cancelled. */
    public static Optional<GroupDraft> open(GroupEditRequest request, Window owner) {
        return new GroupDialog(request, owner).showAndWait();
    }

    private void review() {
        controller.showReview();
        DialogPane pane = getDialogPane();
        // add and remove Back alone: the pane makes new nodes for button types it is given again
        pane.getButtonTypes().add(0, BACK);
        Node back = pane.lookupButton(BACK);
        back.setId("backButton");
        back.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            controller.showEditor();
            pane.getButtonTypes().remove(BACK);
            controller.focusFirstField();
        });
        pane.lookupButton(apply).requestFocus();
    }
}
