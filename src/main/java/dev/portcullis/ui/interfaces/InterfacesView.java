package dev.portcullis.ui.interfaces;

import dev.portcullis.domain.SafeText;
import dev.portcullis.domain.SecurityGroup;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The Interfaces view: the project's interfaces on the left; on the right, for the one selected, its groups
 * (each with a button to take it off, and a choice to put another on) and the rules in force on it, inbound
 * and outbound, each with the group it comes from. The view model asks before a change.
 */
public final class InterfacesView {

    private InterfacesView() {
    }

    public static Parent of(InterfacesViewModel vm) {
        TableView<InterfaceRow> table = new TableView<>(vm.rows());
        table.setId("interfacesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Interface", InterfaceRow::name, 150));
        table.getColumns().add(column("Device", InterfaceRow::device, 140));
        table.getColumns().add(column("Addresses", InterfaceRow::addresses, 130));
        table.getColumns().add(column("Groups", InterfaceRow::groups, 200));
        table.setPlaceholder(muted("No interfaces: this source lists none (a definition file may leave them out),"
                + " or the project has no servers yet."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });

        VBox details = details(vm);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.48);
        Label title = new Label("Interfaces");
        title.getStyleClass().add("title-2");
        Label about = muted("Each interface gets the union of its groups' rules.");
        HBox header = new HBox(12, title, about);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        VBox view = new VBox(10, header, split);
        view.setId("interfacesView");
        view.setStyle("-fx-padding: 12 16 12 16;");
        VBox.setVgrow(split, Priority.ALWAYS);
        return view;
    }

    private static VBox details(InterfacesViewModel vm) {
        Label none = muted("Select an interface to see its groups and the rules in force on it.");
        Label groupsTitle = new Label("Groups");
        groupsTitle.getStyleClass().add("title-4");
        FlowPane chips = new FlowPane(8, 6);
        chips.setId("interfaceGroups");
        vm.groupsOnIt().addListener((ListChangeListener<SecurityGroup>) change -> chips.getChildren().setAll(
                vm.groupsOnIt().stream().map(g -> chip(vm, g)).toList()));
        ComboBox<SecurityGroup> choice = new ComboBox<>(vm.groupsToAdd());
        choice.setId("groupToAdd");
        choice.setPromptText("Put another group on it…");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(SecurityGroup g) {
                return g == null ? "" : SafeText.line(g.name());
            }

            @Override
            public SecurityGroup fromString(String s) {
                return null;
            }
        });
        Button add = new Button("Put on", new FontIcon("mdal-add"));
        add.setId("putGroupOn");
        add.disableProperty().bind(choice.valueProperty().isNull().or(vm.editableProperty().not()));
        add.setOnAction(e -> {
            SecurityGroup group = choice.getValue();
            if (group != null) { // kept when refused, to try again (FX thread)
                vm.putOn(group).ifPresent(change -> change.thenRun(() -> choice.setValue(null)));
            }
        });
        HBox adding = new HBox(8, choice, add);
        adding.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("interfaceProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(Bindings.createStringBinding(() -> SafeText.message(vm.problemProperty().get()),
                vm.problemProperty()));
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label summary = muted("");
        summary.setId("effectiveSummary");
        summary.textProperty().bind(vm.summaryProperty());
        TableView<EffectiveRule> in = rules(vm, true);
        TableView<EffectiveRule> out = rules(vm, false);
        Label inTitle = new Label("Inbound (ingress)");
        inTitle.getStyleClass().add("title-4");
        Label outTitle = new Label("Outbound (egress)");
        outTitle.getStyleClass().add("title-4");
        VBox shown = new VBox(8, groupsTitle, chips, adding, problem, summary, inTitle, in, outTitle, out);
        VBox.setVgrow(in, Priority.ALWAYS);
        VBox.setVgrow(out, Priority.ALWAYS);
        shown.visibleProperty().bind(vm.selectedProperty().isNotNull());
        shown.managedProperty().bind(shown.visibleProperty());
        none.visibleProperty().bind(vm.selectedProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        shown.setMinHeight(0);
        VBox details = new VBox(8, none, shown);
        details.setMinHeight(0);
        details.setStyle("-fx-padding: 0 0 0 12;");
        VBox.setVgrow(shown, Priority.ALWAYS);
        return details;
    }

    private static HBox chip(InterfacesViewModel vm, SecurityGroup group) {
        Label name = new Label(SafeText.line(group.name()));
        Button off = new Button(null, new FontIcon("mdal-close"));
        off.setId("takeOff-" + group.name());
        off.getStyleClass().addAll("flat", "small");
        off.setTooltip(new Tooltip("Take " + SafeText.line(group.name()) + " off this interface"));
        off.disableProperty().bind(vm.editableProperty().not());
        off.setOnAction(e -> vm.takeOff(group));
        HBox chip = new HBox(4, name, off);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("group-chip");
        chip.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 12; -fx-padding: 2 4 2 10;");
        return chip;
    }

    private static TableView<EffectiveRule> rules(InterfacesViewModel vm, boolean ingress) {
        TableView<EffectiveRule> table = new TableView<>(ingress ? vm.ingress() : vm.egress());
        table.setId(ingress ? "ingressRules" : "egressRules");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Rule", EffectiveRule::rule, 300));
        table.getColumns().add(column("From group", EffectiveRule::group, 120));
        table.getColumns().add(column("Description", EffectiveRule::description, 100));
        table.setPlaceholder(muted(ingress ? "Nothing may come in: no group lets traffic in."
                : "Nothing may go out: no group lets traffic out."));
        // the two tables share the height left: each may shrink to a few rows rather than run off the view
        table.setMinHeight(110);
        table.setPrefHeight(160);
        return table;
    }

    /** A column of text from outside, shown safe; a text cut short by a narrow column is whole in the tooltip. */
    private static <T> TableColumn<T, String> column(String name, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(value.apply(c.getValue()))));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean text = !empty && item != null && !item.isEmpty();
                setText(text ? item : null);
                whole.setText(text ? item : "");
                setTooltip(text ? whole : null);
            }
        });
        return column;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
