package dev.portcullis.ui.groupeditor;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Anywhere, an address range typed in, or a group picked from the list, which narrows to what is typed. */
final class RemoteCell extends RuleCells.Bound<String> {
    private final ComboBox<String> combo = new ComboBox<>();
    private boolean narrowing;

    /**
     * {@code choices}: what the list offers for what is typed (everything when nothing is);
     * {@code suggestions}: the type-ahead shown under the cell as part of a name is typed (ControlsFX).
     */
    RemoteCell(Function<String, List<String>> choices, Function<String, List<String>> suggestions) {
        super(RuleField.REMOTE);
        PastedLines.keep(combo).setEditable(true);
        org.controlsfx.control.textfield.AutoCompletionBinding<String> typeAhead = org.controlsfx.control
                .textfield.TextFields.bindAutoCompletion(combo.getEditor(), request -> combo.isShowing()
                        ? List.of() : suggestions.apply(request.getUserText()));
        typeAhead.setVisibleRowCount(10);
        // themed as soon as the popup has its list, before its first CSS pass
        typeAhead.getAutoCompletionPopup().skinProperty().addListener(
                (o, old, skin) -> themed(typeAhead.getAutoCompletionPopup()));
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
        // Arriving in the cell selects its text, so typing replaces "Anywhere" instead of adding to it.
        combo.getEditor().focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                javafx.application.Platform.runLater(combo.getEditor()::selectAll);
            }
        });
        combo.setPromptText("address or group");
        combo.getStyleClass().addAll("cell-control", "remote-choice");
        combo.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    Node control() {
        return combo;
    }

    private static final String TYPE_AHEAD_CSS = Objects.requireNonNull(RuleCells.class.getResource(
            "type-ahead.css"), "type-ahead.css is missing").toExternalForm();

    /** The popup's list in the theme's colours: the stylesheet goes after ControlsFX's own on the list. */
    private static void themed(javafx.scene.control.PopupControl popup) {
        if (popup.getSkin() != null && popup.getSkin().getNode() instanceof javafx.scene.Parent list
                && !list.getStylesheets().contains(TYPE_AHEAD_CSS)) {
            list.getStylesheets().add(TYPE_AHEAD_CSS);
        }
    }

    @Override
    List<Node> pointed() {
        return List.of(combo, combo.getEditor()); // the editor does not pass the pointer on to the combo
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
