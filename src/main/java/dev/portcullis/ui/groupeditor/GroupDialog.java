package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.ui.common.DialogLook;
import dev.portcullis.ui.common.DialogService;
import dev.portcullis.ui.common.FxDialogService;
import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Alert;
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
    private final DiscardGuard discard;

    /** @param dialogs where the dialog asks before throwing away what was typed */
    public GroupDialog(GroupEditRequest request, Window owner, ReviewSettings review, DialogService dialogs) {
        vm = new GroupEditorViewModel(request, review);
        controller = new GroupEditorController(vm);
        discard = new DiscardGuard(vm, dialogs);
        DialogLook.prepare(this, owner);
        setTitle(vm.title());
        DialogPane pane = getDialogPane();
        pane.getStyleClass().add("group-dialog");
        for (String css : List.of(Objects.requireNonNull(Theme.class.getResource("app.css")).toExternalForm(),
                Objects.requireNonNull(GroupDialog.class.getResource("group-editor.css")).toExternalForm())) {
            if (!pane.getStylesheets().contains(css)) {
                pane.getStylesheets().add(css);
            }
        }
        Node editor = ViewLoader.load(GroupEditorController.class, "GroupEditorView.fxml", () -> controller);
        TagEditor tags = new TagEditor(vm.tags(), vm.tagTypedProperty());
        tags.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !controller.isReviewing(),
                pane.getButtonTypes()));
        tags.managedProperty().bind(tags.visibleProperty());
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(8, editor, tags);
        javafx.scene.layout.VBox.setVgrow(editor, javafx.scene.layout.Priority.ALWAYS);
        pane.setContent(content);
        fitToScreen(content, owner);
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
        // Escape on the list of changes goes back to the editor; Cancel, Escape and the window's close
        // button ask before throwing away what was typed.
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && controller.isReviewing()) {
                e.consume();
                backToEditor();
            } else if (CONFIRM.match(e)) { // Ctrl+Enter: Add/Save from anywhere, the review step first
                e.consume();
                if (!applyButton.isDisabled()) {
                    ((javafx.scene.control.Button) applyButton).fire();
                }
            }
        });
        pane.lookupButton(ButtonType.CANCEL).addEventFilter(ActionEvent.ACTION, e -> {
            if (!discard.mayDiscard()) {
                e.consume();
            }
        });
        setOnCloseRequest(e -> {
            if (getResult() == null && !discard.mayDiscard()) {
                e.consume();
            }
        });
        addEventHandler(DialogEvent.DIALOG_SHOWN, e -> Platform.runLater(controller::focusFirstField));
    }

    /**
     * Makes the group dialog answer {@link GroupEditRequest}s (the group as the person wants it, or empty if
     * they cancelled), warning about rules with the review's own settings, and its discard question.
     */
    public static void register(FxDialogService dialogs, ReviewSettings review) {
        dialogs.register(GroupEditRequest.class, (request, owner) -> new GroupDialog(request, owner, review, dialogs)
                .showAndWait());
        dialogs.register(DiscardGuard.DiscardQuestion.class, (question, owner) -> discard(question, owner)
                ? Optional.of(true) : Optional.empty());
    }

    /** The design's size (1080 wide), or less on a small screen; as tall as the screen allows, for the rule table. */
    private static void fitToScreen(javafx.scene.layout.Region content, Window owner) {
        javafx.geometry.Rectangle2D area = (owner == null ? List.of(javafx.stage.Screen.getPrimary())
                : javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                owner.getHeight())).stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        content.setPrefWidth(Math.min(DESIGN_WIDTH, area.getWidth() - SCREEN_MARGIN - PANE_AROUND));
        content.setPrefHeight(Math.min(MAX_HEIGHT, area.getHeight() - SCREEN_MARGIN - TITLE_BAR - PANE_AROUND
                - BUTTON_BAR));
    }

    private static final javafx.scene.input.KeyCombination CONFIRM = new javafx.scene.input.KeyCodeCombination(
            KeyCode.ENTER, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    private static final double DESIGN_WIDTH = 1080;
    private static final double MAX_HEIGHT = 980;
    private static final double SCREEN_MARGIN = 24;
    private static final double TITLE_BAR = 32;
    private static final double PANE_AROUND = 40;
    private static final double BUTTON_BAR = 64;

    private void backToEditor() {
        controller.showEditor();
        getDialogPane().getButtonTypes().remove(BACK);
        controller.focusFirstField();
    }

    private static boolean discard(DiscardGuard.DiscardQuestion question, Window owner) {
        Alert ask = DialogLook.prepare(new Alert(Alert.AlertType.CONFIRMATION), owner);
        ButtonType discard = new ButtonType("Discard changes", ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(keep, discard);
        ask.setTitle("Discard changes?");
        ask.setHeaderText("Discard your changes to " + question.subject() + "?");
        ask.setContentText("Nothing has been saved. What you typed in this dialog will be lost.");
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ask.getDialogPane().lookupButton(discard).setId("discardButton");
        return ask.showAndWait().filter(discard::equals).isPresent();
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
            backToEditor();
        });
        pane.lookupButton(apply).requestFocus();
    }
}
