package dev.portcullis.ui.shell;

import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.portcullis.ui.shell.Connection.CONNECTED;
import static dev.portcullis.ui.shell.Connection.CONNECTING;
import static dev.portcullis.ui.shell.Connection.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class StartupProbeTest {

    /** The window, showing. */
    private static final SimpleBooleanProperty SHOWING = new SimpleBooleanProperty(true);

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @Test
    void writesTheTimeOfTheFirstPulseAfterTheLoadIsShownAndNotBefore() throws Exception {
        Path file = dir.resolve("probe");
        SimpleObjectProperty<Connection> connection = new SimpleObjectProperty<>(CONNECTING);
        AtomicLong clockReads = new AtomicLong();
        CompletableFuture<CompletableFuture<Long>> installed = new CompletableFuture<>();
        Platform.runLater(() -> installed.complete(StartupProbe.watch(connection, SHOWING, file,
                () -> 1_000 + clockReads.incrementAndGet(), ForkJoinPool.commonPool())));
        CompletableFuture<Long> written = installed.get(5, TimeUnit.SECONDS);

        // several pulses go by while the window still says "Connecting…": nothing is measured
        pulses(3);
        assertThat(written).isNotDone();
        assertThat(clockReads).hasValue(0);
        assertThat(file).doesNotExist();

        Platform.runLater(() -> connection.set(OFFLINE));
        assertThat(written.get(5, TimeUnit.SECONDS)).isEqualTo(1_001L);
        assertThat(Files.readString(file)).isEqualTo("1001\n");

        // later changes do not measure again
        CompletableFuture<Void> changedAgain = new CompletableFuture<>();
        Platform.runLater(() -> {
            connection.set(CONNECTING);
            connection.set(CONNECTED);
            changedAgain.complete(null);
        });
        changedAgain.get(5, TimeUnit.SECONDS);
        assertThat(clockReads).hasValue(1);
    }

    @Test
    void aLoadInBeforeTheWindowShowsIsMeasuredOnThePulseAfterItShows() throws Exception {
        Path file = dir.resolve("probe");
        SimpleObjectProperty<Connection> connection = new SimpleObjectProperty<>(CONNECTED);
        SimpleBooleanProperty showing = new SimpleBooleanProperty(false);
        AtomicLong clockReads = new AtomicLong();
        CompletableFuture<CompletableFuture<Long>> installed = new CompletableFuture<>();
        Platform.runLater(() -> installed.complete(StartupProbe.watch(connection, showing, file,
                () -> 7 + clockReads.incrementAndGet(), ForkJoinPool.commonPool())));
        CompletableFuture<Long> written = installed.get(5, TimeUnit.SECONDS);

        pulses(3);
        assertThat(written).isNotDone();
        assertThat(clockReads).hasValue(0);

        System.gc(); // what watches must not be collectable while it waits
        Platform.runLater(() -> showing.set(true));
        assertThat(written.get(5, TimeUnit.SECONDS)).isEqualTo(8L);
        assertThat(Files.readString(file)).isEqualTo("8\n");
    }

    /** Waits until {@code count} pulses have gone by. */
    private static void pulses(int count) throws Exception {
        CompletableFuture<Void> pulses = new CompletableFuture<>();
        Platform.runLater(() -> new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen == count) {
                    stop();
                    pulses.complete(null);
                }
            }
        }.start());
        pulses.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLoadAlreadyShownIsMeasuredOnTheNextPulse() throws Exception {
        Path file = dir.resolve("probe");
        SimpleObjectProperty<Connection> connection = new SimpleObjectProperty<>(CONNECTED);
        CompletableFuture<CompletableFuture<Long>> installed = new CompletableFuture<>();
        Platform.runLater(() -> installed.complete(StartupProbe.watch(connection, SHOWING, file, () -> 42L,
                ForkJoinPool.commonPool())));

        assertThat(installed.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS)).isEqualTo(42L);
        assertThat(Files.readString(file)).isEqualTo("42\n");
    }
}
