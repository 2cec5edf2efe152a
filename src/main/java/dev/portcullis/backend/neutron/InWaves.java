package dev.portcullis.backend.neutron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Independent requests run a few at a time, in waves: the first {@code width} start together, the next
 * {@code width} when all of those have ended, and so on; after a wave in which one failed, no more start.
 * Which requests ran therefore depends only on what each one answered, never on which answer came first:
 * a report of what ran is the same on every run.
 */
final class InWaves {

    /** How one request ended: its value, or its failure. */
    record Ended<T>(T value, Throwable failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private InWaves() {
    }

    /**
     * Runs the tasks in waves of {@code width}. The answer has one entry per task, in the tasks' order:
     * how it ended, or null for a task that was not started because an earlier wave had a failure.
     */
    static <T> CompletableFuture<List<Ended<T>>> run(List<Supplier<CompletableFuture<T>>> tasks, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("At least one at a time, not " + width);
        }
        @SuppressWarnings("unchecked")
        Ended<T>[] ended = new Ended[tasks.size()];
        return wave(tasks, width, 0, ended).thenApply(done -> Arrays.asList(ended));
    }

    private static <T> CompletableFuture<Void> wave(List<Supplier<CompletableFuture<T>>> tasks, int width, int from,
                                                    Ended<T>[] ended) {
        if (from >= tasks.size()) {
            return CompletableFuture.completedFuture(null);
        }
        int to = Math.min(tasks.size(), from + width);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int at = i;
            running.add(start(tasks.get(i)).handle((value, failure) -> {
                ended[at] = new Ended<>(value, failure == null ? null : NeutronHttp.unwrap(failure));
                return null;
            }));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            for (int i = from; i < to; i++) {
                if (ended[i].failed()) {
                    return CompletableFuture.completedFuture(null);
                }
            }
            return wave(tasks, width, to, ended);
        });
    }

    private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> task) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Every task's value in order; or the failure of the first task (in order) that failed. */
    static <T> CompletableFuture<List<T>> all(List<Supplier<CompletableFuture<T>>> tasks, int width) {
        return run(tasks, width).thenCompose(ended -> {
            List<T> values = new ArrayList<>();
            for (Ended<T> e : ended) {
                if (e != null && e.failed()) {
                    return CompletableFuture.failedFuture(e.failure());
                }
                values.add(e == null ? null : e.value());
            }
            return CompletableFuture.completedFuture(values);
        });
    }
}
