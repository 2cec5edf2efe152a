package dev.portcullis.ui.shell;

import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.ui.addressgroups.AddressGroupDialog;
import dev.portcullis.ui.common.AppIcons;
import dev.portcullis.ui.common.FxDialogService;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;
import dev.portcullis.ui.files.FilePlaces;
import dev.portcullis.ui.groupeditor.GroupDialog;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.network.NetworkDialogs;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The console's window, assembled: the main window's view model over the places (and the files opened with
 * File > Open), the features' views and dialogs, the menu, the auto-refresh timer and the frame on the screen.
 */
final class WindowAssembly {

    private final Stage stage;
    private final FilePlaces places;
    private final MainWindowViewModel viewModel;
    private final RefreshTimer timer;
    /** Held for the window's life: the switch's binding keeps it only weakly. */
    private final ThemeSwitch themeSwitch;

    /** Builds the window in {@code stage} (not shown yet); on the FX thread. */
    WindowAssembly(Stage stage, ConsoleStart.Ready ready, Places opening, ReviewSettings review) {
        this.stage = stage;
        Settings settings = ready.settings();
        GroupSources sources = ready.sources();
        themeSwitch = new ThemeSwitch(settings);
        Executor fx = Platform::runLater;
        Executor worker = ConsoleStart.WORKER;
        FxDialogService dialogs = dialogs(stage, review);
        ErrorHandler.install(dialogs);
        places = new FilePlaces(opening, sources);
        viewModel = new MainWindowViewModel(places, backend -> new NetworkConfigurationViewModel(backend, fx, worker, review),
                fx, worker, place -> settings.setPlace(place.name()));
        viewModel.autoRefreshProperty().set(settings.autoRefresh());
        viewModel.autoRefreshProperty().addListener((obs, old, now) -> settings.setAutoRefresh(now));
        PlaceViews views = new ConsoleViews(dialogs, fx);
        MainWindow window = new MainWindow(viewModel, views, themeSwitch.darkProperty());
        window.setMenuBar(new ConsoleMenu(viewModel, places, sources, dialogs, fx, worker,
                () -> stage).menuBar());
        timer = new RefreshTimer(viewModel.autoRefreshProperty(), viewModel::autoRefresh);
        stage.titleProperty().bind(viewModel.titleProperty());
        WindowFrame.place(stage, window.root(), settings);
        WindowFrame.closeWhenChangesAreDone(stage, viewModel.networkProperty()::get);
        // Decoding and setting eight icons costs the first frame some 40 ms (measured): they come after it.
        FirstFrame.atFirstFrame(viewModel.connectionProperty(), stage.showingProperty(), Duration.seconds(2),
                () -> CompletableFuture.supplyAsync(AppIcons::all, worker).thenAcceptAsync(stage.getIcons()::setAll, fx)
                        .exceptionally(failed -> {
                            // the window works without its icons; the log says why they are missing
                            System.getLogger(WindowAssembly.class.getName()).log(System.Logger.Level.WARNING,
                                    "The window's icons could not be read", failed);
                            return null;
                        }));
        String probe = System.getProperty(StartupProbe.PROPERTY);
        if (probe != null && !probe.isBlank()) {
            StartupProbe.watch(viewModel.connectionProperty(), stage.showingProperty(), Path.of(probe),
                    System::currentTimeMillis, worker);
        }
    }

    /** Every dialog of the console, owned by its window, each feature's own dialogs registered. */
    private static FxDialogService dialogs(Stage stage, ReviewSettings review) {
        FxDialogService dialogs = new FxDialogService(() -> stage,
                "Definition files, openstack -f json, Terraform, Heat templates, Ansible playbooks",
                List.of("*.json", "*.tf", "*.yaml", "*.yml", "*.template"));
        GroupDialog.register(dialogs, review);
        AddressGroupDialog.register(dialogs);
        NetworkDialogs.register(dialogs);
        return dialogs;
    }

    MainWindowViewModel viewModel() {
        return viewModel;
    }

    /**
     * Opens {@code file} read-only (null: {@code initial}) and shows the window. The place is opened before
     * the window is shown, so that it is in the window's first layout, not in a second one; a project read
     * already ({@code loadedAlready}: the local workspace, read while the toolkit started) is waited for the
     * moment it takes to show it, so that the first frame has the groups.
     */
    void show(Path file, Place initial, boolean loadedAlready) {
        viewModel.open(file != null ? places.add(file) : initial);
        if (loadedAlready) {
            FirstFrame.whenLoaded(viewModel.connectionProperty(), Duration.millis(300), stage::show);
        } else {
            stage.show(); // a cloud: the window says it is connecting while the groups are on their way
        }
    }

    /** The window closed: the timer stops and the project shown is closed. */
    void close() {
        timer.stop();
        viewModel.close();
    }
}
