package dev.portcullis.ui.review;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;
import java.util.function.Function;

/** The cells of the findings table: the severity as a badge, words that wrap, and a "go to" button. */
final class FindingCells {

    static final String OPEN_ICON = "mdomz-open_in_new";
    /** A cell's padding, left and right, with room to spare. */
    private static final double CELL_PADDING = 24;

    private FindingCells() {
    }

    static void severity(TableColumn<FindingRow, FindingRow> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label badge = SeverityBadge.of(dev.portcullis.review.Severity.INFO);

            {
                getStyleClass().add("severity-cell");
            }

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
            {
                setWrapText(true);
                getStyleClass().add(style);
            }

            @Override
            protected void updateItem(FindingRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
    }

    /**
     * The explanation and, under it, the fix; the check's id in the tooltip. Text nodes wrapped at the
     * column's width, so the row is as tall as the text (a wrapped label inside a cell is measured before the
     * column has its width, and the row comes out too tall or cuts the text).
     */
    static void finding(TableColumn<FindingRow, FindingRow> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Text explanation = wrapped("finding-explanation", column);
            private final Text fix = wrapped("finding-fix", column);
            private final VBox box = new VBox(2, explanation, fix);
            private final Tooltip tip = new Tooltip();

            {
                getStyleClass().add("finding-text");
                box.setPadding(new Insets(0, 0, 4, 0));
            }

            @Override
            protected void updateItem(FindingRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                explanation.setText(row.explanation());
                fix.setText("Fix: " + row.fix());
                tip.setText("Check " + row.check());
                setTooltip(tip);
                setGraphic(box);
            }
        });
    }

    private static Text wrapped(String style, TableColumn<?, ?> column) {
        Text text = new Text();
        text.getStyleClass().add(style);
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(CELL_PADDING));
        return text;
    }

    static void open(TableColumn<FindingRow, FindingRow> column, Consumer<FindingRow> open) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button(null, new FontIcon(OPEN_ICON));
            private final Tooltip tip = new Tooltip();

            {
                button.getStyleClass().addAll("button-icon", "flat", "open-finding");
                getStyleClass().add("open-cell");
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
}
