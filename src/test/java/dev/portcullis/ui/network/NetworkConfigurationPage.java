package dev.portcullis.ui.network;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Network Configuration view as a user sees it: what a test reads off it and does to it. */
final class NetworkConfigurationPage {

    private final FxRobot robot;

    NetworkConfigurationPage(FxRobot robot) {
        this.robot = robot;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The custom groups' names, in the order the table shows them. */
    List<String> rows() {
        return table("#customTable").getItems().stream().map(GroupRow::name).toList();
    }

    List<String> defaultRows() {
        return table("#defaultTable").getItems().stream().map(GroupRow::name).toList();
    }

    /** The texts of a group's row as shown: name, description, rules, used by. */
    List<String> cells(String group) {
        return row(group).lookupAll(".table-cell").stream().map(n -> ((Labeled) n).getText())
                .filter(t -> t != null).toList();
    }

    /** Runs {@code body} with the window at this size, then gives it its size back (the next test shares it). */
    void atSize(double width, double height, Runnable body) {
        javafx.stage.Window window = robot.lookup("#customTable").query().getScene().getWindow();
        double wasWidth = window.getWidth();
        double wasHeight = window.getHeight();
        robot.interact(() -> {
            window.setWidth(width);
            window.setHeight(height);
        });
        try {
            body.run();
        } finally {
            robot.interact(() -> {
                window.setWidth(wasWidth);
                window.setHeight(wasHeight);
            });
        }
    }

    /** The texts of a group's row that are cut short (shown with an ellipsis): none when all fit. */
    List<String> cutCells(String group) {
        return row(group).lookupAll(".table-cell").stream().map(n -> (Labeled) n)
                .filter(l -> l.getText() != null && !l.getText().isEmpty() && l.getWidth() + 0.5 < l.prefWidth(-1))
                .map(Labeled::getText).toList();
    }

    /** The Review column's badge of a group's row as shown ("High · 3"), or empty when it shows none. */
    Optional<String> badge(String group) {
        Node cell = row(group).lookup(".group-findings");
        return cell instanceof javafx.scene.control.Labeled labeled && labeled.getGraphic() instanceof Label badge
                ? Optional.of(badge.getText()) : Optional.empty();
    }

    /** Whether a group's badge is shown whole: as wide as its text needs, inside its cell. */
    boolean badgeWhole(String group) {
        javafx.scene.control.Labeled cell = (javafx.scene.control.Labeled) row(group).lookup(".group-findings");
        Label badge = (Label) cell.getGraphic();
        double right = badge.localToScene(badge.getLayoutBounds()).getMaxX();
        return badge.getWidth() >= badge.prefWidth(-1) - 0.5 && right <= cell.localToScene(cell.getLayoutBounds()).getMaxX();
    }

    /** What the default groups' table says when it has no row. */
    String defaultPlaceholder() {
        return ((Label) table("#defaultTable").getPlaceholder()).getText();
    }

    boolean deleteEnabled(String group) {
        return !row(group).lookup(".delete-group").isDisabled();
    }

    /** What the delete button's tooltip says once the pointer is over it (tooltips are made on hover). */
    String deleteTooltip(String group) {
        Label holder = (Label) row(group).lookup(".delete-holder");
        robot.moveTo(holder);
        return holder.getTooltip().getText();
    }

    /** The selected group's rules in the details pane. */
    List<String> detailsRules() {
        return texts(".details-content .own-rule");
    }

    List<String> detailsInterfaces() {
        return texts(".details-content .interface-label");
    }

    String detailsRevision() {
        return robot.lookup("#detailsRevision").queryAs(Label.class).getText();
    }

    String status() {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }

    String filterSummary() {
        return robot.lookup("#filterSummary").queryAs(Label.class).getText();
    }

    boolean filterFocused() {
        return robot.lookup("#filterField").query().isFocused();
    }

    boolean showing(String id) {
        Node node = robot.lookup("#" + id).query();
        return node.isVisible();
    }

    String errorText() {
        return robot.lookup("#errorLabel").queryAs(Label.class).getText();
    }

    /** Everything the empty table says (title, sentence, button). */
    List<String> emptyState() {
        Node placeholder = robot.lookup(".empty-state").query();
        return placeholder.lookupAll("*").stream().filter(n -> n instanceof Labeled && n.isVisible())
                .map(n -> ((Labeled) n).getText()).toList();
    }

    /** The texts of the open dialog with this style class (header first), or empty when none is open. */
    Optional<List<String>> dialog(String styleClass) {
        Set<DialogPane> panes = robot.lookup("." + styleClass).queryAllAs(DialogPane.class);
        return panes.stream().filter(p -> p.getScene() != null && p.getScene().getWindow().isShowing()).findFirst()
                .map(p -> {
                    List<String> texts = new ArrayList<>();
                    texts.add(p.getHeaderText());
                    p.getContent().lookupAll(".label").forEach(n -> texts.add(((Labeled) n).getText()));
                    if (p.getContentText() != null && !p.getContentText().isEmpty()) {
                        texts.add(p.getContentText());
                    }
                    return texts;
                });
    }

    /** The error dialog's title and message, when one is open. */
    Optional<String> errorDialog() {
        return robot.lookup(".alert").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow().isShowing()).findFirst()
                .map(p -> p.getHeaderText() + ": " + ((Label) p.getContent()).getText());
    }

    // ---- doing ---------------------------------------------------------------------------------------

    void filter(String text) {
        TextField field = robot.lookup("#filterField").queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a column header of the custom groups' table (again: the other way round). */
    void sortBy(String header) {
        Label label = robot.lookup("#customTable .column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> header.equals(l.getText())).findFirst().orElseThrow();
        robot.clickOn(label);
    }

    void selectGroup(String name) {
        robot.clickOn(row(name).lookup(".group-name"));
    }

    void pressNew() {
        robot.clickOn("#newButton");
    }

    /**
     * Presses a row's button, found and pressed in one go on the FX thread (the table may rebuild its cells
     * between a lookup and a click, when the review's badges arrive, leaving the looked-up button off the
     * scene); later, as a click would be, since the button may open a dialog that waits for the user.
     */
    private void pressInRow(String group, String button) {
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.ButtonBase) row(group).lookup(button)).fire());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    void pressEdit(String group) {
        pressInRow(group, ".edit-group");
    }

    void pressDelete(String group) {
        pressInRow(group, ".delete-group");
    }

    void confirmDelete() {
        DialogPane pane = robot.lookup(".delete-confirmation").queryAs(DialogPane.class);
        robot.clickOn(pane.lookupButton(Confirmations.DELETE));
    }

    /** Scrolls the details pane until {@code node} is in view, as a person would before clicking it. */
    private void reveal(Node node) {
        javafx.scene.control.ScrollPane scroll = robot.lookup("#detailsScroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(content <= view ? 0 : Math.min(1, Math.max(0, (y - view / 2) / (content - view))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses "Remove from interface" for an interface in the details pane, and confirms. */
    void removeFromInterface(String label) {
        Button remove = robot.lookup(".remove-from-interface").queryAllAs(Button.class).stream()
                .filter(b -> label.equals(b.getUserData())).findFirst().orElseThrow();
        reveal(remove);
        robot.clickOn(remove);
        DialogPane pane = robot.lookup(".remove-confirmation").queryAs(DialogPane.class);
        robot.clickOn(pane.lookupButton(Confirmations.REMOVE));
    }

    void retry() {
        robot.clickOn("#retryButton");
    }

    void pressEmptyStateAction() {
        robot.clickOn(robot.lookup(".placeholder-action").queryButton());
    }

    void key(KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- lookups -------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    /** The selected custom group's name, or null. */
    /** The custom group shown in the table's first row on screen (scrolled past rows aside), or null. */
    String firstVisibleRow() {
        javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup("#customTable .virtual-flow")
                .queryAs(javafx.scene.control.skin.VirtualFlow.class);
        javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
        return first == null || first.getItem() == null ? null : ((GroupRow) first.getItem()).name();
    }

    /** The line of the screen a custom group's row is on (0: the first row shown), or -1 when it is not shown. */
    int lineOf(String group) {
        javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup("#customTable .virtual-flow")
                .queryAs(javafx.scene.control.skin.VirtualFlow.class);
        int first = flow.getFirstVisibleCell().getIndex();
        for (int i = first; i <= flow.getLastVisibleCell().getIndex(); i++) {
            javafx.scene.control.IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null && cell.getItem() instanceof GroupRow row && row.name().equals(group)) {
                return i - first;
            }
        }
        return -1;
    }

    /** Scrolls the custom table so that a group's row is the first on screen. */
    void scrollTo(String group) {
        TableView<GroupRow> table = table("#customTable");
        robot.interact(() -> table.scrollTo(rows().indexOf(group)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    String selected() {
        GroupRow row = table("#customTable").getSelectionModel().getSelectedItem();
        return row == null ? null : row.name();
    }

    /** The offline banner's text, or empty when it is not shown. */
    Optional<String> offlineBanner() {
        return strip("offline");
    }

    /** The text of the strip shown while the saved copy stands in for the live groups, or empty. */
    Optional<String> copyBanner() {
        return strip("copy");
    }

    private Optional<String> strip(String kind) {
        Node banner = robot.lookup("#" + kind + "Banner").query();
        return banner.isVisible() ? Optional.of(robot.lookup("#" + kind + "Text").queryAs(Label.class).getText())
                : Optional.empty();
    }

    void retryOffline() {
        robot.clickOn("#offlineRetry");
    }

    boolean newEnabled() {
        return !robot.lookup("#newButton").query().isDisabled();
    }

    /** What the New button's holder says while the button is disabled; null while it is enabled. */
    String newTooltip() {
        Label holder = (Label) robot.lookup("#newButton").query().getParent();
        return holder.getTooltip() == null ? null : holder.getTooltip().getText();
    }

    boolean editEnabled(String group) {
        return !row(group).lookup(".edit-group").isDisabled();
    }

    /** Whether a group's row carries the "changed on the server" mark. */
    boolean markedChanged(String group) {
        Node mark = row(group).lookup(".changed-mark");
        return mark != null && mark.isVisible() && mark.getScene() != null;
    }

    /** The read-only reason under the details' buttons, or empty. */
    Optional<String> detailsReadOnly() {
        return robot.lookup("#detailsReadOnly").tryQueryAs(Label.class).map(Label::getText);
    }

    boolean tableFocused() {
        return table("#customTable").isFocused();
    }

    private TableView<GroupRow> table(String query) {
        return robot.lookup(query).queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableRow<GroupRow> row(String group) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .map(r -> (TableRow<GroupRow>) r)
                .filter(r -> r.getItem() != null && r.getItem().name().equals(group) && r.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + group + " in " + rows()));
    }

    private List<String> texts(String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText)
                .collect(Collectors.toList());
    }
}
