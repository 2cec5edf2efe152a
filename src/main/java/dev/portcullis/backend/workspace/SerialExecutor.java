package dev.portcullis.backend.workspace;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one after the other, in the order they were given, on an executor that may have many
 * threads: a task starts only once the one before it has finished, so no two of them ever interleave. A
 * task the executor refuses (it was shut down) is told so instead of being run.
 */
final class SerialExecutor {

    interface Task {
        void run();

        /** The executor refused the task; it will not run. */
        void rejected(RejectedExecutionException e);
    }

    private final Executor executor;
    private final Queue<Task> queue = new ArrayDeque<>();
    private boolean active;

    SerialExecutor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Whether tasks wait to run after the one running now. */
    synchronized boolean hasQueued() {
        return !queue.isEmpty();
    }

    void execute(Task task) {
        synchronized (this) {
            queue.add(task);
            if (active) {
                return;
            }
            active = true;
        }
        next();
    }

    private void next() {
        while (true) {
            Task task;
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    active = false;
                    return;
                }
            }
            try {
                executor.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        next();
                    }
                });
                return;
            } catch (RejectedExecutionException e) {
                task.rejected(e);
            }
        }
    }
}
