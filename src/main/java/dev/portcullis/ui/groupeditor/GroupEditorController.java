package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import dev.portcullis.ui.review.SeverityBadge;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Binds the group editor's view to its view model; the rule table's cells are in {@link RuleCells}. */
public final class GroupEditorController {

    private static final int MAX_PROBLEM_LINES = 5;
    /** How many frames a new rule keeps the cursor while the table settles (about a third of a second). */
    private static final int FOCUS_FRAMES = 20;
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

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
        showNote(statefulNote, notes.statefulLock());
        statefulBox.setDisable(!notes.statefulLock().isEmpty());
        showNote(copyNote, notes.copy());
        showProblem(nameField, nameProblem, vm.nameProblemProperty());
        nameNote.textProperty().bind(vm.nameNoteProperty());
        nameNote.visibleProperty().bind(nameNote.textProperty().isNotEmpty());
        nameNote.managedProperty().bind(nameNote.visibleProperty());
        showProblem(descriptionField, descriptionProblem, vm.descriptionProblemProperty());

        for (Preset preset : Preset.values()) {
            MenuItem item = new MenuItem(preset.label() + "  —  " + preset.detail());
            item.setOnAction(e -> onPreset(preset));
            presetsButton.getItems().add(item);
        }
        setUpTable();
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems());
        vm.warnings().addListener((ListChangeListener<RuleWarning>) c -> showProblems());
        showProblems();
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.noticeProperty().get().isEmpty()
                ? vm.hintProperty().get() : vm.noticeProperty().get(), vm.noticeProperty(), vm.hintProperty()));
        hint.visibleProperty().bind(hint.textProperty().isEmpty().not());
        hint.managedProperty().bind(hint.visibleProperty());
    }

    private static void showNote(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    private static void showProblem(TextField field, Label label, ObservableValue<String> problem) {
        label.textProperty().bind(problem);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        problem.addListener((o, old, now) -> field.pseudoClassStateChanged(DANGER, now != null));
        field.pseudoClassStateChanged(DANGER, problem.getValue() != null);
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
        remoteColumn.setCellFactory(c -> new RuleCells.RemoteCell(vm::remoteChoices, vm::remoteSuggestions));
        descriptionColumn.setCellValueFactory(c -> c.getValue().descriptionProperty());
        descriptionColumn.setCellFactory(c -> new RuleCells.Text(RuleField.DESCRIPTION,
                RuleRowViewModel::descriptionProperty, null, null, "description-field"));
        deleteColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        deleteColumn.setCellFactory(c -> new RuleRows.DeleteCell(vm::removeRule));
        ruleTable.setRowFactory(t -> new RuleRows.InvalidRow());
        RuleCells.installTabOrder(ruleTable);
        javafx.beans.binding.DoubleBinding area = Bindings.createDoubleBinding(() -> problemAreaHeight(
                editorPage.getHeight()), editorPage.heightProperty());
        problemScroll.minHeightProperty().bind(area);
        problemScroll.prefHeightProperty().bind(area);
        problemScroll.maxHeightProperty().bind(area);
    }

    /**
     * The problem area's height: three lines and a half in a tall dialog, two in a short one (1024x700). It follows
     * the dialog's height only, which does not change while a person types.
     */
    static double problemAreaHeight(double editorHeight) {
        return editorHeight >= 560 ? 76 : 48;
    }

    /**
     * The problems in words under the table, then the review's warnings; past a few, a count (each red
     * cell still says its own problem).
     */
    private void showProblems() {
        List<Node> all = new ArrayList<>();
        vm.problems().forEach(text -> all.add(problemLine(text)));
        if (vm.problems().isEmpty()) { // the problems come first: warnings wait until the rules are valid
            vm.warnings().forEach(w -> all.add(warningLine(w)));
        }
        List<Node> lines = new ArrayList<>(all.subList(0, Math.min(all.size(),
                all.size() > MAX_PROBLEM_LINES ? MAX_PROBLEM_LINES - 1 : MAX_PROBLEM_LINES)));
        if (all.size() > MAX_PROBLEM_LINES) {
            int more = all.size() - MAX_PROBLEM_LINES + 1;
            lines.add(problemLine("… and " + more + " more" + (vm.problems().isEmpty() ? " warnings: Add or Save lists "
                    + "them all." : ": point at a red cell or row to read what is wrong.")));
        }
        if (lines.isEmpty()) {
            lines.add(allWell());
        }
        problemList.getChildren().setAll(lines);
        // The list keeps its place and height whether or not it has lines: if it came and went, the table
        // above would shrink while the user types, scroll the row being typed in out of view, and the
        // rest of the keystrokes would go into another rule (the table reuses its row nodes).
    }

    private Label allWell() {
        Label line = new Label(vm.rows().isEmpty() ? "No rules yet: nothing to check."
                : "Every rule is complete, and the review has no warning about them.", new FontIcon("mdal-check_circle"));
        line.getStyleClass().add("all-well-line");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    /** A warning of the review: its severity, what it says, and the fix in the tooltip. */
    private static Node warningLine(RuleWarning warning) {
        Label text = new Label(warning.text());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setTooltip(new Tooltip("Fix: " + warning.fix()));
        HBox line = new HBox(8, SeverityBadge.of(warning.severity()), text);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        line.getStyleClass().add("warning-line");
        return line;
    }

    private static Label problemLine(String text) {
        Label line = new Label(text, new FontIcon("mdal-error_outline"));
        line.getStyleClass().add("problem-line");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
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
        RuleRowViewModel wanted = vm.rows().get(index);
        ruleTable.scrollTo(index);
        ruleTable.getSelectionModel().clearAndSelect(index);
        // The table lays the new row out over the next frames (a scroll bar may appear, rows are reused):
        // for a few frames, put the cursor back in the new rule wherever a layout moved it.
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames > FOCUS_FRAMES) {
                    stop();
                } else if (!focusIsIn(wanted)) {
                    RuleCells.focusCell(ruleTable, wanted, RuleField.DIRECTION);
                }
            }
        }.start();
    }

    private boolean focusIsIn(RuleRowViewModel row) {
        Node owner = ruleTable.getScene() == null ? null : ruleTable.getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableRow<?> tableRow) {
                return tableRow.getItem() == row;
            }
        }
        return false;
    }

    /** Shows the changes in place of the editor, before they are applied. */
    void showReview() {
        List<Change> changes = vm.changeList();
        reviewTitle.setText(vm.isNew() ? "Check the new group" : "Check the changes to " + vm.originalName());
        reviewText.setText("Nothing has been sent yet. Press " + vm.applyText() + " to "
                + (vm.isNew() ? "create the group" : "apply these changes") + ", or Back to keep editing.");
        boolean underNewGroup = !changes.isEmpty() && changes.get(0).kind() == Change.Kind.CREATE_GROUP;
        changeList.getChildren().setAll(changes.stream().map(c -> changeLine(c, underNewGroup)).toList());
        // above the changes: what rows of several values became, the interfaces reached, the copy's origin
        DialogNotes notes = vm.notes();
        List<Node> said = new ArrayList<>();
        vm.expansionNotices().forEach(text -> said.add(reviewNote(text, "expansion-note")));
        if (!notes.reach().isEmpty()) {
            said.add(reviewNote(notes.reach(), "reach-note"));
        }
        if (!notes.copy().isEmpty()) {
            said.add(reviewNote(notes.copy(), "copy-note"));
        }
        String quota = notes.quota(vm.isValid() ? vm.toDraft() : null);
        if (!quota.isEmpty()) {
            said.add(reviewNote(quota, "quota-note"));
        }
        changeList.getChildren().addAll(0, said);
        if (!vm.warnings().isEmpty()) {
            Label heading = new Label("The review will report (this does not stop " + vm.applyText() + "):");
            heading.getStyleClass().addAll("section-title", "review-warnings");
            VBox.setMargin(heading, new Insets(10, 0, 0, 0));
            changeList.getChildren().add(heading);
            vm.warnings().forEach(w -> {
                Node line = warningLine(w);
                changeList.getChildren().add(line);
                Label fix = new Label("Fix: " + w.fix());
                fix.setWrapText(true);
                fix.getStyleClass().addAll("hint", "warning-fix");
                VBox.setMargin(fix, new Insets(0, 0, 4, 20));
                changeList.getChildren().add(fix);
            });
        }
        editorPage.setVisible(false);
        reviewPage.setVisible(true);
    }

    private static Label reviewNote(String text, String kind) {
        Label line = new Label(text, new FontIcon("mdoal-info"));
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.getStyleClass().addAll("review-note", kind);
        return line;
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

    /** One change with its mark; a new group's rules are indented under it. */
    private static Node changeLine(Change change, boolean underNewGroup) {
        String icon = switch (change.kind()) {
            case CREATE_GROUP -> "mdal-add_circle_outline";
            case UPDATE_GROUP, CHANGE_RULE -> "mdal-create";
            case ADD_RULE -> "mdal-add";
            case REMOVE_RULE -> "mdomz-remove_circle_outline";
        };
        Label line = new Label(change.text(), new FontIcon(icon));
        line.setWrapText(true);
        line.getStyleClass().addAll("change-line", change.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (underNewGroup && change.kind() != Change.Kind.CREATE_GROUP) {
            VBox.setMargin(line, new Insets(0, 0, 0, 20));
        }
        return line;
    }
}
