package dev.portcullis.ui.review;

import dev.portcullis.review.Severity;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;

/** The main window's Review tab as a user sees it: what a test reads off it and does to it. */
final class ReviewPage {

    private final FxRobot robot;

    ReviewPage(FxRobot robot) {
        this.robot = robot;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The findings listed, {@code high web world-open-admin-port} each, in the table's order. */
    List<String> findings() {
        return table().getItems().stream()
                .map(r -> r.severity().label() + " " + r.group() + " " + r.check()).toList();
    }

    /** What a severity's toggle says: {@code High  1}. */
    String count(Severity severity) {
        return ((Label) toggleButton(severity).getGraphic()).getText();
    }

    String summary() {
        return robot.lookup("#summary").queryAs(Label.class).getText();
    }

    /** What the empty list says, when it shows nothing. */
    String emptyText() {
        return robot.lookup("#reviewEmpty").queryAs(Label.class).getText();
    }

    /** The id of the tab in front: {@code networkTab} or {@code reviewTab}. */
    String tabInFront() {
        return robot.lookup("#viewTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    /** The Review tab's badge, or empty when it shows none. */
    Optional<String> tabBadge() {
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        Label badge = (Label) tabs.getTabs().stream().filter(t -> "reviewTab".equals(t.getId())).findFirst()
                .orElseThrow().getGraphic();
        return badge == null ? Optional.empty() : Optional.of(badge.getText());
    }

    boolean filterFocused() {
        return robot.lookup("#filterField").queryAllAs(TextField.class).stream()
                .filter(f -> f.getPromptText().startsWith("Filter by group")).findFirst().orElseThrow().isFocused();
    }

    // ---- doing ---------------------------------------------------------------------------------------

    /** Brings the Review tab to the front with its shortcut. */
    void open() {
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void toggle(Severity severity) {
        robot.clickOn(toggleButton(severity));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void filter(String text) {
        robot.push(KeyCode.SHORTCUT, KeyCode.F);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void clearFilterWithEscape() {
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void pressShowEverything() {
        robot.clickOn("#clearReviewFilter");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Double-clicks the finding of this check about this group. */
    void openFinding(String group, String check) {
        robot.doubleClickOn(row(group, check), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the finding and presses Enter. */
    void openWithEnter(String group, String check) {
        robot.clickOn(row(group, check));
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- lookups -------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private TableView<FindingRow> table() {
        return robot.lookup("#findingTable").queryAs(TableView.class);
    }

    private ToggleButton toggleButton(Severity severity) {
        return robot.lookup("#show-" + severity.label()).queryAs(ToggleButton.class);
    }

    @SuppressWarnings("unchecked")
    private Node row(String group, String check) {
        table().getItems().stream().filter(r -> r.group().equals(group) && r.check().equals(check)).findFirst()
                .ifPresent(r -> robot.interact(() -> table().scrollTo(r)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#findingTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .map(r -> (TableRow<FindingRow>) r)
                .filter(r -> r.getItem() != null && r.getItem().group().equals(group)
                        && r.getItem().check().equals(check) && r.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no finding " + check + " about " + group
                        + " in " + findings()));
    }
}
