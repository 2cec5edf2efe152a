package dev.portcullis.ui.network;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import dev.portcullis.ui.shell.Dialogs;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds the Network Configuration view to its view model and turns clicks and keys into its commands.
 * The group dialog is a function given by the composition root: it takes what to open on and returns
 * the user's draft, or nothing when they cancel; saving is the view model's job.
 */
public final class NetworkConfigurationController {

    private static final double ROW_HEIGHT = 40;

    private final NetworkConfigurationViewModel vm;
    private final Function<GroupEditRequest, Optional<GroupDraft>> editor;

    @FXML private BorderPane root;
    @FXML private Button refreshButton;
    @FXML private VBox loadingPane;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label loadingLabel;
    @FXML private VBox errorPane;
    @FXML private Label errorLabel;
    @FXML private SplitPane content;
    @FXML private HBox errorBanner;
    @FXML private Label bannerLabel;
    @FXML private TableView<GroupRow> defaultTable;
    @FXML private TableColumn<GroupRow, String> defaultName;
    @FXML private TableColumn<GroupRow, String> defaultDescription;
    @FXML private TableColumn<GroupRow, GroupRow> defaultRules;
    @FXML private TableColumn<GroupRow, Integer> defaultUsedBy;
    @FXML private TableColumn<GroupRow, GroupRow> defaultActions;
    @FXML private TextField filterField;
    @FXML private Button newButton;
    @FXML private Label filterSummary;
    @FXML private TableView<GroupRow> customTable;
    @FXML private TableColumn<GroupRow, String> customName;
    @FXML private TableColumn<GroupRow, String> customDescription;
    @FXML private TableColumn<GroupRow, GroupRow> customRules;
    @FXML private TableColumn<GroupRow, Integer> customUsedBy;
    @FXML private TableColumn<GroupRow, GroupRow> customActions;
    @FXML private VBox details;

    private DetailsPane detailsPane;
    private boolean syncingSelection;

    public NetworkConfigurationController(NetworkConfigurationViewModel vm,
                                          Function<GroupEditRequest, Optional<GroupDraft>> editor) {
        this.vm = Objects.requireNonNull(vm);
        this.editor = Objects.requireNonNull(editor);
    }

    @FXML
    private void initialize() {
        bindStates();
        setUpTable(customTable, customName, customDescription, customRules, customUsedBy, customActions);
        setUpTable(defaultTable, defaultName, defaultDescription, defaultRules, defaultUsedBy, defaultActions);
        // the view model sorts below its filter: the table only says how
        customTable.setItems(vm.customGroups());
        customTable.setSortPolicy(table -> true);
        vm.customOrderProperty().bind(customTable.comparatorProperty());
        customTable.getSortOrder().add(customName);
        customTable.setPlaceholder(customPlaceholder());
        defaultTable.setItems(vm.defaultGroups());
        defaultTable.setPlaceholder(new Label("No default group matches the filter."));
        defaultTable.setFixedCellSize(ROW_HEIGHT);
        defaultTable.prefHeightProperty().bind(Bindings.max(1, Bindings.size(vm.defaultGroups()))
                .multiply(ROW_HEIGHT).add(4));
        defaultTable.minHeightProperty().bind(defaultTable.prefHeightProperty());
        defaultTable.maxHeightProperty().bind(defaultTable.prefHeightProperty());
        // the default table has no header: its columns follow the custom table's
        defaultName.prefWidthProperty().bind(customName.widthProperty());
        defaultDescription.prefWidthProperty().bind(customDescription.widthProperty());
        defaultRules.prefWidthProperty().bind(customRules.widthProperty());
        defaultUsedBy.prefWidthProperty().bind(customUsedBy.widthProperty());
        defaultActions.prefWidthProperty().bind(customActions.widthProperty());
        customTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        filterSummary.textProperty().bind(vm.filterSummaryProperty());
        filterSummary.visibleProperty().bind(vm.filterSummaryProperty().isNotEmpty());
        filterSummary.managedProperty().bind(filterSummary.visibleProperty());
        filterField.addEventFilter(KeyEvent.KEY_PRESSED, this::filterKeys);

        detailsPane = new DetailsPane(details, this::edit, this::delete, this::removeFromInterface,
                vm.readOnlyReasonProperty()::get);
        detailsPane.show(null);
        vm.detailsProperty().addListener((obs, old, shown) -> detailsPane.show(shown));
        syncSelection();

        vm.reopenRequestProperty().addListener((obs, old, request) -> {
            if (request != null) {
                vm.reopenHandled();
                Platform.runLater(() -> openEditor(request));
            }
        });
        vm.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                vm.failureShown();
                Platform.runLater(() -> Dialogs.showError(window(), failure.title(), failure.message()));
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> installShortcuts(scene));
        bindLiveProject();
    }

    /** Read-only while loading or offline, the offline banner, server changes marked, stale saves resolved. */
    private void bindLiveProject() {
        VBox groupsPane = (VBox) errorBanner.getParent();
        groupsPane.getChildren().add(0, OfflineBanner.of(vm.snapshotProperty(), java.time.Clock.systemDefaultZone(),
                vm::refresh));
        HBox header = (HBox) newButton.getParent();
        Label holder = new Label(); // a disabled button shows no tooltip: its holder does
        holder.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        holder.setMinWidth(Label.USE_PREF_SIZE);
        header.getChildren().set(header.getChildren().indexOf(newButton), holder);
        holder.setGraphic(newButton);
        javafx.scene.control.Tooltip why = GroupColumns.tooltip();
        why.textProperty().bind(vm.readOnlyReasonProperty());
        holder.tooltipProperty().bind(Bindings.when(vm.editableProperty()).then((javafx.scene.control.Tooltip) null)
                .otherwise(why));
        newButton.disableProperty().bind(vm.editableProperty().not());
        vm.readOnlyReasonProperty().addListener((obs, old, now) -> {
            customTable.refresh();
            defaultTable.refresh();
            detailsPane.refresh();
        });
        vm.changedOnServer().addListener((javafx.collections.SetChangeListener<String>) change -> {
            customTable.refresh();
            defaultTable.refresh();
        });
        vm.conflictProperty().addListener((obs, old, conflict) -> {
            if (conflict != null) {
                vm.conflictHandled();
                Platform.runLater(() -> {
                    if (ConflictDialog.ask(window(), conflict)) {
                        openEditor(conflict.reapply());
                    }
                });
            }
        });
    }

    private void bindStates() {
        loadingPane.visibleProperty().bind(vm.stateProperty().isEqualTo(State.LOADING));
        loadingIndicator.progressProperty().bind(Bindings.when(loadingPane.visibleProperty())
                .then(ProgressIndicator.INDETERMINATE_PROGRESS).otherwise(0.0));
        loadingLabel.setText("Loading the security groups of " + vm.backendName() + "…");
        errorPane.visibleProperty().bind(vm.stateProperty().isEqualTo(State.FAILED));
        errorLabel.textProperty().bind(vm.errorProperty());
        content.visibleProperty().bind(vm.stateProperty().isEqualTo(State.READY));
        errorBanner.visibleProperty().bind(vm.stateProperty().isEqualTo(State.READY).and(vm.errorProperty().isNotNull()));
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        bannerLabel.textProperty().bind(Bindings.concat("The groups could not be loaded again: ", vm.errorProperty()));
        refreshButton.disableProperty().bind(vm.loadingProperty());
    }

    private void setUpTable(TableView<GroupRow> table, TableColumn<GroupRow, String> name,
                            TableColumn<GroupRow, String> description, TableColumn<GroupRow, GroupRow> rules,
                            TableColumn<GroupRow, Integer> usedBy, TableColumn<GroupRow, GroupRow> actions) {
        GroupColumns.name(name, vm.changedOnServer());
        GroupColumns.description(description);
        GroupColumns.rules(rules);
        GroupColumns.usedBy(usedBy);
        GroupColumns.actions(actions, this::edit, this::delete, vm.readOnlyReasonProperty());
        table.setFixedCellSize(ROW_HEIGHT);
        table.setRowFactory(t -> {
            TableRow<GroupRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    edit(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            GroupRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                e.consume();
                edit(selected);
            } else if (selected != null && e.getCode() == KeyCode.DELETE) {
                e.consume();
                delete(selected);
            }
        });
    }

    /** One selection across both tables, kept in the view model (which keeps it across reloads). */
    private void syncSelection() {
        customTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> fromTable(row, false));
        defaultTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> fromTable(row, true));
        vm.selectedProperty().addListener((obs, old, row) -> {
            syncingSelection = true;
            try {
                select(customTable, row != null && !row.isDefault() ? row : null);
                select(defaultTable, row != null && row.isDefault() ? row : null);
            } finally {
                syncingSelection = false;
            }
        });
    }

    private void fromTable(GroupRow row, boolean defaults) {
        if (syncingSelection) {
            return;
        }
        GroupRow current = vm.selectedProperty().get();
        if (row != null) {
            vm.selectedProperty().set(row);
        } else if (current != null && current.isDefault() == defaults) {
            vm.selectedProperty().set(null);
        }
    }

    private static void select(TableView<GroupRow> table, GroupRow row) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != row) {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        }
    }

    private Node customPlaceholder() {
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
        var filtering = vm.filterTextProperty().isNotEmpty().and(vm.customTotalProperty().greaterThan(0));
        title.textProperty().bind(Bindings.when(filtering).then("No custom group matches the filter")
                .otherwise("No custom security groups yet"));
        text.textProperty().bind(Bindings.when(filtering)
                .then(Bindings.concat("Nothing matches \"", vm.filterTextProperty(), "\". The filter looks at "
                        + "names, descriptions, ports (22, out:443) and addresses (10.0.0.5, 10.0.0.0/24)."))
                .otherwise("Custom groups hold the rules for your servers' interfaces: SSH for the "
                        + "administrators, HTTP and HTTPS for a web server, a database port for the application."));
        action.textProperty().bind(Bindings.when(filtering).then("Clear the filter").otherwise("+ New Security Group"));
        action.setOnAction(e -> {
            if (filtering.get()) {
                vm.filterTextProperty().set("");
            } else {
                newGroup();
            }
        });
        VBox box = new VBox(10, icon, title, text, action);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    private void filterKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && !filterField.getText().isEmpty()) {
            filterField.clear();
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
            customTable.requestFocus();
            if (customTable.getSelectionModel().isEmpty() && !customTable.getItems().isEmpty()) {
                customTable.getSelectionModel().selectFirst();
            }
            e.consume();
        }
    }

    private void installShortcuts(Scene scene) {
        if (scene == null) {
            return;
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newGroup);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), vm::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            filterField.requestFocus();
            filterField.selectAll();
        });
    }

    // ---- commands ------------------------------------------------------------------------------------

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void newGroup() {
        if (vm.editableProperty().get()) {
            openEditor(vm.newGroupRequest());
        }
    }

    private void edit(GroupRow row) {
        if (vm.editableProperty().get()) {
            openEditor(vm.editRequest(row));
        }
    }

    /** Opens the group dialog; what it returns is saved, and a failed save opens it again (see initialize). */
    private void openEditor(GroupEditRequest request) {
        editor.apply(request).ifPresent(draft -> vm.save(request, draft));
    }

    private void delete(GroupRow row) {
        if (!vm.editableProperty().get()) {
            return;
        }
        DeletePreview preview = vm.deletePreview(row);
        if (!preview.deletable() || Confirmations.delete(window(), preview)) {
            vm.delete(row); // a group that cannot be deleted is refused there, with the reason
        }
        customTable.requestFocus(); // the button that asked may be gone or disabled now
    }

    private void removeFromInterface(InterfaceUse use, GroupRow row) {
        if (Confirmations.removeFromInterface(window(), use, row)) {
            vm.detach(use.port(), row);
        }
        customTable.requestFocus();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
