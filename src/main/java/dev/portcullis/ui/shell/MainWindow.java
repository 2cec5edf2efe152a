package dev.portcullis.ui.shell;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window's frame: a title, the project's groups, and a status bar that says which backend is
 * shown and whether work is in progress. The Network Configuration view takes the centre later.
 */
final class MainWindow {

    private final BorderPane root = new BorderPane();

    MainWindow(MainWindowViewModel vm) {
        Label title = new Label("Network Configuration");
        title.getStyleClass().add("title-2");
        VBox header = new VBox(title);
        header.setPadding(new Insets(16, 20, 8, 20));

        ListView<String> groups = new ListView<>();
        groups.setId("groupList");
        Label placeholder = new Label();
        placeholder.setId("placeholder");
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(16));
        placeholder.textProperty().bind(vm.errorProperty().map(e -> e).orElse("Loading…"));
        groups.setPlaceholder(placeholder);
        vm.snapshotProperty().addListener((obs, old, snapshot) -> groups.getItems().setAll(lines(snapshot)));
        BorderPane.setMargin(groups, new Insets(0, 20, 12, 20));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(8, spinner, status, spacer);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(6, 20, 6, 20));
        statusBar.getStyleClass().add("status-bar");

        root.setTop(header);
        root.setCenter(groups);
        root.setBottom(statusBar);
    }

    private static java.util.List<String> lines(Snapshot snapshot) {
        return snapshot.groups().stream().map(MainWindow::line).toList();
    }

    private static String line(SecurityGroup g) {
        return g.name() + "  —  " + g.ingressCount() + " in / " + g.egressCount() + " out"
                + (g.description() == null || g.description().isEmpty() ? "" : "  —  " + g.description());
    }

    Parent root() {
        return root;
    }
}
