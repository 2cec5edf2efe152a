package dev.portcullis.ui.network;

import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

import java.util.function.Consumer;

/**
 * The two group tables of the view: the default group(s) above, header-less and as tall as their rows,
 * their columns following the custom table's; the custom groups below, sorted by the view model. Both
 * share one selection, kept in the view model; a double click or Enter edits a group, Delete deletes it.
 */
final class GroupTables {

    private static final double ROW_HEIGHT = 40;

    /** The columns of one table, as the FXML declares them. */
    record Columns(TableColumn<GroupRow, String> name, TableColumn<GroupRow, GroupRow> findings,
                   TableColumn<GroupRow, String> description,
                   TableColumn<GroupRow, GroupRow> rules, TableColumn<GroupRow, Integer> usedBy,
                   TableColumn<GroupRow, GroupRow> actions) {
    }

    private final NetworkConfigurationViewModel vm;
    private final TableView<GroupRow> customs;
    private final TableView<GroupRow> defaults;
    private final Consumer<GroupRow> edit;
    private final Consumer<GroupRow> delete;
    private boolean syncingSelection;
    /** The id of the group last selected, kept while none is (the rows being replaced). */
    private String lastSelectedId;
    private final ScrollAnchor anchor;

    GroupTables(NetworkConfigurationViewModel vm, TableView<GroupRow> customs, Columns customColumns,
                TableView<GroupRow> defaults, Columns defaultColumns, Consumer<GroupRow> edit,
                Consumer<GroupRow> delete) {
        this.vm = vm;
        this.customs = customs;
        this.defaults = defaults;
        this.edit = edit;
        this.delete = delete;
        setUp(customs, customColumns);
        setUp(defaults, defaultColumns);
        // the view model sorts below its filter: the table only says how
        customs.setItems(vm.customGroups());
        anchor = new ScrollAnchor(customs, () -> lastSelectedId);
        customs.setSortPolicy(table -> true);
        vm.customOrderProperty().bind(customs.comparatorProperty());
        customs.getSortOrder().add(customColumns.name());
        defaults.setItems(vm.defaultGroups());
        Label noDefault = new Label();
        // "Loading…" only while the project is not all in: a refresh of a project shown does not take back what
        // is known of it
        noDefault.textProperty().bind(Bindings.when(vm.filterTextProperty().isNotEmpty())
                .then("No default group matches the filter.")
                .otherwise(Bindings.when(vm.stateProperty().isNotEqualTo(NetworkConfigurationViewModel.State.READY)
                                .or(vm.partialProperty())).then("Loading…")
                        .otherwise("No default group in " + vm.backendName() + ".")));
        defaults.setPlaceholder(noDefault);
        defaults.prefHeightProperty().bind(Bindings.max(1, Bindings.size(vm.defaultGroups()))
                .multiply(ROW_HEIGHT).add(4));
        defaults.minHeightProperty().bind(defaults.prefHeightProperty());
        defaults.maxHeightProperty().bind(defaults.prefHeightProperty());
        follow(defaultColumns, customColumns);
        customs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        syncSelection();
        vm.readOnlyReasonProperty().addListener((obs, old, now) -> refresh());
        vm.changedOnServer().addListener((SetChangeListener<String>) change -> refresh());
        vm.findingsProperty().addListener((obs, old, now) -> refresh()); // the review is in: the badges
    }

    /** The default table has no header: its columns take the custom table's widths. */
    private static void follow(Columns follower, Columns leader) {
        follower.name().prefWidthProperty().bind(leader.name().widthProperty());
        follower.findings().prefWidthProperty().bind(leader.findings().widthProperty());
        follower.description().prefWidthProperty().bind(leader.description().widthProperty());
        follower.rules().prefWidthProperty().bind(leader.rules().widthProperty());
        follower.usedBy().prefWidthProperty().bind(leader.usedBy().widthProperty());
        follower.actions().prefWidthProperty().bind(leader.actions().widthProperty());
    }

    private void setUp(TableView<GroupRow> table, Columns columns) {
        GroupColumns.name(columns.name(), vm.changedOnServer());
        GroupColumns.findings(columns.findings());
        GroupColumns.description(columns.description());
        GroupColumns.rules(columns.rules());
        GroupColumns.usedBy(columns.usedBy());
        GroupColumns.actions(columns.actions(), edit, delete, vm.readOnlyReasonProperty());
        table.setFixedCellSize(ROW_HEIGHT);
        table.setRowFactory(t -> {
            TableRow<GroupRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    edit.accept(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            GroupRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                e.consume();
                edit.accept(selected);
            } else if (selected != null && e.getCode() == KeyCode.DELETE) {
                e.consume();
                delete.accept(selected);
            }
        });
    }

    /** Draws the rows again, after their marks or whether they can be changed changed. */
    void refresh() {
        customs.refresh();
        defaults.refresh();
    }

    /** Puts the focus on the custom groups, e.g. after the button that had it is gone or disabled. */
    void focusCustoms() {
        customs.requestFocus();
    }

    /** Moves from the filter to the custom groups, selecting the first when none is. */
    void enterCustoms() {
        customs.requestFocus();
        if (customs.getSelectionModel().isEmpty() && !customs.getItems().isEmpty()) {
            customs.getSelectionModel().selectFirst();
        }
    }

    /** One selection across both tables, kept in the view model (which keeps it across reloads). */
    private void syncSelection() {
        customs.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> fromTable(row, false));
        defaults.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> fromTable(row, true));
        vm.selectedProperty().addListener((obs, old, row) -> {
            syncingSelection = true;
            // the same group again (a reload keeps the selection by id, through none while the rows are replaced):
            // the table stays where the user scrolled it
            boolean another = row != null && !row.id().equals(lastSelectedId);
            if (row != null) {
                lastSelectedId = row.id();
            }
            try {
                select(customs, row != null && !row.isDefault() ? row : null, another);
                if (!another && row != null && !row.isDefault()) {
                    anchor.reselected(row);
                }
                select(defaults, row != null && row.isDefault() ? row : null, another);
            } finally {
                syncingSelection = false;
            }
        });
    }

    private void fromTable(GroupRow row, boolean inDefaults) {
        if (syncingSelection) {
            return;
        }
        GroupRow current = vm.selectedProperty().get();
        if (row != null) {
            vm.selectedProperty().set(row);
        } else if (current != null && current.isDefault() == inDefaults) {
            vm.selectedProperty().set(null);
        }
    }

    /** Selects a row in a table, scrolled to it when {@code scroll} (another group than before). */
    private static void select(TableView<GroupRow> table, GroupRow row, boolean scroll) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != row) {
            table.getSelectionModel().select(row);
            if (scroll) {
                table.scrollTo(row);
            }
        }
    }
}
