package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.groupeditor.GroupDialog;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationController;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The console application and its composition root: the one place that chooses a concrete backend and
 * wires every view model to it.
 */
public final class PortcullisApp extends Application {

    private static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    /** The workspace file to open; null for the default location. */
    private static volatile Path workspaceFile;
    /** Read before the toolkit starts, so the FX thread never reads a file. */
    private static volatile Settings settings;

    private Backend backend;
    /** Held for the window's life: the switch's binding keeps it only weakly. */
    private ThemeSwitch themeSwitch;

    /** Opens the console on a workspace file (null: the default one) and returns when its window closes. */
    public static void launch(Path workspace) {
        workspaceFile = workspace;
        settings = Settings.forUser();
        settings.theme(); // loads the preferences here, on the launching thread
        Application.launch(PortcullisApp.class);
    }

    @Override
    public void start(Stage stage) {
        ErrorHandler.install(() -> stage);
        themeSwitch = new ThemeSwitch(settings);
        Path workspace = workspaceFile != null ? workspaceFile : WorkspaceBackend.defaultLocation();
        backend = WorkspaceBackend.open(workspace);
        Executor fx = Platform::runLater;
        NetworkConfigurationViewModel network = new NetworkConfigurationViewModel(backend, fx);
        Function<GroupEditRequest, Optional<GroupDraft>> editor = request -> GroupDialog.open(request, stage);
        Parent view = ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(network, editor));
        MainWindowViewModel viewModel = new MainWindowViewModel(backend.describe(), network);
        MainWindow window = new MainWindow(viewModel, view, themeSwitch.darkProperty());

        stage.setTitle(viewModel.title());
        stage.getIcons().setAll(icons());
        Settings.WindowBounds bounds = settings.windowBounds()
                .orElse(new Settings.WindowBounds(Double.NaN, Double.NaN, 1280, 800, false));
        stage.setScene(Theme.styled(new Scene(window.root(), bounds.width(), bounds.height())));
        stage.setMinWidth(900);
        stage.setMinHeight(480);
        if (!Double.isNaN(bounds.x()) && onSomeScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
        stage.setOnHidden(e -> settings.setWindowBounds(new Settings.WindowBounds(stage.getX(), stage.getY(),
                stage.getScene().getWidth(), stage.getScene().getHeight(), stage.isMaximized())));
        stage.show();
        viewModel.load();
    }

    /** A remembered place is used only if a screen still shows it (a monitor may have gone). */
    private static boolean onSomeScreen(Settings.WindowBounds bounds) {
        return !javafx.stage.Screen.getScreensForRectangle(bounds.x(), bounds.y(), 100, 100).isEmpty();
    }

    @Override
    public void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    static List<Image> icons() {
        return ICON_SIZES.stream().map(size -> {
            InputStream in = PortcullisApp.class.getResourceAsStream("icons/portcullis-" + size + ".png");
            return in == null ? null : new Image(in);
        }).filter(Objects::nonNull).toList();
    }
}
