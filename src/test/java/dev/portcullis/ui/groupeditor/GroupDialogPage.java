package dev.portcullis.ui.groupeditor;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The group dialog as a person sees it: fields, the rule table by rule number (1 is the first row, as the
 * dialog numbers them), the buttons, and the messages. Every action goes through the mouse and keyboard.
 */
public final class GroupDialogPage {

    private static final Map<RuleField, String> COLUMNS = Map.of(
            RuleField.DIRECTION, "directionColumn",
            RuleField.IP_VERSION, "ipVersionColumn",
            RuleField.PROTOCOL, "protocolColumn",
            RuleField.PORTS, "portsColumn",
            RuleField.REMOTE, "remoteColumn",
            RuleField.DESCRIPTION, "descriptionColumn");

    private final FxRobot robot;

    public GroupDialogPage(FxRobot robot) {
        this.robot = robot;
    }

    public GroupDialogPage setName(String name) {
        return replaceText(robot.lookup("#nameField").queryAs(TextField.class), name);
    }

    /** Moves from the name to the description with Tab, as a keyboard user would. */
    public GroupDialogPage tabToDescriptionAndType(String description) {
        robot.push(KeyCode.TAB);
        robot.write(description);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Clicks "+ Add new rule"; returns the new rule's number. */
    public int addRule() {
        robot.clickOn("+ Add new rule");
        WaitForAsyncUtils.waitForFxEvents();
        return ruleCount();
    }

    public int ruleCount() {
        return table().getItems().size();
    }

    @SuppressWarnings("unchecked")
    TableView<RuleRowViewModel> table() {
        return robot.lookup(".rule-table").queryAs(TableView.class);
    }

    /** Types into a text cell (Port range, Source / destination, Description), replacing what it held. */
    public GroupDialogPage editCell(int rule, RuleField column, String text) {
        Node control = control(rule, column);
        TextField field = control instanceof ComboBox<?> combo ? combo.getEditor()
                : control instanceof TextField t ? t : null;
        if (field == null) {
            throw new IllegalArgumentException(column + " is not a text cell");
        }
        return replaceText(field, text);
    }

    /** Opens a choice cell (Direction, IP Version, Protocol, Source / destination) and clicks the item. */
    public GroupDialogPage choose(int rule, RuleField column, String item) {
        Node control = control(rule, column);
        ComboBox<?> combo = control instanceof ComboBox<?> c ? c
                : (ComboBox<?>) control.lookup(".combo-box");
        robot.clickOn(combo.isEditable() ? combo.lookup(".arrow-button") : combo);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> c.isVisible() && item.equals(c.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public GroupDialogPage chooseProtocol(int rule, ProtocolChoice protocol) {
        return choose(rule, RuleField.PROTOCOL, protocol.label());
    }

    /** Other, with a protocol name or number typed in the field beside it. */
    GroupDialogPage chooseOtherProtocol(int rule, String nameOrNumber) {
        chooseProtocol(rule, ProtocolChoice.OTHER);
        return replaceText((TextField) control(rule, RuleField.PROTOCOL).lookup(".protocol-other"), nameOrNumber);
    }

    GroupDialogPage choosePreset(String label) {
        robot.clickOn("Presets");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".context-menu .menu-item .label")
                .match((Label l) -> l.getText() != null && l.getText().startsWith(label + "  —")).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    GroupDialogPage deleteRule(int rule) {
        robot.clickOn(row(rule).lookup(".delete-rule"));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Add or Save: the first press shows the changes, the second applies them. */
    public GroupDialogPage pressAdd() {
        return pressApply("Add");
    }

    public GroupDialogPage pressSave() {
        return pressApply("Save");
    }

    private GroupDialogPage pressApply(String text) {
        Button apply = applyButton();
        if (!apply.getText().equals(text)) {
            throw new AssertionError("the dialog's button says " + apply.getText() + ", not " + text);
        }
        robot.clickOn(apply);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    GroupDialogPage pressBack() {
        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Answers the "Discard changes?" question with Discard. */
    public GroupDialogPage confirmDiscard() {
        robot.clickOn("#discardButton");
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Answers the "Discard changes?" question with Keep editing. */
    public GroupDialogPage keepEditing() {
        robot.clickOn("Keep editing");
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public boolean isReviewing() {
        return robot.lookup("#backButton").tryQuery().isPresent();
    }

    GroupDialogPage pressEscape() {
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public boolean isApplyEnabled() {
        return !applyButton().isDisabled();
    }

    Button applyButton() {
        return robot.lookup("#applyButton").queryButton();
    }

    /** The problem lines under the table, e.g. {@code Rule 3: ...}. */
    public List<String> errors() {
        VBox list = robot.lookup(".problem-list").queryAs(VBox.class);
        if (!list.isVisible()) {
            return List.of();
        }
        return list.getChildren().stream().filter(n -> n.getStyleClass().contains("problem-line"))
                .map(n -> ((Label) n).getText()).toList();
    }

    /** The warning sign's text by a rule's number (the review's loudest warning about it), or null. */
    String rowWarning(int rule) {
        return robot.lookup(".rule-table .number-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getIndex() == rule - 1 && c.getGraphic() != null && c.getTooltip() != null)
                .map(c -> c.getTooltip().getText()).findFirst().orElse(null);
    }

    /** The line under the table that says all is well, or null while there are problems or warnings. */
    String allWell() {
        return robot.lookup(".problem-list .all-well-line").tryQueryAs(Label.class).map(Label::getText).orElse(null);
    }

    /** The review's warnings under the table (after the problems), e.g. {@code Rule 3: ...}. */
    public List<String> warnings() {
        return robot.lookup(".problem-list .warning-line .label").queryAllAs(Label.class).stream()
                .filter(l -> !l.getStyleClass().contains("severity-badge")).map(Label::getText).toList();
    }

    /** The warnings listed with the changes, before they are applied. */
    public List<String> reviewWarnings() {
        return robot.lookup(".change-list .warning-line .label").queryAllAs(Label.class).stream()
                .filter(l -> !l.getStyleClass().contains("severity-badge")).map(Label::getText).toList();
    }

    String hint() {
        return robot.lookup(".hint").queryAs(Label.class).getText();
    }

    /** The lines of the change list shown before applying; empty while the editor is shown. */
    public List<String> changes() {
        VBox list = robot.lookup(".change-list").queryAs(VBox.class);
        if (!robot.lookup(".review-page").query().isVisible()) {
            return List.of();
        }
        return list.getChildren().stream().filter(n -> n.getStyleClass().contains("change-line"))
                .map(n -> ((Label) n).getText()).toList();
    }

    /** The title above the server's message. */
    public String errorTitle() {
        return robot.lookup(".banner-title").queryAs(Label.class).getText();
    }

    /** The server's message at the top, or null when none is shown. */
    public String errorBanner() {
        Node banner = robot.lookup(".error-banner").query();
        return banner.isVisible() ? robot.lookup(".banner-text").queryAs(Label.class).getText() : null;
    }

    boolean isCellMarkedInvalid(int rule, RuleField column) {
        return cell(rule, column).getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid"));
    }

    String cellTooltip(int rule, RuleField column) {
        TableCell<?, ?> cell = cell(rule, column);
        return cell.getTooltip() == null ? null : cell.getTooltip().getText();
    }

    String rowTooltip(int rule) {
        TableRow<?> row = row(rule);
        return row.getTooltip() == null ? null : row.getTooltip().getText();
    }

    /** Presses Tab {@code times} times, then types: the keyboard's way through a row. */
    GroupDialogPage tabAndType(int times, String text) {
        for (int i = 0; i < times; i++) {
            robot.push(KeyCode.TAB);
        }
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    boolean isRowMarkedInvalid(int rule) {
        return row(rule).getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid"));
    }

    /** Whether keyboard focus is in the given rule's row. */
    boolean hasFocusInRow(int rule) {
        Node focused = row(rule).getScene().getFocusOwner();
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n == row(rule)) {
                return true;
            }
        }
        return false;
    }

    Node control(int rule, RuleField column) {
        return Objects.requireNonNull(cell(rule, column).getGraphic(), "cell without control");
    }

    private TableCell<?, ?> cell(int rule, RuleField column) {
        String id = COLUMNS.get(column);
        return (TableCell<?, ?>) row(rule).getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && id.equals(c.getTableColumn().getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + column + " cell in rule " + rule));
    }

    private TableRow<?> row(int rule) {
        robot.interact(() -> table().scrollTo(rule - 1));
        return robot.lookup(".rule-table .table-row-cell")
                .match((TableRow<?> r) -> r.getIndex() == rule - 1 && r.getItem() != null).query();
    }

    /** Pastes text (lines copied from elsewhere) into a text cell with Ctrl+V, replacing what it held. */
    GroupDialogPage pasteInto(int rule, RuleField column, String text) {
        Node control = control(rule, column);
        TextField field = control instanceof ComboBox<?> combo ? combo.getEditor() : (TextField) control;
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard()
                .setContent(java.util.Map.of(javafx.scene.input.DataFormat.PLAIN_TEXT, text)));
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** What a text cell holds. */
    String cellText(int rule, RuleField column) {
        Node control = control(rule, column);
        return (control instanceof ComboBox<?> combo ? combo.getEditor() : (TextField) control).getText();
    }

    /** The notes above the changes on the review step (rows of several values, interfaces, a copy's origin). */
    List<String> reviewNotes() {
        return robot.lookup(".change-list .review-note").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    /** The note under a group's fields (the stateful lock, a copy's origin) with this id, or "" when hidden. */
    String note(String id) {
        Label label = robot.lookup("#" + id).queryAs(Label.class);
        return label.isVisible() ? label.getText() : "";
    }

    boolean isStatefulDisabled() {
        return robot.lookup("#statefulBox").query().isDisabled();
    }

    private GroupDialogPage replaceText(TextField field, String text) {
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        if (!text.isEmpty()) {
            robot.write(text);
        } else {
            robot.push(KeyCode.BACK_SPACE);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }
}
