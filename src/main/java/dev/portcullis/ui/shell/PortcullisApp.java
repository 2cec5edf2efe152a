package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationController;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

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

    private Backend backend;

    /** Opens the console on a workspace file (null: the default one) and returns when its window closes. */
    public static void launch(Path workspace) {
        workspaceFile = workspace;
        Application.launch(PortcullisApp.class);
    }

    @Override
    public void start(Stage stage) {
        Theme.LIGHT.apply();
        Path workspace = workspaceFile != null ? workspaceFile : WorkspaceBackend.defaultLocation();
        backend = WorkspaceBackend.open(workspace);
        Executor fx = Platform::runLater;
        NetworkConfigurationViewModel network = new NetworkConfigurationViewModel(backend, fx);
        Function<GroupEditRequest, Optional<GroupDraft>> editor = groupDialogNotBuiltYet(stage);
        Parent view = ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(network, editor));
        MainWindowViewModel viewModel = new MainWindowViewModel(backend.describe(), network);
        MainWindow window = new MainWindow(viewModel, view);

        stage.setTitle(viewModel.title());
        stage.getIcons().setAll(icons());
        stage.setScene(Theme.styled(new Scene(window.root(), 1280, 800)));
        stage.setMinWidth(900);
        stage.setMinHeight(480);
        stage.show();
        viewModel.load();
    }

    /**
     * PLACEHOLDER for the group dialog (ui/groupeditor), which is built on another branch: until it is
     * merged, New and Edit say so. The lead replaces this with the real dialog when merging.
     */
    private static Function<GroupEditRequest, Optional<GroupDraft>> groupDialogNotBuiltYet(Window owner) {
        return request -> {
            Dialogs.showError(owner, "Not available", "The group dialog is not built yet");
            return Optional.empty();
        };
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
