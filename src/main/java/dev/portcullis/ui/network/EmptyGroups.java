package dev.portcullis.ui.network;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the custom table shows when it has no row: while a filter hides every group, what the filter looks
 * at and a button to clear it; in a project without custom groups, what they are for and a button to
 * create one.
 */
final class EmptyGroups {

    private EmptyGroups() {
    }

    static Node of(NetworkConfigurationViewModel vm, Runnable newGroup) {
        FontIcon icon = new FontIcon("mdoal-inbox");
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label();
        title.getStyleClass().add("title-4");
        Label text = new Label();
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.getStyleClass().add("text-muted");
        Button action = new Button();
        action.getStyleClass().add("placeholder-action");
        BooleanBinding filtering = vm.filterTextProperty().isNotEmpty().and(vm.customTotalProperty().greaterThan(0));
        title.textProperty().bind(Bindings.when(filtering).then("No custom group matches the filter")
                .otherwise("No custom security groups yet"));
        text.textProperty().bind(Bindings.when(filtering)
                .then(Bindings.concat("Nothing matches \"", vm.filterTextProperty(), "\". The filter looks at "
                        + "names, descriptions, ports (22, out:443) and addresses (10.0.0.5, 10.0.0.0/24)."))
                .otherwise(Bindings.when(vm.editableProperty()).then("Custom groups hold the rules for your servers' "
                        + "interfaces: SSH for the administrators, HTTP and HTTPS for a web server, a database port "
                        + "for the application.").otherwise(vm.readOnlyReasonProperty())));
        action.textProperty().bind(Bindings.when(filtering).then("Clear the filter").otherwise("+ New Security Group"));
        action.setOnAction(e -> {
            if (filtering.get()) {
                vm.filterTextProperty().set("");
            } else {
                newGroup.run();
            }
        });
        // where nothing can be added (a read-only file), no button that does nothing: the text says why
        action.visibleProperty().bind(filtering.or(vm.editableProperty()));
        action.managedProperty().bind(action.visibleProperty());
        VBox box = new VBox(10, icon, title, text, action);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
