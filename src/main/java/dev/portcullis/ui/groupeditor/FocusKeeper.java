package dev.portcullis.ui.groupeditor;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;

import java.util.Map;

/**
 * Keeps the cursor in the rule and the cell being typed in while the table changes height (the problem
 * list under it comes, grows or goes). The table reuses its row nodes when it lays itself out again: a
 * row scrolled out of view gives its node, and the focused field in it, to another rule, and the next
 * keystrokes would go into that rule. So the rule and cell are noted before the change, and once the
 * table is laid out, the rule is scrolled into view and the cursor put back where it was.
 */
final class FocusKeeper {

    private final TableView<RuleRowViewModel> table;
    private final Map<TableColumn<RuleRowViewModel, ?>, RuleField> fields;

    FocusKeeper(TableView<RuleRowViewModel> table, Map<TableColumn<RuleRowViewModel, ?>, RuleField> fields) {
        this.table = table;
        this.fields = fields;
    }

    /** Runs a change of the table's height, then puts the cursor back into the rule and cell it was in. */
    void around(Runnable change) {
        Node owner = table.getScene() == null ? null : table.getScene().getFocusOwner();
        RuleRowViewModel row = null;
        RuleField field = null;
        for (Node n = owner; n != null && row == null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> cell && field == null) {
                field = fields.get(cell.getTableColumn());
            } else if (n instanceof TableRow<?> tableRow && tableRow.getItem() instanceof RuleRowViewModel r) {
                row = r;
            }
        }
        change.run();
        if (row == null || field == null) {
            return;
        }
        int caret = owner instanceof TextInputControl text ? text.getCaretPosition() : -1;
        RuleRowViewModel wanted = row;
        RuleField cell = field;
        Platform.runLater(() -> {
            if (isIn(wanted) || table.getScene() == null) {
                return;
            }
            int index = table.getItems().indexOf(wanted);
            if (index < 0) {
                return;
            }
            table.scrollTo(index);
            RuleCells.focusCell(table, wanted, cell);
            if (caret >= 0 && table.getScene().getFocusOwner() instanceof TextInputControl text) {
                text.positionCaret(Math.min(caret, text.getLength()));
            }
        });
    }

    private boolean isIn(RuleRowViewModel row) {
        for (Node n = table.getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> tableRow) {
                return tableRow.getItem() == row;
            }
        }
        return false;
    }
}
