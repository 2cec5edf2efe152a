package dev.portcullis.ui.review;

import dev.portcullis.review.Severity;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/** Binds the Review view to its view model; a double click, Enter or the row's button opens a finding. */
public final class ReviewController {

    private final ReviewViewModel vm;

    @FXML private BorderPane root;
    @FXML private HBox severityBar;
    @FXML private TextField filterField;
    @FXML private Label summary;
    @FXML private Label partialNote;
    @FXML private TableView<FindingRow> findingTable;
    @FXML private TableColumn<FindingRow, FindingRow> severityColumn;
    @FXML private TableColumn<FindingRow, FindingRow> groupColumn;
    @FXML private TableColumn<FindingRow, FindingRow> ruleColumn;
    @FXML private TableColumn<FindingRow, FindingRow> findingColumn;
    @FXML private TableColumn<FindingRow, FindingRow> openColumn;

    public ReviewController(ReviewViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
    }

    @FXML
    private void initialize() {
        int at = severityBar.getChildren().indexOf(summary) - 1; // before the spacer
        for (Severity severity : Severity.values()) {
            severityBar.getChildren().add(at++, toggle(severity));
        }
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        filterField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filterField.getText().isEmpty()) {
                filterField.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                findingTable.requestFocus();
                if (findingTable.getSelectionModel().isEmpty() && !findingTable.getItems().isEmpty()) {
                    findingTable.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        summary.textProperty().bind(vm.summaryProperty());
        partialNote.textProperty().bind(vm.partialNoteProperty());
        partialNote.visibleProperty().bind(vm.partialNoteProperty().isNotEmpty());
        partialNote.managedProperty().bind(partialNote.visibleProperty());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                // after the other views have put theirs: Ctrl+F goes to the filter of the view in front
                Platform.runLater(() -> shareFilterKey(scene));
            }
        });

        FindingCells.severity(severityColumn);
        FindingCells.text(groupColumn, FindingRow::group, "finding-group");
        FindingCells.text(ruleColumn, FindingRow::rule, "finding-rule");
        FindingCells.finding(findingColumn);
        FindingCells.open(openColumn, vm::open);
        findingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        findingTable.setItems(vm.findings());
        findingTable.setPlaceholder(emptyState());
        findingTable.setRowFactory(t -> {
            TableRow<FindingRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        findingTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            FindingRow selected = findingTable.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                e.consume();
                vm.open(selected);
            }
        });
        findingTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (row != findingTable.getSelectionModel().getSelectedItem()) {
                findingTable.getSelectionModel().select(row);
            }
        });
    }

    private void shareFilterKey(Scene scene) {
        KeyCombination key = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        Runnable others = scene.getAccelerators().get(key);
        scene.getAccelerators().put(key, () -> {
            if (shown(filterField)) {
                filterField.requestFocus();
                filterField.selectAll();
            } else if (others != null) {
                others.run();
            }
        });
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** A severity's toggle: its badge with the count; off, the findings of that severity are hidden. */
    private ToggleButton toggle(Severity severity) {
        Label badge = SeverityBadge.of(severity);
        badge.textProperty().bind(Bindings.concat(SeverityBadge.name(severity), "  ",
                vm.countProperty(severity)));
        ToggleButton toggle = new ToggleButton(null, badge);
        toggle.setId("show-" + severity.label());
        toggle.getStyleClass().addAll("flat", "severity-toggle");
        toggle.selectedProperty().bindBidirectional(vm.includedProperty(severity));
        toggle.setFocusTraversable(false);
        // a severity with no finding is there, but quiet: it must not be the loudest thing in the bar
        vm.countProperty(severity).addListener((o, old, now) -> quiet(toggle, now.intValue() == 0));
        quiet(toggle, vm.countProperty(severity).get() == 0);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(toggle.selectedProperty())
                .then("Hide the " + severity.label() + " findings").otherwise("Show the " + severity.label()
                        + " findings"));
        toggle.setTooltip(tip);
        return toggle;
    }

    private static void quiet(ToggleButton toggle, boolean none) {
        toggle.getStyleClass().remove("severity-none");
        if (none) {
            toggle.getStyleClass().add("severity-none");
        }
    }

    private Node emptyState() {
        FontIcon icon = new FontIcon("mdoal-check_circle_outline");
        icon.getStyleClass().add("placeholder-icon");
        Label text = new Label();
        text.setId("reviewEmpty");
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("text-muted");
        text.textProperty().bind(vm.emptyTextProperty());
        Button clear = new Button("Show every finding");
        clear.setId("clearReviewFilter");
        clear.setOnAction(e -> vm.clearFilter());
        clear.visibleProperty().bind(vm.allHiddenProperty());
        clear.managedProperty().bind(clear.visibleProperty());
        icon.visibleProperty().bind(vm.reviewedProperty().and(clear.visibleProperty().not()));
        VBox box = new VBox(10, icon, text, clear);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    /** Puts the cursor in the list of findings, on the first one when none is selected. */
    public void focusFindings() {
        findingTable.requestFocus();
        if (findingTable.getSelectionModel().isEmpty() && !findingTable.getItems().isEmpty()) {
            findingTable.getSelectionModel().selectFirst();
        }
    }
}
