package dev.portcullis.ui.network;

import dev.portcullis.domain.GroupShare;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.util.Objects;

/**
 * Binds the Network Configuration view to its view model and turns clicks and keys into its commands;
 * the commands that open a dialog or ask a question are {@link GroupCommands}.
 */
public final class NetworkConfigurationController {

    private final NetworkConfigurationViewModel vm;
    private final GroupCommands commands;

    @FXML private BorderPane root;
    @FXML private Button refreshButton;
    @FXML private Label quotaLabel;
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
    @FXML private TableColumn<GroupRow, GroupRow> defaultFindings;
    @FXML private TableColumn<GroupRow, String> defaultDescription;
    @FXML private TableColumn<GroupRow, GroupRow> defaultRules;
    @FXML private TableColumn<GroupRow, Integer> defaultUsedBy;
    @FXML private TableColumn<GroupRow, GroupRow> defaultActions;
    @FXML private TextField filterField;
    @FXML private Button newButton;
    @FXML private javafx.scene.control.ScrollPane detailsScroll;
    @FXML private Label filterSummary;
    @FXML private TableView<GroupRow> customTable;
    @FXML private TableColumn<GroupRow, String> customName;
    @FXML private TableColumn<GroupRow, GroupRow> customFindings;
    @FXML private TableColumn<GroupRow, String> customDescription;
    @FXML private TableColumn<GroupRow, GroupRow> customRules;
    @FXML private TableColumn<GroupRow, Integer> customUsedBy;
    @FXML private TableColumn<GroupRow, GroupRow> customActions;
    @FXML private VBox details;

    private DetailsPane detailsPane;
    private GroupTables tables;

    public NetworkConfigurationController(NetworkConfigurationViewModel vm, GroupCommands commands) {
        this.vm = Objects.requireNonNull(vm);
        this.commands = Objects.requireNonNull(commands);
    }

    @FXML
    private void initialize() {
        bindStates();
        tables = new GroupTables(vm,
                customTable, new GroupTables.Columns(customName, customFindings, customDescription, customRules, customUsedBy,
                        customActions),
                defaultTable, new GroupTables.Columns(defaultName, defaultFindings, defaultDescription, defaultRules, defaultUsedBy,
                        defaultActions),
                this::edit, this::delete);
        customTable.setPlaceholder(EmptyGroups.of(vm, this::newGroup));

        quotaLabel.textProperty().bind(vm.actions().quotaTextProperty());
        quotaLabel.visibleProperty().bind(vm.actions().quotaTextProperty().isNotEmpty());
        quotaLabel.managedProperty().bind(quotaLabel.visibleProperty());
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        filterSummary.textProperty().bind(vm.filterSummaryProperty());
        filterSummary.visibleProperty().bind(vm.filterSummaryProperty().isNotEmpty());
        filterSummary.managedProperty().bind(filterSummary.visibleProperty());

        detailsPane = new DetailsPane(details, new DetailsPane.Actions(this::edit, this::copy, this::delete),
                this::removeFromInterface, vm.readOnlyReasonProperty()::get, vm.actions());
        detailsPane.show(null);
        vm.detailsProperty().addListener((obs, old, shown) -> {
            detailsPane.show(shown);
            if (old == null || shown == null || !old.row().group().id().equals(shown.row().group().id())) {
                detailsScroll.setVvalue(0); // another group: its header first, not the place the last one was at
            }
        });
        vm.shownRuleProperty().addListener((obs, old, rule) -> detailsPane.pointOut(rule));
        vm.readOnlyReasonProperty().addListener((obs, old, now) -> detailsPane.refresh());
        vm.actions().shares().addListener((javafx.collections.ListChangeListener<GroupShare>) c -> detailsPane.refresh());

        Shortcuts.install(root, filterField, tables, this::newGroup, () -> {
            if (vm.selectedProperty().get() != null) {
                copy(vm.selectedProperty().get());
            }
        }, vm::refresh);
        VBox groupsPane = (VBox) errorBanner.getParent();
        groupsPane.getChildren().add(0, OfflineBanner.of(vm.snapshotProperty(), Clock.systemDefaultZone(),
                vm::refresh));
        groupsPane.getChildren().add(0, CopyBanner.of(vm.copyProperty(), vm.backendName(), Clock.systemDefaultZone()));
        ReadOnlyHint.guard(newButton, vm.editableProperty(), vm.readOnlyReasonProperty());
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

    // ---- commands ------------------------------------------------------------------------------------

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void newGroup() {
        commands.newGroup();
    }

    private void edit(GroupRow row) {
        commands.edit(row);
    }

    private void copy(GroupRow row) {
        commands.copy(row);
    }

    private void delete(GroupRow row) {
        commands.delete(row);
        tables.focusCustoms(); // the button that asked may be gone or disabled now
    }

    private void removeFromInterface(InterfaceUse use, GroupRow row) {
        commands.removeFromInterface(use, row);
        tables.focusCustoms();
    }
}
