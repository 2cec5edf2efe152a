package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.offline.SnapshotStore;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.openstack.Sessions;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.files.ConsoleMenu;
import dev.portcullis.ui.files.DefinitionFiles;
import dev.portcullis.ui.files.FilePlaces;
import dev.portcullis.ui.files.SystemFileChoice;
import dev.portcullis.ui.groupeditor.GroupDialog;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    /** The review's settings: the user's file, or the defaults. */
    private static volatile ReviewSettings reviewSettings = ReviewSettings.defaults();
    private static volatile Settings settings;
    private static volatile ConsolePlaces places;
    private static volatile SnapshotStore snapshots;
    /** The place to open first: the one asked for on the command line, else the one shown last. */
    private static volatile Place initial;
    /** A definition file to show first, read-only (null: none). */
    private static volatile Path openFile;

    private MainWindowViewModel viewModel;
    private RefreshTimer timer;
    /** Held for the window's life: the switch's binding keeps it only weakly. */
    private ThemeSwitch themeSwitch;

    /** Opens the console on a workspace file (null: the default one) and returns when its window closes. */
    public static void launch(Path workspace) {
        launch(workspace, null);
    }

    /**
     * Opens the console and returns when its window closes: on the cloud named {@code cloud}, or (null) on
     * the place shown last, the workspace file {@code workspace} (null: the default one) by default.
     *
     * @throws ConsolePlaces.UnknownPlaceException when no cloud has that name; nothing is opened then
     */
    public static void launch(Path workspace, String cloud) {
        launch(workspace, cloud, null, ReviewSettings.defaults(), List.of());
    }

    /**
     * As {@link #launch(Path, String)}, showing the definition file {@code file} first, read-only as File >
     * Open shows it (null: none), and reviewing with {@code review}; {@code reviewProblems} says, in
     * sentences the window shows, why the user's review settings could not be used (the defaults are then).
     */
    public static void launch(Path workspace, String cloud, Path file, ReviewSettings review,
                              List<String> reviewProblems) {
        openFile = file;
        reviewSettings = review;
        workspaceFile = workspace;
        settings = Settings.forUser();
        settings.theme(); // loads the preferences here, on the launching thread
        snapshots = SnapshotStore.open(SnapshotStore.defaultFolder());
        places = new ConsolePlaces(() -> WorkspaceBackend.open(workspaceFile != null ? workspaceFile
                : WorkspaceBackend.defaultLocation()), clouds(), snapshots, reviewProblems);
        initial = cloud != null ? places.require(cloud)
                : settings.place().flatMap(places::named).orElse(Place.WORKSPACE);
        Application.launch(PortcullisApp.class);
    }

    /**
     * The clouds the project chooser offers besides the local workspace: those of clouds.yaml (and the
     * {@code OS_*} variables), found the way the OpenStack tools find them. Opening one makes its session
     * (no request yet: it signs in on the first load) and a Neutron backend over it; a cloud whose settings
     * cannot be used fails to open with the reason in words.
     */
    static CloudDirectory clouds() {
        CloudConfigs configs = CloudConfigs.forUser();
        return new CloudDirectory() {
            @Override
            public List<String> names() {
                return configs.names();
            }

            @Override
            public Backend open(String name) {
                return new NeutronBackend(Sessions.open(configs.cloud(name)));
            }

            @Override
            public List<String> problems() {
                return configs.problems();
            }
        };
    }

    @Override
    public void start(Stage stage) {
        ErrorHandler.install(() -> stage);
        themeSwitch = new ThemeSwitch(settings);
        Executor fx = Platform::runLater;
        Executor worker = java.util.concurrent.ForkJoinPool.commonPool();
        Function<GroupEditRequest, Optional<GroupDraft>> editor = request -> GroupDialog.open(request, stage, reviewSettings);
        DefinitionFiles definitions = definitionFiles(worker);
        FilePlaces withFiles = new FilePlaces(places, definitions);
        viewModel = new MainWindowViewModel(withFiles, backend -> new NetworkConfigurationViewModel(backend, fx, worker, reviewSettings),
                fx, worker, place -> settings.setPlace(place.name()));
        viewModel.autoRefreshProperty().set(settings.autoRefresh());
        viewModel.autoRefreshProperty().addListener((obs, old, now) -> settings.setAutoRefresh(now));
        PlaceViews views = new ConsoleViews(editor);
        MainWindow window = new MainWindow(viewModel, views, themeSwitch.darkProperty());
        window.setMenuBar(new ConsoleMenu(viewModel, withFiles, definitions, new SystemFileChoice(stage),
                snapshots::read, fx, worker, () -> stage).menuBar());
        timer = new RefreshTimer(viewModel.autoRefreshProperty(), viewModel::autoRefresh);

        stage.titleProperty().bind(viewModel.titleProperty());
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
        stage.setOnCloseRequest(e -> {
            NetworkConfigurationViewModel network = viewModel.networkProperty().get();
            if (network != null) {
                closeWhenChangesAreDone(e, stage, network);
            }
        });
        stage.setOnHidden(e -> settings.setWindowBounds(stage.isMaximized()
                // a maximised window's size is the screen's: keep the size it had before, and that it was maximised
                ? new Settings.WindowBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height(), true)
                : new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getScene().getWidth(),
                        stage.getScene().getHeight(), false)));
        stage.show();
        String probe = System.getProperty(StartupProbe.PROPERTY);
        if (probe != null && !probe.isBlank()) {
            StartupProbe.watch(viewModel.connectionProperty(), Path.of(probe), System::currentTimeMillis, worker);
        }
        viewModel.open(openFile != null ? withFiles.add(openFile) : initial);
    }

    /**
     * Closing while a change is being saved would end the program before its answer arrives: a failure
     * could then never reopen the dialog with what the user typed. The window waits for the change and
     * closes when it succeeded; if it failed, it stays open to show why and give the input back.
     */
    private static void closeWhenChangesAreDone(WindowEvent close, Stage stage, NetworkConfigurationViewModel network) {
        if (!network.changingProperty().get()) {
            return;
        }
        close.consume();
        long setbacksBefore = network.setbacks();
        network.changingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    return;
                }
                obs.removeListener(this);
                // The answer's follow-ups (reopen, failure) are applied on the FX thread right after.
                Platform.runLater(() -> {
                    if (network.setbacks() == setbacksBefore) {
                        stage.close();
                    }
                });
            }
        });
    }

    /** File > Open, Import and Export: the definition file formats, read and written on {@code worker}. */
    public static DefinitionFiles definitionFiles(Executor worker) {
        DefinitionFileIo io = new DefinitionFileIo();
        return new DefinitionFiles() {
            @Override
            public CompletableFuture<Opened> open(Path file) {
                return CompletableFuture.supplyAsync(() -> io.read(file), worker)
                        .thenApply(read -> new Opened(read.snapshot(), read.notices()));
            }

            @Override
            public CompletableFuture<Void> export(Snapshot snapshot, Path file, Format format) {
                return CompletableFuture.runAsync(() -> io.write(snapshot, file, format == Format.TERRAFORM), worker);
            }
        };
    }

    /** A remembered place is used only if a screen still shows it (a monitor may have gone). */
    private static boolean onSomeScreen(Settings.WindowBounds bounds) {
        return !javafx.stage.Screen.getScreensForRectangle(bounds.x(), bounds.y(), 100, 100).isEmpty();
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
        if (viewModel != null) {
            viewModel.close();
        }
    }

    static List<Image> icons() {
        return ICON_SIZES.stream().map(size -> {
            InputStream in = PortcullisApp.class.getResourceAsStream("icons/portcullis-" + size + ".png");
            return in == null ? null : new Image(in);
        }).filter(Objects::nonNull).toList();
    }
}
