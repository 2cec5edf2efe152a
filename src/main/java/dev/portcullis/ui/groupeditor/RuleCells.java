package dev.portcullis.ui.groupeditor;

import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/**
 * The rule table's cells. Each cell shows its control all the time, bound both ways to the row's own
 * property: what is typed is in the row at once (so it is checked as it is typed), and nothing waits in a
 * cell to be committed, so no edit is lost when focus leaves for Add, Save or another row. A cell whose
 * value is wrong gets the {@code :invalid} pseudo-class (and the theme's {@code :danger} on its control)
 * and says why in its tooltip.
 */
final class RuleCells {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private RuleCells() {
    }

    /**
     * A cell bound to one row at a time. The table calls updateItem whenever the value changes too; the
     * binding is only redone when the row changes, so a text field keeps its caret while the person types.
     */
    private static final String FOCUS_ROW = "portcullis.focus.row";
    private static final String FOCUS_FIELD = "portcullis.focus.field";

    /** Asks that the cell of {@code field} in {@code row} takes the cursor when a node shows it. */
    static void wantFocus(javafx.scene.control.TableView<RuleRowViewModel> table, RuleRowViewModel row,
                          RuleField field) {
        table.getProperties().put(FOCUS_ROW, row);
        table.getProperties().put(FOCUS_FIELD, field);
    }

    /** Whether the cursor was asked for this row's field; the request is used up. */
    static boolean takeFocusRequest(javafx.scene.control.TableView<RuleRowViewModel> table, RuleRowViewModel row,
                                    RuleField field) {
        if (table == null || table.getProperties().get(FOCUS_ROW) != row
                || table.getProperties().get(FOCUS_FIELD) != field) {
            return false;
        }
        table.getProperties().remove(FOCUS_ROW);
        table.getProperties().remove(FOCUS_FIELD);
        return true;
    }

    /** Puts the cursor in the cell of {@code field} of the node that shows {@code row} now, if one does. */
    static void focusCell(javafx.scene.control.TableView<RuleRowViewModel> table, RuleRowViewModel row,
                          RuleField field) {
        table.layout();
        Bound<?> cell = cellShowing(table, row, field);
        if (cell != null) {
            stops(cell).stream().findFirst().ifPresent(Node::requestFocus);
        }
    }

    /**
     * Tab and Shift+Tab in the rule table go from field to field of a rule in column order, then to the next
     * (or previous) rule. The toolkit's own traversal follows the order of the row nodes, which the table
     * reuses for other rows as it scrolls, so it jumped from a new rule into another one, and what the user
     * typed next went into the wrong rule. Past the first or last field of the table, the toolkit takes over.
     */
    static void installTabOrder(javafx.scene.control.TableView<RuleRowViewModel> table) {
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.TAB || e.isControlDown() || e.isAltDown()
                    || e.isMetaDown() || table.getScene() == null) {
                return;
            }
            Node owner = table.getScene().getFocusOwner();
            Bound<?> from = enclosingCell(owner);
            if (from == null || from.row == null) {
                return;
            }
            boolean back = e.isShiftDown();
            List<Node> stops = stops(from);
            int at = 0;
            for (int i = 0; i < stops.size(); i++) {
                if (isWithin(owner, stops.get(i))) {
                    at = i;
                }
            }
            int within = at + (back ? -1 : 1);
            if (within >= 0 && within < stops.size()) {
                stops.get(within).requestFocus();
                e.consume();
                return;
            }
            List<RuleRowViewModel> rows = table.getItems();
            int r = rows.indexOf(from.row);
            int f = from.field.ordinal();
            int last = RuleField.DESCRIPTION.ordinal();
            while (true) {
                f += back ? -1 : 1;
                if (f < 0) {
                    r--;
                    f = last;
                } else if (f > last) {
                    r++;
                    f = 0;
                }
                if (r < 0 || r >= rows.size()) {
                    return;
                }
                Bound<?> to = cellShowing(table, rows.get(r), RuleField.values()[f]);
                if (to == null) {
                    table.scrollTo(r);
                    table.layout();
                    to = cellShowing(table, rows.get(r), RuleField.values()[f]);
                }
                if (to == null) {
                    return;
                }
                List<Node> next = stops(to);
                if (!next.isEmpty()) {
                    (back ? next.get(next.size() - 1) : next.get(0)).requestFocus();
                    e.consume();
                    return;
                }
            }
        });
    }

    private static Bound<?> enclosingCell(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Bound<?> bound) {
                return bound;
            }
        }
        return null;
    }

    private static boolean isWithin(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The controls of a cell the cursor may stop at, in order. */
    private static List<Node> stops(Bound<?> cell) {
        return cell.lookupAll(".cell-control").stream()
                .filter(n -> n.isVisible() && !n.isDisabled() && n.isFocusTraversable())
                .toList();
    }

    /** The cell of {@code field} in the row node that shows {@code row} now, if one is shown. */
    private static Bound<?> cellShowing(javafx.scene.control.TableView<RuleRowViewModel> table, RuleRowViewModel row,
                                        RuleField field) {
        for (Node rowNode : table.lookupAll(".table-row-cell")) {
            if (rowNode instanceof javafx.scene.control.TableRow<?> tableRow && tableRow.getItem() == row
                    && tableRow.isVisible()) {
                for (Node cell : tableRow.lookupAll(".rule-cell")) {
                    if (cell instanceof Bound<?> bound && bound.field == field) {
                        return bound;
                    }
                }
            }
        }
        return null;
    }

    abstract static class Bound<T> extends TableCell<RuleRowViewModel, T> {
        private final RuleField field;
        private final MapChangeListener<RuleField, String> onProblems = c -> showProblem();
        private final Tooltip tip = new Tooltip();
        private RuleRowViewModel row;

        Bound(RuleField field) {
            this.field = field;
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            getStyleClass().add("rule-cell");
        }

        abstract Node control();

        /** The nodes under the pointer that show the cell's problem. */
        List<Node> pointed() {
            return List.of(control());
        }

        abstract void bind(RuleRowViewModel row);

        abstract void unbind(RuleRowViewModel row);

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            int index = getIndex();
            RuleRowViewModel now = empty || getTableView() == null || index < 0
                    || index >= getTableView().getItems().size() ? null : getTableView().getItems().get(index);
            if (now == row) {
                return;
            }
            if (row != null) {
                if (control().isFocusWithin() && getTableView() != null) {
                    // The table reuses this node for another row while it has the cursor: the cursor stays
                    // with the rule being edited, in whichever node shows that rule, bound before or after.
                    javafx.scene.control.TableView<RuleRowViewModel> table = getTableView();
                    RuleRowViewModel target = row;
                    wantFocus(table, target, field);
                    javafx.application.Platform.runLater(() -> {
                        if (takeFocusRequest(table, target, field)) {
                            focusCell(table, target, field);
                        }
                    });
                }
                row.problems().removeListener(onProblems);
                unbind(row);
            }
            row = now;
            if (row == null) {
                setGraphic(null);
                pointed().forEach(n -> Tooltip.uninstall(n, tip));
                setTooltip(null);
                pseudoClassStateChanged(INVALID, false);
                return;
            }
            bind(row);
            row.problems().addListener(onProblems);
            setGraphic(control());
            showProblem();
            if (takeFocusRequest(getTableView(), row, field)) {
                // A hand-over from a recycled node. During layout this node may not be shown yet, and a
                // hidden node cannot take focus: focus whichever node shows the row once layout is done.
                javafx.scene.control.TableView<RuleRowViewModel> table = getTableView();
                RuleRowViewModel target = row;
                javafx.application.Platform.runLater(() -> focusCell(table, target, field));
            }
        }

        /** Marks the cell and its control, and puts the reason on both (the control takes the pointer). */
        private void showProblem() {
            String problem = row == null ? null : row.problems().get(field);
            pseudoClassStateChanged(INVALID, problem != null);
            Node control = control();
            control.pseudoClassStateChanged(DANGER, problem != null);
            if (problem == null) {
                pointed().forEach(n -> Tooltip.uninstall(n, tip));
                setTooltip(null);
            } else {
                tip.setText(problem);
                pointed().forEach(n -> Tooltip.install(n, tip));
                setTooltip(tip);
            }
        }

        RuleRowViewModel row() {
            return row;
        }
    }

    /** Free text: ports, a rule's description. */
    static final class Text extends Bound<String> {
        private final TextField text = new TextField();
        private final Function<RuleRowViewModel, StringProperty> property;
        private final Function<RuleRowViewModel, ObservableValue<String>> prompt;
        private final Function<RuleRowViewModel, ObservableValue<Boolean>> unused;

        /** {@code prompt}: what the empty field says; {@code unused}: when the field has no meaning (both optional). */
        Text(RuleField field, Function<RuleRowViewModel, StringProperty> property,
             Function<RuleRowViewModel, ObservableValue<String>> prompt,
             Function<RuleRowViewModel, ObservableValue<Boolean>> unused, String styleClass) {
            super(field);
            this.property = property;
            this.prompt = prompt;
            this.unused = unused;
            PastedLines.inPorts(field, text).getStyleClass().addAll("cell-control", styleClass);
            text.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        Node control() {
            return text;
        }

        @Override
        void bind(RuleRowViewModel row) {
            text.textProperty().bindBidirectional(property.apply(row));
            if (prompt != null) {
                text.promptTextProperty().bind(prompt.apply(row));
            }
            if (unused != null) {
                text.disableProperty().bind(unused.apply(row));
            }
        }

        @Override
        void unbind(RuleRowViewModel row) {
            text.textProperty().unbindBidirectional(property.apply(row));
            text.promptTextProperty().unbind();
            text.disableProperty().unbind();
        }
    }

    /** A choice among fixed values: direction, IP version. */
    static final class Choice<T> extends Bound<T> {
        private final ComboBox<T> combo = new ComboBox<>();
        private final Function<RuleRowViewModel, Property<T>> property;

        Choice(RuleField field, List<T> values, Function<T, String> label, Function<RuleRowViewModel, Property<T>> property,
               String styleClass) {
            super(field);
            this.property = property;
            combo.getItems().setAll(values);
            combo.setConverter(converter(label));
            combo.getStyleClass().addAll("cell-control", styleClass);
            combo.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        Node control() {
            return combo;
        }

        @Override
        void bind(RuleRowViewModel row) {
            combo.valueProperty().bindBidirectional(property.apply(row));
        }

        @Override
        void unbind(RuleRowViewModel row) {
            combo.valueProperty().unbindBidirectional(property.apply(row));
        }
    }

    /** TCP, UDP, ICMP, Any, or Other with its name or number typed beside it. */
    static final class ProtocolCell extends Bound<ProtocolChoice> {
        private final ComboBox<ProtocolChoice> combo = new ComboBox<>();
        private final TextField other = new TextField();
        private final HBox box = new HBox(4, combo, other);

        ProtocolCell() {
            super(RuleField.PROTOCOL);
            combo.getItems().setAll(ProtocolChoice.values());
            combo.setConverter(converter(ProtocolChoice::label));
            combo.getStyleClass().addAll("cell-control", "protocol-choice");
            combo.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(combo, Priority.ALWAYS);
            other.getStyleClass().addAll("cell-control", "protocol-other");
            other.setPromptText("name or number");
            other.setPrefColumnCount(5);
            other.visibleProperty().bind(combo.valueProperty().isEqualTo(ProtocolChoice.OTHER));
            other.managedProperty().bind(other.visibleProperty());
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        Node control() {
            return box;
        }

        @Override
        void bind(RuleRowViewModel row) {
            combo.valueProperty().bindBidirectional(row.protocolProperty());
            other.textProperty().bindBidirectional(row.otherProtocolProperty());
        }

        @Override
        void unbind(RuleRowViewModel row) {
            combo.valueProperty().unbindBidirectional(row.protocolProperty());
            other.textProperty().unbindBidirectional(row.otherProtocolProperty());
        }
    }

    static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
