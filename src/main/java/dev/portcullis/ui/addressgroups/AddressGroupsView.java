package dev.portcullis.ui.addressgroups;

import dev.portcullis.domain.SafeText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The Address Groups view: the table of the project's address groups (name, prefixes, the rules naming
 * each) with New, Edit and Delete above it; the view model opens the dialogs and asks the questions.
 */
public final class AddressGroupsView {

    private AddressGroupsView() {
    }

    public static Parent of(AddressGroupsViewModel vm) {
        TableView<AddressGroupRow> table = new TableView<>(vm.rows());
        table.setId("addressGroupsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", AddressGroupRow::name, 180));
        table.getColumns().add(column("Used by", AddressGroupRow::usedBy, 90));
        table.getColumns().add(column("Prefixes", AddressGroupRow::prefixes, 420));
        Label empty = new Label("No address groups yet. An address group names a set of prefixes that rules can"
                + " use as their remote: New makes one.");
        empty.setWrapText(true);
        empty.setMaxWidth(520);
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });

        Button create = button("New…", "mdal-add", "newAddressGroup");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(vm.editableProperty().not());
        create.setOnAction(e -> vm.create());
        Button edit = button("Edit…", "mdal-edit", "editAddressGroup");
        edit.disableProperty().bind(vm.editableProperty().not().or(vm.selectedProperty().isNull()));
        edit.setOnAction(e -> vm.editSelected());
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.selectedProperty().get() != null && vm.editableProperty().get()) {
                edit.fire();
            }
        });
        Button delete = button("Delete", "mdal-delete_outline", "deleteAddressGroup");
        delete.disableProperty().bind(vm.editableProperty().not().or(vm.selectedProperty().isNull()));
        delete.setOnAction(e -> vm.deleteSelected());

        Label title = new Label("Address Groups");
        title.getStyleClass().add("title-2");
        Label readOnly = new Label();
        readOnly.getStyleClass().add("text-muted");
        readOnly.textProperty().bind(vm.readOnlyReasonProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, readOnly, grow, create, edit, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        Label problem = new Label();
        problem.setId("addressGroupProblem");
        problem.getStyleClass().add("danger");
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(() -> SafeText.message(vm.problemProperty().get()),
                vm.problemProperty()));
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox view = new VBox(10, header, problem, table);
        view.setId("addressGroupsView");
        view.getStyleClass().add("address-groups-view");
        view.setStyle("-fx-padding: 12 16 12 16;");
        VBox.setVgrow(table, Priority.ALWAYS);
        return view;
    }


    private static TableColumn<AddressGroupRow, String> column(String name, Function<AddressGroupRow, String> value,
                                                              double width) {
        TableColumn<AddressGroupRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(value.apply(c.getValue()))));
        column.setPrefWidth(width);
        return column;
    }

    private static Button button(String text, String icon, String id) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(text.replace("…", "")));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
