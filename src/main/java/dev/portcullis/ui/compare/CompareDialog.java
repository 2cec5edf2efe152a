package dev.portcullis.ui.compare;

import dev.portcullis.ui.common.DialogLook;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tools > Compare…: the project shown against a place or a file, one line per difference, grouped under
 * the group they concern.
 */
public final class CompareDialog extends Dialog<Void> {

    private static final String CSS = Objects.requireNonNull(CompareDialog.class.getResource("compare.css"),
            "compare.css is missing").toExternalForm();

    /**
     * @param chooseFile asks for a file to compare with (empty: cancelled)
     * @param fileSource how to read a chosen file
     */
    public CompareDialog(CompareViewModel vm, Supplier<Optional<Path>> chooseFile,
                         Function<Path, CompareViewModel.Source> fileSource, Window owner) {
        DialogLook.prepare(this, owner);
        setTitle("Compare");
        getDialogPane().getStylesheets().add(CSS);
        getDialogPane().getStyleClass().add("compare-dialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);

        Label with = new Label("Compare " + vm.shownName() + " with");
        with.setMinWidth(Label.USE_PREF_SIZE);
        ComboBox<CompareViewModel.Source> source = new ComboBox<>(vm.sources());
        source.setId("source");
        source.setPromptText(vm.sources().isEmpty() ? "no other place: choose a file" : "another place");
        source.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(source, Priority.ALWAYS);
        Button compare = new Button("Compare", new FontIcon("mdal-compare_arrows"));
        compare.setId("compare");
        compare.getStyleClass().add("accent");
        compare.disableProperty().bind(source.valueProperty().isNull().or(vm.busyProperty()));
        compare.setOnAction(e -> vm.compare(source.getValue()));
        Button file = new Button("A file…", new FontIcon("mdal-folder_open"));
        file.setId("compareFile");
        file.disableProperty().bind(vm.busyProperty());
        file.setOnAction(e -> chooseFile.get().map(fileSource).ifPresent(vm::compare));
        compare.setMinWidth(Button.USE_PREF_SIZE); // the source list gives way, never the buttons' words
        file.setMinWidth(Button.USE_PREF_SIZE);
        HBox top = new HBox(8, with, source, compare, file);
        top.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(vm.busyProperty());
        Label summary = new Label();
        summary.setId("summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("summary");
        summary.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        Label error = new Label();
        error.setId("compareError");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("compare-error");
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ListView<CompareViewModel.Line> lines = new ListView<>(vm.lines());
        lines.setId("differences");
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.summaryProperty().isEmpty()
                .or(vm.busyProperty())).then("Choose what to compare with.").otherwise("No differences."));
        lines.setPlaceholder(placeholder);
        lines.setCellFactory(list -> new LineCell());
        VBox.setVgrow(lines, Priority.ALWAYS);

        VBox content = new VBox(10, top, new HBox(8, spinner, summary), error, lines);
        content.setPrefSize(760, 460);
        getDialogPane().setContent(content);
        setResultConverter(button -> null);
        // Escape closes, wherever the focus is (the list and the text field would keep it), unless it closes
        // the source's open list first
        getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !source.isShowing()) {
                e.consume();
                setResult(null);
                close();
            }
        });
    }

    /** A line, styled by what it says: a group heading, a rule only on one side, a changed description. */
    private static final class LineCell extends ListCell<CompareViewModel.Line> {
        @Override
        protected void updateItem(CompareViewModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(s -> s.startsWith("line-"));
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            getStyleClass().add("line-" + line.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }
}
