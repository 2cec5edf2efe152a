package dev.portcullis.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's frame: the Network Configuration view in the centre and a status bar that says
 * what is happening, how many groups and interfaces are shown, and from which backend.
 */
public final class MainWindow {

    private final BorderPane root = new BorderPane();

    public MainWindow(MainWindowViewModel vm, Parent view) {
        this(vm, view, null);
    }

    /** {@code darkTheme}: the switch between the light and the dark theme, or null for none. */
    public MainWindow(MainWindowViewModel vm, Parent view, javafx.beans.property.BooleanProperty darkTheme) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("busy");
        spinner.setPrefSize(14, 14);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label counts = new Label();
        counts.setId("counts");
        counts.textProperty().bind(vm.countsProperty());
        counts.setMinWidth(Region.USE_PREF_SIZE);
        Separator between = new Separator(Orientation.VERTICAL);
        between.visibleProperty().bind(vm.countsProperty().isNotEmpty());
        Label backend = new Label(vm.backendName(), new FontIcon("mdomz-storage"));
        backend.setId("backend");
        backend.setMinWidth(Region.USE_PREF_SIZE);
        HBox statusBar = new HBox(8, spinner, status, spacer, counts, between, backend);
        if (darkTheme != null) {
            javafx.scene.control.ToggleButton dark = new javafx.scene.control.ToggleButton(null,
                    new FontIcon("mdoal-brightness_4"));
            dark.setId("darkTheme");
            dark.getStyleClass().addAll("flat", "button-icon");
            dark.setTooltip(new javafx.scene.control.Tooltip("Dark theme"));
            dark.setFocusTraversable(false);
            dark.selectedProperty().bindBidirectional(darkTheme);
            statusBar.getChildren().addAll(new Separator(Orientation.VERTICAL), dark);
        }
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(5, 20, 5, 20));
        statusBar.getStyleClass().add("status-bar");

        root.setCenter(view);
        root.setBottom(statusBar);
    }

    public Parent root() {
        return root;
    }
}
