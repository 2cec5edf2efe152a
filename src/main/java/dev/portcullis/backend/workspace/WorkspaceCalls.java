package dev.portcullis.backend.workspace;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * How the workspace runs its calls: one after the other on its executor, each answering once the batch it
 * belongs to is saved ({@link BatchedProject}), holds that make the calls sent meanwhile one batch, and a close
 * that lets the calls accepted before it finish and refuses the later ones.
 */
final class WorkspaceCalls {

    /** A batch is saved once this many calls wait for it, even while more calls are queued. */
    static final int MAX_BATCH = WorkspaceBackend.MAX_BATCH;

    private final Path file;
    private final SerialExecutor serial;
    private final BatchedProject state;
    /** How many holds are open. */
    private final AtomicInteger holds = new AtomicInteger();
    /** The executor the workspace made, shut down by close; null when the caller gave one. */
    private final ExecutorService owned;
    /** Guards {@link #closed} and {@link #drained}, so that no call is accepted after close has begun. */
    private final Object lifecycle = new Object();
    private boolean closed;
    /** Completes once the work accepted before close is done; null until then. */
    private CompletableFuture<Void> drained;
    /** The thread running one of this workspace's tasks, while it does. */
    private volatile Thread worker;

    WorkspaceCalls(Path file, SerialExecutor serial, BatchedProject state, ExecutorService owned) {
        this.file = file;
        this.serial = serial;
        this.state = state;
        this.owned = owned;
    }

    /** See {@link WorkspaceBackend#holdWrites()}. */
    WorkspaceBackend.Hold hold() {
        holds.incrementAndGet();
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false) && holds.decrementAndGet() == 0) {
                submit(() -> null, null); // saves the batch, if nothing queued does
            }
        };
    }

    /** See {@link WorkspaceBackend#close(Duration)}. */
    boolean close(Duration timeout) {
        CompletableFuture<Void> done;
        synchronized (lifecycle) {
            if (drained == null) {
                closed = true;
                CompletableFuture<Void> last = new CompletableFuture<>();
                drained = last;
                serial.execute(new SerialExecutor.Task() {
                    @Override
                    public void run() {
                        worker = Thread.currentThread();
                        try {
                            state.flush(); // the journal stays: folding a large one would hold the exit
                        } finally {
                            worker = null;
                        }
                        if (owned != null) {
                            owned.shutdown(); // lets this task end; nothing is queued after it
                        }
                        last.complete(null);
                    }

                    @Override
                    public void rejected(RejectedExecutionException e) {
                        last.complete(null); // the executor was shut down: nothing more can run
                    }
                });
            }
            done = drained;
        }
        if (Thread.currentThread() == worker) {
            return done.isDone();
        }
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("closing never fails", e);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run();
    }

    /**
     * Runs {@code work} after the calls made before. Its answer is given once the batch it belongs to is saved:
     * at once when it changed nothing and no batch is open, else when no call is queued behind it (or
     * {@link #MAX_BATCH} wait). If that save fails, the answer is {@code notSaved} of it, or, without one, the
     * write's error.
     */
    <T> CompletableFuture<T> submit(Work<T> work, BiFunction<T, BackendException, T> notSaved) {
        CompletableFuture<T> result = new CompletableFuture<>();
        SerialExecutor.Task task = new SerialExecutor.Task() {
            @Override
            public void run() {
                worker = Thread.currentThread();
                try {
                    T value = work.run();
                    if (state.pending()) {
                        state.answerLater(new BatchedProject.Waiting(() -> result.complete(value), e -> {
                            if (notSaved == null) {
                                result.completeExceptionally(e);
                            } else {
                                result.complete(notSaved.apply(value, e));
                            }
                        }));
                    } else {
                        result.complete(value);
                    }
                } catch (BackendException e) {
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(new BackendException(Kind.UNAVAILABLE, Refusals.INTERNAL,
                            "The local workspace failed unexpectedly: " + e, e));
                } catch (Error e) {
                    result.completeExceptionally(e);
                    throw e;
                } finally {
                    if (state.pending() && (holds.get() == 0 && !serial.hasQueued()
                            || state.waiting() >= MAX_BATCH)) {
                        state.flush();
                    }
                    worker = null;
                }
            }

            @Override
            public void rejected(RejectedExecutionException e) {
                result.completeExceptionally(Refusals.closed(file));
            }
        };
        synchronized (lifecycle) {
            if (closed) {
                result.completeExceptionally(Refusals.closed(file));
                return result;
            }
            serial.execute(task);
        }
        return result;
    }
}
