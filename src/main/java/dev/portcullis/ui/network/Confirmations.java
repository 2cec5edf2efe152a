package dev.portcullis.ui.network;

import dev.portcullis.ui.common.DialogLook;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The questions asked before a change that cannot be taken back: deleting a group, and removing a group
 * from an interface. Cancel is the default button and Escape cancels.
 */
final class Confirmations {

    static final ButtonType DELETE = new ButtonType("Delete", ButtonData.OK_DONE);
    static final ButtonType REMOVE = new ButtonType("Remove", ButtonData.OK_DONE);
    /** How many rules of other groups the delete confirmation lists before saying how many more. */
    static final int LISTED_RULES = 8;

    private static final String CSS = Objects.requireNonNull(Confirmations.class.getResource("network.css"))
            .toExternalForm();

    private Confirmations() {
    }

    /** Asks before deleting; true when the user pressed Delete. */
    static boolean delete(Window owner, DeletePreview preview) {
        List<Node> content = new ArrayList<>();
        Label irreversible = wrapped("This action is irreversible.", "irreversible");
        content.add(irreversible);
        List<ReferencingRule> rules = preview.cascadingRules();
        if (rules.isEmpty()) {
            content.add(wrapped("No rule of another group points at it, so nothing else is deleted.", "text-muted"));
        } else {
            content.add(wrapped((rules.size() == 1 ? "This rule of another group points at it and is deleted "
                    : "These " + rules.size() + " rules of other groups point at it and are deleted ")
                    + "with it:", "cascade-intro"));
            VBox list = new VBox(6);
            list.getStyleClass().add("cascade-list");
            list.getChildren().setAll(DetailsPane.referencing(rules.stream().limit(LISTED_RULES).toList()));
            if (rules.size() > LISTED_RULES) {
                list.getChildren().add(wrapped("… and " + (rules.size() - LISTED_RULES) + " more", "text-muted"));
            }
            content.add(list);
        }
        String header = "Delete the security group \"" + preview.group().name() + "\"?";
        return ask(owner, "Delete security group", header, "mdoal-delete", content, DELETE, "delete-confirmation");
    }

    /** Asks before removing a group from an interface; true when the user pressed Remove. */
    static boolean removeFromInterface(Window owner, InterfaceUse use, GroupRow group) {
        List<Node> content = new ArrayList<>();
        content.add(wrapped("The interface stops getting this group's rules at once: traffic that only \""
                + group.name() + "\" lets through is blocked.", "wrapped"));
        content.add(wrapped(use.otherGroups().isEmpty()
                ? "It has no other group, so it will let no traffic through."
                : "It keeps " + (use.otherGroups().size() == 1 ? "its other group: " : "its other groups: ")
                + String.join(", ", use.otherGroups()) + ".", "text-muted"));
        String header = "Remove \"" + group.name() + "\" from " + use.label() + "?";
        return ask(owner, "Remove from interface", header, GroupColumns.REMOVE_ICON, content, REMOVE,
                "remove-confirmation");
    }

    private static boolean ask(Window owner, String title, String header, String icon, List<Node> content,
                               ButtonType action, String styleClass) {
        Dialog<ButtonType> dialog = DialogLook.prepare(new Dialog<>(), owner);
        dialog.setTitle(title);
        DialogPane pane = dialog.getDialogPane();
        pane.getStylesheets().add(CSS);
        pane.getStyleClass().addAll("confirmation", styleClass);
        pane.setHeaderText(header);
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("confirmation-icon");
        pane.setGraphic(graphic);
        VBox body = new VBox(10);
        body.getChildren().setAll(content);
        body.setPrefWidth(500);
        pane.setContent(body);
        pane.getButtonTypes().setAll(action, ButtonType.CANCEL);
        Button confirm = (Button) pane.lookupButton(action);
        confirm.getStyleClass().add("danger");
        confirm.setDefaultButton(false);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        dialog.setOnShown(e -> cancel.requestFocus());
        return dialog.showAndWait().filter(action::equals).isPresent();
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
