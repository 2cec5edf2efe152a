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
import java.util.Objects;
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
            text.getStyleClass().addAll("cell-control", styleClass);
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

    /** Anywhere, an address range typed in, or a group picked from the list, which narrows to what is typed. */
    static final class RemoteCell extends Bound<String> {
        private final ComboBox<String> combo = new ComboBox<>();
        private boolean narrowing;

        /** {@code choices}: what the list offers for what is typed (everything when nothing is). */
        RemoteCell(Function<String, List<String>> choices) {
            super(RuleField.REMOTE);
            combo.setEditable(true);
            combo.setOnShowing(e -> combo.getItems().setAll(choices.apply(combo.getEditor().getText())));
            // narrow the list while the person types in it; a pick from the list sets the text too, and then
            // the list stays as it is (changing it there would change the pick)
            combo.getEditor().textProperty().addListener((o, old, now) -> {
                if (combo.isShowing() && !narrowing && !Objects.equals(now, combo.getValue())) {
                    narrowing = true;
                    try {
                        combo.getItems().setAll(choices.apply(now));
                    } finally {
                        narrowing = false;
                    }
                }
            });
            combo.setVisibleRowCount(12);
            // Shift+Tab in the text field would move focus to the combo, which hands it straight back to the
            // field, so the cell could not be left backwards: focus the row's previous control instead.
            combo.getEditor().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.TAB && e.isShiftDown()) {
                    e.consume();
                    previousControl().ifPresent(Node::requestFocus);
                }
            });
            // Arriving in the cell selects its text, so typing replaces "Anywhere" instead of adding to it.
            combo.getEditor().focusedProperty().addListener((o, was, focused) -> {
                if (focused) {
                    javafx.application.Platform.runLater(combo.getEditor()::selectAll);
                }
            });
            combo.setPromptText("CIDR, Anywhere or a group");
            combo.getStyleClass().addAll("cell-control", "remote-choice");
            combo.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        Node control() {
            return combo;
        }

        @Override
        List<Node> pointed() {
            return List.of(combo, combo.getEditor()); // the editor does not pass the pointer on to the combo
        }

        /** The enabled, visible control before this one in its row, in column order. */
        private java.util.Optional<Node> previousControl() {
            if (getTableRow() == null) {
                return java.util.Optional.empty();
            }
            Node previous = null;
            for (Node control : getTableRow().lookupAll(".cell-control")) {
                if (control == combo) {
                    return java.util.Optional.ofNullable(previous);
                }
                if (control.isVisible() && !control.isDisabled() && control.isFocusTraversable()) {
                    previous = control;
                }
            }
            return java.util.Optional.empty();
        }

        @Override
        void bind(RuleRowViewModel row) {
            combo.setValue(null);
            combo.getEditor().textProperty().bindBidirectional(row.remoteProperty());
        }

        @Override
        void unbind(RuleRowViewModel row) {
            combo.getEditor().textProperty().unbindBidirectional(row.remoteProperty());
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
