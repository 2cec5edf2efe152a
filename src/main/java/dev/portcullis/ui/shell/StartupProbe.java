package dev.portcullis.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * An opt-in startup measurement for {@code scripts/bench-start.sh}: with
 * {@code -Dportcullis.startup.probe=FILE}, the console writes into FILE the wall-clock time (milliseconds
 * since the epoch) of the {@link FirstFrame first frame with data}. The script subtracts the time it started the process. Without the
 * property nothing is installed and nothing is written.
 */
final class StartupProbe {

    static final String PROPERTY = "portcullis.startup.probe";

    private StartupProbe() {
    }

    /**
     * Watches {@code connection} and {@code showing} (on the FX thread); at the end of the first pulse at
     * which the window shows and the first load is in, reads {@code clock} and writes the figure to {@code file} on {@code writer}. The future completes with
     * the figure once it is written.
     */
    static CompletableFuture<Long> watch(ObservableValue<Connection> connection,
            ObservableBooleanValue showing, Path file, LongSupplier clock, Executor writer) {
        CompletableFuture<Long> written = new CompletableFuture<>();
        // read once that pulse is done: the frame is styled, laid out and handed to the renderer by then
        FirstFrame.atFirstFrame(connection, showing, () -> javafx.application.Platform.runLater(() -> {
            long at = clock.getAsLong();
            CompletableFuture.runAsync(() -> write(file, at), writer).whenComplete((ok, failure) -> {
                if (failure != null) {
                    written.completeExceptionally(failure);
                } else {
                    written.complete(at);
                }
            });
        }));
        return written;
    }

    private static void write(Path file, long at) {
        try {
            Files.writeString(file, at + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the startup probe " + file + ": " + e.getMessage(), e);
        }
    }
}
