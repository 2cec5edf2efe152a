package dev.portcullis.ui.shell;


import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The main window's frame: the place's views in the centre (Network Configuration, Review, Address Groups
 * and Interfaces, as tabs that Ctrl+1 to Ctrl+4 choose), a warning strip above them when the place's
 * backend warns of something, and the {@link StatusBar} below.
 */
public final class MainWindow {

    private final BorderPane root = new BorderPane();
    private final MainWindowViewModel vm;
    /** The tabs of the place shown; null while no place is, or when there is only one view. */
    private TabPane tabs;

    public MainWindow(MainWindowViewModel vm, Parent view) {
        this(vm, view, null);
    }

    public MainWindow(MainWindowViewModel vm, Parent view, BooleanProperty darkTheme) {
        this(vm, network -> view, darkTheme);
    }

    /**
     * @param views     makes the view of a place's view model
     * @param darkTheme the switch between the light and the dark theme, or null for none
     */
    public MainWindow(MainWindowViewModel vm, Function<NetworkConfigurationViewModel, Parent> views,
                      BooleanProperty darkTheme) {
        this(vm, views, null, darkTheme);
    }

    /** The console's window: each place shown as its Network Configuration and Review views, as tabs. */
    public MainWindow(MainWindowViewModel vm, PlaceViews views, BooleanProperty darkTheme) {
        this(vm, views::network, views, darkTheme);
    }

    private MainWindow(MainWindowViewModel vm, Function<NetworkConfigurationViewModel, Parent> views,
                       PlaceViews tabbed, BooleanProperty darkTheme) {
        this.vm = vm;
        root.setTop(warningStrip());
        root.setCenter(centre(vm.networkProperty().get(), views, tabbed));
        vm.networkProperty().addListener((obs, old, now) -> root.setCenter(centre(now, views, tabbed)));
        root.setBottom(StatusBar.of(vm, darkTheme));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                        () -> showTab(0));
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                        () -> showTab(1));
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                        () -> showTab(2));
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN),
                        () -> showTab(3));
            }
        });
    }

    private void showTab(int index) {
        if (tabs != null && index < tabs.getTabs().size()) {
            tabs.getSelectionModel().select(index);
        }
    }

    private Parent centre(NetworkConfigurationViewModel network, Function<NetworkConfigurationViewModel, Parent> views,
                          PlaceViews tabbed) {
        tabs = null;
        if (network != null && tabbed == null) {
            return views.apply(network);
        }
        if (network != null) {
            tabs = ViewTabs.of(network, tabbed);
            return tabs;
        }
        Label text = new Label();
        text.setId("placeMessage");
        text.setWrapText(true);
        text.setMaxWidth(620);
        text.getStyleClass().add("text-muted");
        text.textProperty().bind(vm.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(48, 48);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(vm.busyProperty());
        javafx.scene.control.Button retry = new javafx.scene.control.Button("Retry", new FontIcon("mdomz-refresh"));
        retry.setId("placeRetry");
        retry.getStyleClass().add("accent");
        retry.visibleProperty().bind(vm.busyProperty().not());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> vm.load());
        VBox box = new VBox(14, spinner, text, retry);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("state-pane");
        return box;
    }

    private Node warningStrip() {
        FontIcon icon = new FontIcon("mdomz-warning");
        icon.getStyleClass().add("warning-icon");
        Label text = new Label();
        text.setId("warningText");
        text.setWrapText(true);
        text.textProperty().bind(vm.warningProperty());
        HBox strip = new HBox(10, icon, text);
        strip.setId("warningStrip");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getStyleClass().add("warning-strip");
        strip.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    public Parent root() {
        return root;
    }

    /** Puts a menu bar above everything else (File, Tools: see ui/files). */
    public void setMenuBar(Node menuBar) {
        root.setTop(new VBox(menuBar, root.getTop()));
    }
}
