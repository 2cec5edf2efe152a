package dev.portcullis.ui.network;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * A worker for tests: runs what it is given at once, on the caller's thread, until {@link #hold()}; from then
 * on it keeps the tasks (a review, say) until {@link #release()} runs them.
 */
final class HeldWorker implements Executor {

    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private int ran;
    /** How many more tasks run before it holds; -1: no hold is coming. */
    private int untilHold = -1;

    @Override
    public synchronized void execute(Runnable task) {
        if (untilHold == 0) {
            holding = true;
            untilHold = -1;
        }
        if (holding) {
            held.add(task);
        } else {
            if (untilHold > 0) {
                untilHold--;
            }
            ran++;
            task.run();
        }
    }

    synchronized void hold() {
        holding = true;
    }

    /** Runs the next task (building a catalog, say), then holds what comes after it (its review). */
    synchronized void holdAfterNext() {
        untilHold = 1;
    }

    /** Runs the tasks kept, and what comes next at once again. */
    void release() {
        Deque<Runnable> now;
        synchronized (this) {
            holding = false;
            now = new ArrayDeque<>(held);
            held.clear();
        }
        now.forEach(this::execute);
    }

    synchronized int waiting() {
        return held.size();
    }

    /** How many tasks have run. */
    synchronized int ran() {
        return ran;
    }
}
