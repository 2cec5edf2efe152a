package dev.portcullis.ui.shell;

import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * What the console reads before its window is built, while the toolkit starts: the preferences, the offline
 * copies, the clouds and the place shown first; and a definition file named on the command line, read from
 * the moment the console is launched (see {@link EarlyFileRead}).
 */
final class ConsoleStart {

    /** Where files are read, backends opened and results worked out: never the FX thread. */
    static final Executor WORKER = ForkJoinPool.commonPool();

    /** The preferences, where groups come from, the places and the place shown first. */
    record Ready(Settings settings, GroupSources sources, Places places, Place initial) {
    }

    private final Path openFile;
    private final ReviewSettings review;
    private final CompletableFuture<Ready> ready;

    /**
     * Starts reading on {@link #WORKER}. A cloud named on the command line ({@code cloud}, null: none) is
     * looked up before this returns, so that an unknown name is refused before any window opens.
     *
     * @param workspace the workspace file, null for the default one
     * @param file      a definition file to show first, read-only (null: none)
     * @param files     how definition files are read: the console's only reader, built once
     * @throws ConsolePlaces.UnknownPlaceException when no cloud is called {@code cloud}
     */
    ConsoleStart(Path workspace, String cloud, Path file, ReviewSettings review, List<String> reviewProblems,
                 DefinitionFiles files) {
        this.openFile = file;
        this.review = review;
        CompletableFuture<DefinitionFiles> reader = new CompletableFuture<>();
        this.ready = CompletableFuture.supplyAsync(() -> prepare(workspace, cloud, reader.join(), reviewProblems),
                WORKER);
        // A file named on the command line is read while the toolkit starts, not once the window is built; its
        // reading is queued after what the window waits for first.
        reader.complete(file == null ? files : new EarlyFileRead(files, file));
        if (cloud != null) {
            ready();
        }
    }

    private static Ready prepare(Path workspace, String cloud, DefinitionFiles files, List<String> reviewProblems) {
        Settings settings = Settings.forUser();
        settings.theme(); // reads the preferences here, off the FX thread
        GroupSources sources = GroupSources.console(workspace, files);
        ConsolePlaces configured = new ConsolePlaces(sources, reviewProblems);
        Place initial = cloud != null ? configured.require(cloud)
                : settings.place().flatMap(configured::named).orElse(Place.WORKSPACE);
        return new Ready(settings, sources, configured, initial);
    }

    /** Waits for what is read; a failure as it was thrown (an unknown cloud's {@code UnknownPlaceException}). */
    Ready ready() {
        try {
            return ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * The places the window offers: with the place shown first opened and loading from now on (see
     * {@link EarlyLoad}), unless a file named on the command line is shown first.
     */
    Places places() {
        Ready prepared = ready();
        return openFile != null ? prepared.places() : new EarlyLoad(prepared.places(), prepared.initial(), WORKER);
    }

    /** The definition file shown first, or null. */
    Path openFile() {
        return openFile;
    }

    ReviewSettings review() {
        return review;
    }
}
