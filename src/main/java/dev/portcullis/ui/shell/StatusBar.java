package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's status bar: what is happening (with a spinner while work runs), how many groups and
 * interfaces are shown, the connection, the place (a chooser when there are several), how often it is
 * refreshed on its own, and the switch to the dark theme.
 */
final class StatusBar {

    private final MainWindowViewModel vm;

    private StatusBar(MainWindowViewModel vm) {
        this.vm = vm;
    }

    /** @param darkTheme the switch between the light and the dark theme, or null for none */
    static HBox of(MainWindowViewModel vm, BooleanProperty darkTheme) {
        return new StatusBar(vm).build(darkTheme);
    }

    private HBox build(BooleanProperty darkTheme) {
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
        Label connection = connection();
        Separator afterConnection = new Separator(Orientation.VERTICAL);
        afterConnection.visibleProperty().bind(connection.visibleProperty());
        afterConnection.managedProperty().bind(connection.visibleProperty());
        HBox statusBar = new HBox(8, spinner, status, spacer, counts, between, connection, afterConnection,
                placeChooser(), autoRefresh());
        if (darkTheme != null) {
            ToggleButton dark = new ToggleButton(null, new FontIcon("mdoal-brightness_4"));
            dark.setId("darkTheme");
            dark.getStyleClass().addAll("flat", "button-icon");
            dark.setTooltip(new Tooltip("Dark theme"));
            dark.setFocusTraversable(false);
            dark.selectedProperty().bindBidirectional(darkTheme);
            statusBar.getChildren().addAll(new Separator(Orientation.VERTICAL), dark);
        }
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(5, 20, 5, 20));
        statusBar.getStyleClass().add("status-bar");

        return statusBar;
    }

    private Label connection() {
        Label label = new Label();
        label.setId("connection");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.textProperty().bind(Bindings.createStringBinding(vm::connectionText, vm.connectionProperty(),
                vm.placeProperty()));
        vm.connectionProperty().addListener((obs, old, now) -> style(label, now, vm.isCloud()));
        vm.placeProperty().addListener((obs, old, now) -> style(label, vm.connectionProperty().get(), vm.isCloud()));
        style(label, vm.connectionProperty().get(), vm.isCloud());
        // the loaded workspace: the place chooser beside it says "Local workspace" already
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.connectionText().equals(
                vm.placeProperty().get() == null ? null : vm.placeProperty().get().name()), vm.connectionProperty(),
                vm.placeProperty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static void style(Label label, Connection connection, boolean cloud) {
        label.setGraphic(new FontIcon(switch (connection) {
            case CONNECTING -> "mdoal-cloud_queue";
            case CONNECTED -> cloud ? "mdoal-cloud_done" : "mdomz-storage";
            case READ_ONLY -> "mdoal-lock";
            case OFFLINE -> "mdoal-cloud_off";
            case FAILED -> "mdoal-error_outline";
        }));
        label.getStyleClass().removeAll("connection-offline", "connection-failed", "connection-ok");
        label.getStyleClass().add(switch (connection) {
            case OFFLINE -> "connection-offline";
            case FAILED -> "connection-failed";
            default -> "connection-ok";
        });
    }

    private Node placeChooser() {
        Label fixed = new Label(vm.backendName(), new FontIcon("mdomz-storage"));
        fixed.setId("backend");
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        fixed.textProperty().bind(Bindings.createStringBinding(vm::backendName, vm.placeProperty()));
        if (vm.places().size() < 2) {
            return fixed;
        }
        ComboBox<Place> chooser = new ComboBox<>();
        chooser.setId("placeChooser");
        chooser.getItems().setAll(vm.places());
        chooser.setValue(vm.placeProperty().get());
        chooser.setTooltip(new Tooltip("The project shown: the local workspace or a cloud from clouds.yaml"));
        chooser.setFocusTraversable(false);
        vm.placeProperty().addListener((obs, old, now) -> chooser.setValue(now));
        chooser.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(vm.placeProperty().get())) {
                vm.open(now);
            }
        });
        chooser.disableProperty().bind(vm.changingProperty());
        return chooser;
    }

    private MenuButton autoRefresh() {
        MenuButton menu = new MenuButton(null, new FontIcon("mdoal-autorenew"));
        menu.setId("autoRefresh");
        menu.getStyleClass().addAll("flat", "button-icon");
        menu.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> "Refresh on its own: "
                + vm.autoRefreshProperty().get().label().toLowerCase(java.util.Locale.ROOT), vm.autoRefreshProperty()));
        menu.setTooltip(tip);
        ToggleGroup group = new ToggleGroup();
        for (AutoRefresh every : AutoRefresh.values()) {
            RadioMenuItem item = new RadioMenuItem(every.label());
            item.setId("autoRefresh-" + every.name());
            item.setToggleGroup(group);
            item.setSelected(every == vm.autoRefreshProperty().get());
            item.setOnAction(e -> vm.autoRefreshProperty().set(every));
            menu.getItems().add(item);
        }
        vm.autoRefreshProperty().addListener((obs, old, now) -> group.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getText().equals(now.label()))));
        return menu;
    }
}
