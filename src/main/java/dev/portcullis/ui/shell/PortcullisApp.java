package dev.portcullis.ui.shell;

import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.ui.common.Places;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The console application and its composition root: where groups come from is made once
 * ({@link ConsoleStart}, with {@code GroupSources}), and every view model is wired to it ({@link WindowAssembly}).
 */
public final class PortcullisApp extends Application {

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

    /** What the console about to start reads while the toolkit starts (see {@link #launch}). */
    private static volatile ConsoleStart starting;
    /** Told of the console's start (see {@link #observe}); null: nobody is. */
    private static volatile Observer observer;

    private ConsoleStart.Ready prepared;
    /** The places, the first one opening and loading from {@link #init} on (see {@link EarlyLoad}). */
    private Places places;
    private WindowAssembly window;

    /** Has the next console started in this JVM tell {@code watching} (null: nobody) of its start. */
    public static void observe(Observer watching) {
        observer = watching;
    }

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
        Observer watching = observer;
        DefinitionFiles files = DefinitionFiles.on(ConsoleStart.WORKER);
        starting = new ConsoleStart(workspace, cloud, file, review, reviewProblems,
                watching == null ? files : watching.files(files));
        Application.launch(PortcullisApp.class);
    }

    /**
     * The toolkit is up (so there is a display: without one nothing is opened, no example written, no cloud
     * signed in to): the project shown first is opened and loaded while {@link #start} builds the window.
     */
    @Override
    public void init() {
        prepared = starting.ready();
        places = starting.places();
    }

    @Override
    public void start(Stage stage) {
        window = new WindowAssembly(stage, prepared, places, starting.review());
        Observer watching = observer;
        if (watching != null) {
            watching.started(stage, window.viewModel());
        }
        window.show(starting.openFile(), prepared.initial(), places instanceof EarlyLoad early && early.loadedAlready());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
