package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.FxDialogService;
import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;
import dev.portcullis.ui.common.AppIcons;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.offline.SnapshotStore;
import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.backend.openstack.Sessions;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.ui.shell.ConsoleMenu;
import dev.portcullis.ui.files.DefinitionFiles;
import dev.portcullis.ui.files.FilePlaces;
import dev.portcullis.ui.addressgroups.AddressGroupDialog;
import dev.portcullis.ui.groupeditor.GroupDialog;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.network.NetworkDialogs;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The console application and its composition root: the one place that chooses a concrete backend and
 * wires every view model to it.
 */
public final class PortcullisApp extends Application {

    /** Where files are read, backends opened and results worked out: never the FX thread. */
    private static final Executor WORKER = java.util.concurrent.ForkJoinPool.commonPool();

    /** The workspace file to open; null for the default location. */
    private static volatile Path workspaceFile;
    /** The review's settings: the user's file (read before the toolkit starts), or the defaults. */
    private static volatile ReviewSettings reviewSettings = ReviewSettings.defaults();
    /**
     * What a probe running the console in its own JVM sees of it (the benchmarks' console scale probe): the
     * definition files it reads and its window. Nothing is observed unless {@link #observe} set one.
     */
    public interface Observer {
        /** The definition files the console uses: {@code files}, or a wrapper that times them. */
        default DefinitionFiles files(DefinitionFiles files) {
            return files;
        }

        /** On the FX thread, once the window is built and just before its first place is opened. */
        void started(Stage stage, MainWindowViewModel window);
    }

    /** Has the next console started in this JVM tell {@code watching} (null: nobody) of its start. */
    public static void observe(Observer watching) {
        observer = watching;
    }

    /** What the window needs before it is built, read while the toolkit starts (see {@link #launch}). */
    private static volatile CompletableFuture<Ready> ready;
    /** A definition file to show first, read-only (null: none). */
    private static volatile Path openFile;
    /** File > Open's reader, already reading {@link #openFile} (see {@link EarlyFileRead}) when there is one. */
    private static volatile DefinitionFiles files;
    /** Told of the console's start (see {@link #observe}); null: nobody is. */
    private static volatile Observer observer;

    private Ready prepared;
    /** The places, the first one opening and loading from {@link #init} on (see {@link EarlyLoad}). */
    private Places places;
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
        // The preferences, the offline copies and the clouds are read while the toolkit starts. A cloud named
        // on the command line is looked up before that, so that an unknown name is refused before any window
        // opens.
        ready = CompletableFuture.supplyAsync(() -> prepare(cloud, file, reviewProblems), WORKER);
        if (cloud != null) {
            joined(ready);
        }
        Observer watching = observer;
        DefinitionFiles reader = watching == null ? definitionFiles(WORKER) : watching.files(definitionFiles(WORKER));
        // a file named on the command line is read while the toolkit starts, not once the window is built
        files = file == null ? reader : new EarlyFileRead(reader, file);
        Application.launch(PortcullisApp.class);
    }

    /** The preferences, the offline copies, the places and the place shown first. */
    private record Ready(Settings settings, SnapshotStore snapshots, Places places, Place initial) {
    }

    private static Ready prepare(String cloud, Path file, List<String> reviewProblems) {
        Settings settings = Settings.forUser();
        settings.theme(); // reads the preferences here, off the FX thread
        SnapshotStore snapshots = SnapshotStore.open(SnapshotStore.defaultFolder());
        ConsolePlaces configured = new ConsolePlaces(() -> WorkspaceBackend.open(workspaceFile != null ? workspaceFile
                : WorkspaceBackend.defaultLocation()), clouds(), snapshots, reviewProblems);
        Place initial = cloud != null ? configured.require(cloud)
                : settings.place().flatMap(configured::named).orElse(Place.WORKSPACE);
        return new Ready(settings, snapshots, configured, initial);
    }

    /** The result, or the failure as it was thrown (an unknown cloud's {@code UnknownPlaceException}). */
    private static Ready joined(CompletableFuture<Ready> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
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

    /**
     * The toolkit is up (so there is a display: without one nothing is opened, no example written, no cloud
     * signed in to): the project shown first is opened and loaded while {@link #start} builds the window.
     */
    @Override
    public void init() {
        prepared = joined(ready);
        places = openFile != null ? prepared.places() : new EarlyLoad(prepared.places(), prepared.initial(), WORKER);
    }

    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = dialogs(stage);
        ErrorHandler.install(dialogs);
        Settings settings = prepared.settings();
        SnapshotStore snapshots = prepared.snapshots();
        themeSwitch = new ThemeSwitch(settings);
        Executor fx = Platform::runLater;
        Executor worker = WORKER;
        Observer watching = observer;
        DefinitionFiles definitions = files != null ? files : definitionFiles(worker);
        FilePlaces withFiles = new FilePlaces(places, definitions);
        viewModel = new MainWindowViewModel(withFiles, backend -> new NetworkConfigurationViewModel(backend, fx, worker, reviewSettings),
                fx, worker, place -> settings.setPlace(place.name()));
        viewModel.autoRefreshProperty().set(settings.autoRefresh());
        viewModel.autoRefreshProperty().addListener((obs, old, now) -> settings.setAutoRefresh(now));
        PlaceViews views = new ConsoleViews(dialogs, fx);
        MainWindow window = new MainWindow(viewModel, views, themeSwitch.darkProperty());
        window.setMenuBar(new ConsoleMenu(viewModel, withFiles, definitions, dialogs,
                snapshots::read, fx, worker, () -> stage).menuBar());
        timer = new RefreshTimer(viewModel.autoRefreshProperty(), viewModel::autoRefresh);

        stage.titleProperty().bind(viewModel.titleProperty());
        Settings.WindowBounds bounds = settings.windowBounds()
                .orElse(new Settings.WindowBounds(Double.NaN, Double.NaN, 1280, 800, false));
        WindowPlacement place = WindowPlacement.of(bounds, javafx.stage.Screen.getScreens().stream()
                .sorted(java.util.Comparator.comparing(sc -> sc != javafx.stage.Screen.getPrimary()))
                .map(javafx.stage.Screen::getVisualBounds).toList());
        stage.setScene(Theme.styled(new Scene(window.root(), place.width(), place.height())));
        stage.setMinWidth(Math.min(900, place.width()));
        stage.setMinHeight(480);
        if (!Double.isNaN(place.x())) {
            stage.setX(place.x());
            stage.setY(place.y());
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
        // Decoding and setting eight icons costs the first frame some 40 ms (measured): they come after it.
        FirstFrame.atFirstFrame(viewModel.connectionProperty(), stage.showingProperty(), javafx.util.Duration.seconds(2),
                () -> CompletableFuture.supplyAsync(AppIcons::all, worker).thenAcceptAsync(stage.getIcons()::setAll, fx));
        String probe = System.getProperty(StartupProbe.PROPERTY);
        if (probe != null && !probe.isBlank()) {
            StartupProbe.watch(viewModel.connectionProperty(), stage.showingProperty(), Path.of(probe),
                    System::currentTimeMillis, worker);
        }
        if (watching != null) {
            watching.started(stage, viewModel);
        }
        // before show: a place opened already is in the window's first layout, not in a second one
        viewModel.open(openFile != null ? withFiles.add(openFile) : prepared.initial());
        if (places instanceof EarlyLoad early && early.loadedAlready()) {
            // read while the toolkit started (the local workspace): the window waits the moment it takes to
            // show it, so that its first frame has the groups instead of a second layout a frame later
            FirstFrame.whenLoaded(viewModel.connectionProperty(), javafx.util.Duration.millis(300), stage::show);
        } else {
            stage.show(); // a cloud: the window says it is connecting while the groups are on their way
        }
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
            public CompletableFuture<Opened> open(Path file, ProgressListener pages) {
                return CompletableFuture.supplyAsync(() -> io.read(file, pages), worker)
                        .thenApply(read -> new Opened(read.snapshot(), read.problems(), read.notices()));
            }

            @Override
            public CompletableFuture<List<String>> export(Snapshot snapshot, Path file) {
                return CompletableFuture.supplyAsync(() -> io.write(snapshot, file), worker);
            }
        };
    }

    /** Every dialog of the console, owned by its window, each feature's custom dialogs registered. */
    private FxDialogService dialogs(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage,
                "Definition files, openstack -f json, Terraform, Heat templates, Ansible playbooks",
                List.of("*.json", "*.tf", "*.yaml", "*.yml", "*.template"));
        GroupDialog.register(dialogs, reviewSettings);
        AddressGroupDialog.register(dialogs);
        NetworkDialogs.register(dialogs);
        return dialogs;
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

}
