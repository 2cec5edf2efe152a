package dev.portcullis.ui.groupeditor;

import javafx.scene.Node;
import javafx.scene.control.TableView;

/** Puts the cursor into a rule of the table, and keeps it there while the table lays the rule out. */
final class RowFocus {

    private static final int FOCUS_FRAMES = 20;

    private RowFocus() {
    }

    /** Scrolls to the rule at {@code index}, selects it and puts the cursor in its first cell. */
    static void focus(TableView<RuleRowViewModel> ruleTable, int index) {
        RuleRowViewModel wanted = ruleTable.getItems().get(index);
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
                } else if (!focusIsIn(ruleTable, wanted)) {
                    RuleCells.focusCell(ruleTable, wanted, RuleField.DIRECTION);
                }
            }
        }.start();
    }

    private static boolean focusIsIn(TableView<RuleRowViewModel> ruleTable, RuleRowViewModel row) {
        Node owner = ruleTable.getScene() == null ? null : ruleTable.getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableRow<?> tableRow) {
                return tableRow.getItem() == row;
            }
        }
        return false;
    }
}
