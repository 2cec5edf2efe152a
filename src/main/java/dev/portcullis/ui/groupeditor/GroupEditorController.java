package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/** Binds the group editor's view to its view model; the rule table's cells are in {@link RuleCells}. */
public final class GroupEditorController {

    /** How many frames a new rule keeps the cursor while the table settles (about a third of a second). */

    private final GroupEditorViewModel vm;

    @FXML private HBox errorBanner;
    @FXML private Label errorTitle;
    @FXML private Label errorText;
    @FXML private VBox editorPage;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label nameProblem;
    @FXML private Label nameNote;
    @FXML private Label descriptionLabel;
    @FXML private TextField descriptionField;
    @FXML private Label descriptionProblem;
    @FXML private CheckBox statefulBox;
    @FXML private Label statefulNote;
    @FXML private Label copyNote;
    @FXML private Label ruleCount;
    @FXML private MenuButton presetsButton;
    @FXML private Button addRuleButton;
    @FXML private TableView<RuleRowViewModel> ruleTable;
    @FXML private TableColumn<RuleRowViewModel, RuleRowViewModel> numberColumn;
    @FXML private TableColumn<RuleRowViewModel, Direction> directionColumn;
    @FXML private TableColumn<RuleRowViewModel, EtherType> ipVersionColumn;
    @FXML private TableColumn<RuleRowViewModel, ProtocolChoice> protocolColumn;
    @FXML private TableColumn<RuleRowViewModel, String> portsColumn;
    @FXML private TableColumn<RuleRowViewModel, String> remoteColumn;
    @FXML private TableColumn<RuleRowViewModel, String> descriptionColumn;
    @FXML private TableColumn<RuleRowViewModel, RuleRowViewModel> deleteColumn;
    @FXML private VBox problemList;
    @FXML private javafx.scene.control.ScrollPane problemScroll;
    @FXML private Label hint;
    @FXML private VBox reviewPage;
    @FXML private Label reviewTitle;
    @FXML private Label reviewText;
    @FXML private VBox changeList;

    public GroupEditorController(GroupEditorViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        // the message below says what happened: not created, maybe created (a lost answer), created without its
        // rules, saved in part; the title only that it did not finish
        errorTitle.setText(vm.isNew() ? "Creating the group did not finish" : "Saving the group did not finish");
        errorText.textProperty().bind(vm.errorProperty());
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        nameLabel.setLabelFor(nameField);
        descriptionLabel.setLabelFor(descriptionField);
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        nameField.setEditable(vm.isNameEditable());
        if (!vm.isNameEditable()) {
            nameField.setTooltip(new Tooltip("Neutron does not let the default group be renamed."));
        }
        descriptionField.textProperty().bindBidirectional(vm.descriptionProperty());
        statefulBox.selectedProperty().bindBidirectional(vm.statefulProperty());
        DialogNotes notes = vm.notes();
        FieldNotes.note(statefulNote, notes.statefulLock());
        statefulBox.setDisable(!notes.statefulLock().isEmpty());
        FieldNotes.note(copyNote, notes.copy());
        FieldNotes.problem(nameField, nameProblem, vm.nameProblemProperty());
        FieldNotes.text(nameNote, vm.nameNoteProperty());
        FieldNotes.problem(descriptionField, descriptionProblem, vm.descriptionProblemProperty());

        for (Preset preset : Preset.values()) {
            MenuItem item = new MenuItem(preset.label() + "  —  " + preset.detail());
            item.setOnAction(e -> onPreset(preset));
            presetsButton.getItems().add(item);
        }
        setUpTable();
        ProblemArea.show(vm, problemList, problemScroll, editorPage);
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.noticeProperty().get().isEmpty()
                ? vm.hintProperty().get() : vm.noticeProperty().get(), vm.noticeProperty(), vm.hintProperty()));
        hint.visibleProperty().bind(hint.textProperty().isEmpty().not());
        hint.managedProperty().bind(hint.visibleProperty());
    }

    private void setUpTable() {
        ruleTable.setItems(vm.rows());
        ruleTable.setFixedCellSize(40);
        ruleTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ruleCount.textProperty().bind(Bindings.size(vm.rows())
                .map(n -> n.intValue() == 1 ? "1 rule" : n + " rules"));

        numberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        numberColumn.setCellFactory(c -> new RuleRows.NumberCell());
        directionColumn.setCellValueFactory(c -> c.getValue().directionProperty());
        directionColumn.setCellFactory(c -> new RuleCells.Choice<>(RuleField.DIRECTION, List.of(Direction.values()),
                Direction::label, RuleRowViewModel::directionProperty, "direction-choice"));
        ipVersionColumn.setCellValueFactory(c -> c.getValue().ipVersionProperty());
        ipVersionColumn.setCellFactory(c -> new RuleCells.Choice<>(RuleField.IP_VERSION, List.of(EtherType.values()),
                EtherType::neutronValue, RuleRowViewModel::ipVersionProperty, "ip-version-choice"));
        protocolColumn.setCellValueFactory(c -> c.getValue().protocolProperty());
        protocolColumn.setCellFactory(c -> new RuleCells.ProtocolCell());
        portsColumn.setCellValueFactory(c -> c.getValue().portsProperty());
        portsColumn.setCellFactory(c -> new RuleCells.Text(RuleField.PORTS, RuleRowViewModel::portsProperty,
                RuleRowViewModel::portsPromptProperty, RuleRowViewModel::portsUnusedProperty, "ports-field"));
        remoteColumn.setCellValueFactory(c -> c.getValue().remoteProperty());
        remoteColumn.setCellFactory(c -> new RemoteCell(vm::remoteChoices, vm::remoteSuggestions));
        descriptionColumn.setCellValueFactory(c -> c.getValue().descriptionProperty());
        descriptionColumn.setCellFactory(c -> new RuleCells.Text(RuleField.DESCRIPTION,
                RuleRowViewModel::descriptionProperty, null, null, "description-field"));
        deleteColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        deleteColumn.setCellFactory(c -> new RuleRows.DeleteCell(vm::removeRule));
        ruleTable.setRowFactory(t -> new RuleRows.InvalidRow());
        RuleCells.installTabOrder(ruleTable);
    }

    @FXML
    private void onAddRule() {
        RuleRowViewModel row = vm.addRule();
        focusRow(vm.rows().indexOf(row));
    }

    private void onPreset(Preset preset) {
        List<RuleRowViewModel> added = vm.addPreset(preset);
        if (!added.isEmpty()) {
            ruleTable.scrollTo(vm.rows().indexOf(added.get(0)));
        }
    }

    /**
     * Scrolls to a row and puts the cursor in its first cell. The table lays its rows out again after a
     * scroll and reuses row nodes for other rows, so the cell is found once that has happened, by the row
     * it shows rather than by position: otherwise the cursor lands in whichever row the node shows next,
     * and what the user types goes into the wrong rule.
     */
    void focusRow(int index) {
        RowFocus.focus(ruleTable, index);
    }

    /** Shows the changes in place of the editor, before they are applied. */
    void showReview() {
        reviewTitle.setText(vm.isNew() ? "Check the new group" : "Check the changes to " + vm.originalName());
        reviewText.setText("Nothing has been sent yet. Press " + vm.applyText() + " to "
                + (vm.isNew() ? "create the group" : "apply these changes") + ", or Back to keep editing.");
        changeList.getChildren().setAll(ChangeListLines.of(vm));
        editorPage.setVisible(false);
        reviewPage.setVisible(true);
    }

    void showEditor() {
        reviewPage.setVisible(false);
        editorPage.setVisible(true);
    }

    boolean isReviewing() {
        return reviewPage.isVisible();
    }

    void focusFirstField() {
        (vm.isNameEditable() ? nameField : descriptionField).requestFocus();
    }
}
