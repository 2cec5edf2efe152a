package dev.portcullis.ui.groupeditor;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** The rule table's rows and the cells that show the row rather than one of its values. */
final class RuleRows {

    private RuleRows() {
    }

    /** The rule's number, as the problem list names it. */
    static final class NumberCell extends TableCell<RuleRowViewModel, RuleRowViewModel> {
        private final ChangeListener<RuleWarning> onWarning = (o, old, now) -> showWarning(now);
        private final Tooltip tip = new Tooltip();
        private RuleRowViewModel row;

        NumberCell() {
            getStyleClass().add("number-cell");
            tip.setWrapText(true);
            tip.setMaxWidth(420);
        }

        @Override
        protected void updateItem(RuleRowViewModel item, boolean empty) {
            super.updateItem(item, empty);
            RuleRowViewModel now = empty ? null : item;
            setText(now == null ? null : Integer.toString(getIndex() + 1));
            if (now != row) {
                if (row != null) {
                    row.warningProperty().removeListener(onWarning);
                }
                row = now;
                if (row != null) {
                    row.warningProperty().addListener(onWarning);
                }
            }
            showWarning(row == null ? null : row.warningProperty().get());
        }

        /** A warning sign by the number, in the warning's colour, with what the review says in the tooltip. */
        private void showWarning(RuleWarning warning) {
            getStyleClass().removeIf(c -> c.startsWith("warned-"));
            if (warning == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            FontIcon sign = new FontIcon("mdal-error");
            sign.getStyleClass().add("row-warning-sign");
            setGraphic(sign);
            getStyleClass().add("warned-" + warning.severity().label());
            tip.setText(warning.text() + " Fix: " + warning.fix());
            setTooltip(tip);
        }
    }

    /** The delete button of a row, with the rule it removes in its tooltip. */
    static final class DeleteCell extends TableCell<RuleRowViewModel, RuleRowViewModel> {
        private final Button button = new Button(null, new FontIcon("mdal-delete_outline"));
        private final Tooltip tip = new Tooltip();

        DeleteCell(Consumer<RuleRowViewModel> delete) {
            button.getStyleClass().addAll("button-icon", "flat", "delete-rule");
            button.setOnAction(e -> {
                if (getItem() != null) {
                    delete.accept(getItem());
                }
            });
            button.setTooltip(tip);
            tip.setOnShowing(e -> tip.setText(getItem() == null ? "Delete this rule"
                    : "Delete rule " + (getIndex() + 1) + ": " + getItem().summary()));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(RuleRowViewModel item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(empty || item == null ? null : button);
        }
    }

    /** A row with {@code :invalid} while its rule is wrong, and the reason in its tooltip. */
    static final class InvalidRow extends TableRow<RuleRowViewModel> {
        private final ChangeListener<String> onMessage = (o, old, now) -> show();
        private final Tooltip tip = new Tooltip();
        private RuleRowViewModel watched;

        InvalidRow() {
            tip.setWrapText(true);
            tip.setMaxWidth(420);
        }

        @Override
        protected void updateItem(RuleRowViewModel item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.messageProperty().removeListener(onMessage);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.messageProperty().addListener(onMessage);
            }
            show();
        }

        private void show() {
            boolean invalid = watched != null && !watched.isValid();
            pseudoClassStateChanged(RuleCells.INVALID, invalid);
            tip.setText(invalid ? watched.messageProperty().get() : "");
            setTooltip(invalid ? tip : null);
        }
    }
}
