package dev.portcullis.ui.shell;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.util.Duration;

/**
 * Loads the place again every so often, as {@link MainWindowViewModel#autoRefreshProperty()} says. A
 * timeline runs on the FX thread, so the refresh it starts never touches the scene from another thread.
 */
public final class RefreshTimer {

    private final Timeline timeline = new Timeline();
    private final Runnable refresh;

    public RefreshTimer(ObjectProperty<AutoRefresh> every, Runnable refresh) {
        this.refresh = refresh;
        timeline.setCycleCount(Animation.INDEFINITE);
        every.addListener((obs, old, now) -> follow(now));
        follow(every.get());
    }

    private void follow(AutoRefresh every) {
        timeline.stop();
        timeline.getKeyFrames().clear();
        every.period().ifPresent(period -> {
            timeline.getKeyFrames().add(new KeyFrame(Duration.millis(period.toMillis()), e -> refresh.run()));
            timeline.playFromStart();
        });
    }

    /** The time between two refreshes, or null when it is off. */
    Duration period() {
        return timeline.getKeyFrames().isEmpty() ? null : timeline.getKeyFrames().get(0).getTime();
    }

    boolean running() {
        return timeline.getStatus() == Animation.Status.RUNNING;
    }

    /** What the timer does each period; for tests, which do not wait a minute. */
    void tick() {
        refresh.run();
    }

    public void stop() {
        timeline.stop();
    }
}
