package dev.portcullis.ui.shell;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The moments of the window's start, on the FX thread: when the first load is in (the window no longer
 * says "Connecting…"), and the first frame that shows it (the first pulse once that is so and the window is
 * showing). Work the first frame need not wait for (the window's icons) waits for it; the startup probe
 * measures it.
 */
final class FirstFrame {

    private FirstFrame() {
    }

    /**
     * Runs {@code then} once, after the events being handled, when {@code connection} has left CONNECTING, or
     * after {@code atMost} if that takes longer (a slow cloud), whichever comes first.
     */
    static void whenLoaded(ObservableValue<Connection> connection, Duration atMost, Runnable then) {
        Runnable once = once(then);
        PauseTransition deadline = new PauseTransition(atMost);
        deadline.setOnFinished(e -> once.run());
        deadline.play();
        when(() -> loaded(connection), () -> {
            deadline.stop();
            Platform.runLater(once);
        }, connection);
    }

    /**
     * Runs {@code then} once, at the first pulse at which {@code connection} has left CONNECTING and
     * {@code showing} is true: the pulse that lays out and hands to the renderer the first frame with data.
     */
    static void atFirstFrame(ObservableValue<Connection> connection, ObservableBooleanValue showing,
                             Runnable then) {
        AnimationTimer nextPulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                then.run();
            }
        };
        when(() -> loaded(connection) && showing.get(), nextPulse::start, connection, showing);
    }

    /** As {@link #atFirstFrame}, or after {@code atMost}, whichever comes first. */
    static void atFirstFrame(ObservableValue<Connection> connection, ObservableBooleanValue showing,
                             Duration atMost, Runnable then) {
        Runnable once = once(then);
        PauseTransition deadline = new PauseTransition(atMost);
        deadline.setOnFinished(e -> once.run());
        deadline.play();
        atFirstFrame(connection, showing, () -> {
            deadline.stop();
            once.run();
        });
    }

    private static boolean loaded(ObservableValue<Connection> connection) {
        return connection.getValue() != Connection.CONNECTING;
    }

    /**
     * Runs {@code then} when {@code condition} is first true (now, if it is already), checking it whenever one
     * of {@code inputs} changes. The inputs hold the listener (strongly) until then.
     */
    private static void when(BooleanSupplier condition, Runnable then, Observable... inputs) {
        if (condition.getAsBoolean()) {
            then.run();
            return;
        }
        InvalidationListener check = new InvalidationListener() {
            @Override
            public void invalidated(Observable changed) {
                if (condition.getAsBoolean()) {
                    for (Observable input : inputs) {
                        input.removeListener(this);
                    }
                    then.run();
                }
            }
        };
        for (Observable input : inputs) {
            input.addListener(check);
        }
    }

    private static Runnable once(Runnable then) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                then.run();
            }
        };
    }
}
