package dev.portcullis.ui.groupeditor;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The lines under the dialog's fields: notes, warnings and problems, each there only while it has text. */
final class FieldNotes {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private FieldNotes() {
    }

    /** A note under a field: there, taking its place, only when it says something. */
    static void note(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    /** A label there, taking its place, only while it has text. */
    static void text(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** A field's problem under it, and the field marked while there is one. */
    static void problem(TextField field, Label label, ObservableValue<String> problem) {
        text(label, problem);
        problem.addListener((o, old, now) -> field.pseudoClassStateChanged(DANGER, now != null));
        field.pseudoClassStateChanged(DANGER, problem.getValue() != null);
    }
}
