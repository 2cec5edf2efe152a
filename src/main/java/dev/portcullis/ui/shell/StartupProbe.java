package dev.portcullis.ui.shell;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
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
 * since the epoch) of the first frame after the first load was shown, that is the first pulse once the
 * window no longer says "Connecting…". The script subtracts the time it started the process. Without the
 * property nothing is installed and nothing is written.
 */
final class StartupProbe {

    static final String PROPERTY = "portcullis.startup.probe";

    private StartupProbe() {
    }

    /**
     * Watches {@code connection} (on the FX thread); on the first pulse after it leaves CONNECTING, reads
     * {@code clock} there and writes the figure to {@code file} on {@code writer}. The future completes with
     * the figure once it is written.
     */
    static CompletableFuture<Long> watch(ObservableValue<MainWindowViewModel.Connection> connection, Path file,
            LongSupplier clock, Executor writer) {
        CompletableFuture<Long> written = new CompletableFuture<>();
        AnimationTimer nextPulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long at = clock.getAsLong();
                CompletableFuture.runAsync(() -> write(file, at), writer)
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                written.completeExceptionally(failure);
                            } else {
                                written.complete(at);
                            }
                        });
            }
        };
        if (connection.getValue() != MainWindowViewModel.Connection.CONNECTING) {
            nextPulse.start();
        } else {
            connection.addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends MainWindowViewModel.Connection> obs,
                        MainWindowViewModel.Connection was, MainWindowViewModel.Connection now) {
                    if (now != MainWindowViewModel.Connection.CONNECTING) {
                        obs.removeListener(this);
                        nextPulse.start();
                    }
                }
            });
        }
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
