package dev.portcullis.ui.network;

import dev.portcullis.backend.Backend;
import dev.portcullis.ui.shell.MainWindow;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.concurrent.ForkJoinPool;

/** The console's main window on a backend, wired as the composition root wires it, for end-to-end tests. */
final class ConsoleWindow {

    private ConsoleWindow() {
    }

    /** Shows the window on {@code stage} with the real group dialog; answers the view's view model. */
    static NetworkConfigurationViewModel show(Stage stage, Backend backend) {
        Theme.LIGHT.apply();
        NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Platform::runLater,
                ForkJoinPool.commonPool());
        Parent view = ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(vm, TestDialogs.commands(vm, stage)));
        MainWindow window = new MainWindow(new MainWindowViewModel(backend.describe(), vm), view);
        stage.setScene(Theme.styled(new Scene(window.root(), 1280, 800)));
        stage.show();
        return vm;
    }
}
