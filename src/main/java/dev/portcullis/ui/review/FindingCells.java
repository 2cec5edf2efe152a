package dev.portcullis.ui.review;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;
import java.util.function.Function;

/** The cells of the findings table: the severity as a badge, words that wrap, and a "go to" button. */
final class FindingCells {

    static final String OPEN_ICON = "mdomz-open_in_new";

    private FindingCells() {
    }

    static void severity(TableColumn<FindingRow, FindingRow> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label badge = SeverityBadge.of(dev.portcullis.review.Severity.INFO);

            @Override
            protected void updateItem(FindingRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                SeverityBadge.show(badge, row.severity(), SeverityBadge.name(row.severity()));
                setGraphic(badge);
            }
        });
    }

    /** A column of wrapped text taken from the row. */
    static void text(TableColumn<FindingRow, FindingRow> column, Function<FindingRow, String> text, String style) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label label = wrapping(style);

            @Override
            protected void updateItem(FindingRow row, boolean empty) {
                super.updateItem(row, empty);
                label.setText(empty || row == null ? null : text.apply(row));
                setGraphic(empty || row == null ? null : label);
            }
        });
    }

    /** The explanation, the fix under it, and the check's id. */
    static void finding(TableColumn<FindingRow, FindingRow> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label explanation = wrapping("finding-explanation");
            private final Label fix = wrapping("finding-fix");
            private final Label check = wrapping("finding-check");
            private final VBox box = new VBox(2, explanation, fix, check);

            @Override
            protected void updateItem(FindingRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                explanation.setText(row.explanation());
                fix.setText("Fix: " + row.fix());
                check.setText(row.check());
                setGraphic(box);
            }
        });
    }

    static void open(TableColumn<FindingRow, FindingRow> column, Consumer<FindingRow> open) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button(null, new FontIcon(OPEN_ICON));
            private final Tooltip tip = new Tooltip();

            {
                button.getStyleClass().addAll("button-icon", "flat", "open-finding");
                button.setTooltip(tip);
                button.setOnAction(e -> open.accept(getItem()));
            }

            @Override
            protected void updateItem(FindingRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || !row.canOpen()) {
                    setGraphic(null);
                    return;
                }
                tip.setText("Show \"" + row.group() + "\" in Network Configuration (Enter)");
                button.setAccessibleText("Show " + row.group());
                setGraphic(button);
            }
        });
    }

    private static Label wrapping(String style) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(style);
        return label;
    }
}
