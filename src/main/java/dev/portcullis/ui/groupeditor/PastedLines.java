package dev.portcullis.ui.groupeditor;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * Lines pasted into a one-line cell (a list of addresses or ports copied from elsewhere) become values
 * separated by commas: a text field would otherwise drop the line breaks and run the values together
 * ({@code 22} and {@code 80} would become {@code 2280}).
 */
final class PastedLines {

    private PastedLines() {
    }

    /** The port cell keeps pasted lines; other text cells (a description) take the text as it is. */
    static TextField inPorts(RuleField cell, TextField field) {
        return cell == RuleField.PORTS ? keep(field) : field;
    }

    static TextField keep(TextField field) {
        field.setTextFormatter(new TextFormatter<String>(change -> {
            String text = change.getText();
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                String joined = String.join(", ", RowValues.split(text));
                change.setText(joined);
                change.selectRange(change.getRangeStart() + joined.length(), change.getRangeStart() + joined.length());
            }
            return change;
        }));
        return field;
    }

    static <T> ComboBox<T> keep(ComboBox<T> combo) {
        keep(combo.getEditor());
        return combo;
    }
}
