package dev.portcullis.ui.shell;

import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.portcullis.ui.shell.Connection.CONNECTED;
import static dev.portcullis.ui.shell.Connection.CONNECTING;
import static dev.portcullis.ui.shell.Connection.FAILED;
import static org.assertj.core.api.Assertions.assertThat;

/** When the console shows its window: once the first load is in, or after a deadline if it is slow. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {

    @Test
    void runsOnceWhenTheFirstLoadIsInAndNotAgain() throws Exception {
        SimpleObjectProperty<Connection> connection = new SimpleObjectProperty<>(CONNECTING);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> ran = new CompletableFuture<>();
        onFx(() -> FirstFrame.whenLoaded(connection, Duration.seconds(30), () -> {
            runs.incrementAndGet();
            ran.complete(null);
        }));
        onFx(() -> { });
        assertThat(runs).hasValue(0);

        System.gc(); // what waits must not be collectable
        onFx(() -> connection.set(FAILED)); // a failed load is in too: the window shows why
        ran.get(5, TimeUnit.SECONDS);
        onFx(() -> {
            connection.set(CONNECTING);
            connection.set(CONNECTED);
        });
        onFx(() -> { });
        assertThat(runs).hasValue(1);
    }

    @Test
    void aLoadThatTakesLongerThanTheDeadlineDoesNotHoldTheWindowBack() throws Exception {
        SimpleObjectProperty<Connection> connection = new SimpleObjectProperty<>(CONNECTING);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> ran = new CompletableFuture<>();
        onFx(() -> FirstFrame.whenLoaded(connection, Duration.millis(50), () -> {
            runs.incrementAndGet();
            ran.complete(null);
        }));

        ran.get(5, TimeUnit.SECONDS);
        assertThat(connection.get()).isEqualTo(CONNECTING);
        onFx(() -> connection.set(CONNECTED));
        onFx(() -> { });
        assertThat(runs).hasValue(1);
    }

    /** Runs {@code action} on the FX thread and waits for it (and for what it queued before). */
    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            Platform.runLater(() -> done.complete(null));
        });
        done.get(5, TimeUnit.SECONDS);
    }
}
