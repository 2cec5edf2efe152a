package dev.portcullis.backend.workspace;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.UserFolders;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.FileErrorCode;
import dev.portcullis.files.Originals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A project kept in a local file that behaves like a Neutron project: the same default group, the same
 * two egress rules on every new group, the same refusals with Neutron's error types, the same revision
 * numbers and the same cascade when a group is deleted. The file is a definition file
 * ({@link DefinitionReader}, {@link DefinitionWriter}), written with {@link AtomicFiles} (atomically, with
 * backups, keeping its permissions; owner-only when new) after every successful change.
 *
 * <p>Every call returns at once. The work, file I/O included, runs on the executor given, one call after
 * the other in the order they were made, so calls never interleave even on an executor with several
 * threads. The file is read on the first call, and again whenever someone else changed it; a file that does
 * not exist yet is created with an example project.
 *
 * <p>Opening a file never writes it: only a change does. A project without a default group gets one in
 * memory, as Neutron makes one on a project's first call, and it is written with the first change. Every
 * write keeps what the file holds that the workspace does not model, as it was written ({@link Originals}:
 * a port's {@code mac_address}, a rule's {@code standard_attr_id}...), so a Neutron answer can be opened as
 * the workspace. A file that exists but is not valid is never written: every call fails, naming the file and
 * its problems, until it is corrected. A write that fails changes nothing, in the file or in memory.
 */
public final class WorkspaceBackend implements Backend {

    /** The name of the thread {@link #open(Path)} starts. */
    public static final String THREAD_NAME = "portcullis-workspace";

    /** How long {@link #close()} waits for the work already accepted. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Writes the file, keeping from {@code originals} (the objects the file held when it was last read or
     * written) what the definitions do not model; tests replace it to make writes fail.
     */
    @FunctionalInterface
    interface Store {
        void write(Path file, Definitions definitions, Originals originals) throws IOException;
    }

    private static final Store FILES = new DefinitionWriter()::write;

    private final Path file;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Store store;
    private final SerialExecutor serial;
    /** The executor {@link #open(Path)} made, shut down by {@link #close()}; null when the caller gave one. */
    private final ExecutorService owned;
    private final DefinitionReader reader = new DefinitionReader();
    /** Guards {@link #closed} and {@link #drained}, so that no call is accepted after close has begun. */
    private final Object lifecycle = new Object();
    private boolean closed;
    /** Completes once the work accepted before {@link #close()} is done; null until then. */
    private CompletableFuture<Void> drained;
    /** The thread running one of this workspace's tasks, while it does. */
    private volatile Thread worker;
    /** The project as the file holds it; null until read. Only touched by tasks on {@link #serial}. */
    private volatile Project project;
    /** The file as it was when {@link #project} was read from it or written to it. */
    private volatile FileVersion version;
    /** The objects of the file as {@link #version} holds them, for the next write to keep. */
    private volatile Originals originals = Originals.NONE;
    /**
     * The default group {@link #project} has in memory only, because the file has none; null once it is
     * written. It is kept when the file is read again, so the group shown stays the same group.
     */
    private volatile SecurityGroup unsavedDefault;

    /** Enough of a file's attributes to tell that someone else has written it. */
    private record FileVersion(FileTime modified, long size, Object key) {
    }

    /** A workspace in {@code file} whose I/O runs on {@code io}, with the system clock and random ids. */
    public WorkspaceBackend(Path file, Executor io) {
        this(file, io, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** As {@link #WorkspaceBackend(Path, Executor)}, with the time and the ids of new things given. */
    public WorkspaceBackend(Path file, Executor io, Clock clock, Supplier<String> ids) {
        this(file, io, clock, ids, FILES, null);
    }

    WorkspaceBackend(Path file, Executor io, Clock clock, Supplier<String> ids, Store store) {
        this(file, io, clock, ids, store, null);
    }

    private WorkspaceBackend(Path file, Executor io, Clock clock, Supplier<String> ids, Store store,
                             ExecutorService owned) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.serial = new SerialExecutor(io);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.store = Objects.requireNonNull(store, "store");
        this.owned = owned;
    }

    /** A workspace in {@code file} with its own I/O thread, which {@link #close()} ends. */
    public static WorkspaceBackend open(Path file) {
        ExecutorService io = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        return new WorkspaceBackend(file, io, Clock.systemUTC(), () -> UUID.randomUUID().toString(), FILES, io);
    }

    /** Where the workspace lives unless told otherwise: {@code $XDG_DATA_HOME/portcullis/workspace.json}. */
    public static Path defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * {@code $XDG_DATA_HOME/portcullis/workspace.json}, else {@code ~/.local/share/portcullis/workspace.json}.
     * As the XDG base directory specification says, an empty or relative {@code XDG_DATA_HOME} is ignored.
     */
    public static Path defaultLocation(Map<String, String> environment, String userHome) {
        return UserFolders.data(environment, userHome).resolve("workspace.json");
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return "Local workspace";
    }

    @Override
    public CompletableFuture<Snapshot> load(ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        return submit(() -> {
            Project current = project();
            progress.page(current.groups(), current.groups().size());
            return new Snapshot(current.groups(), current.ports(), clock.instant());
        });
    }

    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return submit(() -> {
            Project.Created created = project().create(draft, stamp());
            commit(created.project());
            return created.group();
        });
    }

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        Objects.requireNonNull(plan, "plan");
        return submit(() -> applyNow(plan));
    }

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        Objects.requireNonNull(group, "group");
        return submit(() -> {
            Project current = project();
            if (current.group(group.id()).isPresent()) { // gone already: someone else deleted it
                commit(current.delete(group, stamp()));
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(group, "group");
        return submit(() -> {
            Project current = project();
            Project.Detached detached = current.detach(port, group);
            if (detached.project() != current) {
                commit(detached.project());
            }
            return detached.port();
        });
    }

    /**
     * Adds an interface, or replaces the one with its id: the workspace's stand-in for a server getting a
     * network interface, used to set up test fixtures. Its groups must exist.
     */
    CompletableFuture<Port> putInterface(Port port) {
        Objects.requireNonNull(port, "port");
        return submit(() -> {
            commit(project().withPort(port));
            return port;
        });
    }

    /**
     * Closes the workspace: calls made before still run, later calls fail with a {@link BackendException}
     * ({@link Kind#UNAVAILABLE}), and this waits up to {@link #CLOSE_TIMEOUT} for the work already accepted
     * to finish, so closing the window never drops a change that was already made. The thread
     * {@link #open(Path)} started ends once that work is done; an executor given by the caller stays the
     * caller's.
     */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /**
     * As {@link #close()}, waiting at most {@code timeout}; answers whether all work accepted before was
     * done by then. Work still running after that goes on, on its own thread. Called from within the
     * workspace's own work (a progress listener, say), it does not wait: that work would wait for itself.
     */
    public boolean close(Duration timeout) {
        CompletableFuture<Void> done;
        synchronized (lifecycle) {
            if (drained == null) {
                closed = true;
                CompletableFuture<Void> last = new CompletableFuture<>();
                drained = last;
                serial.execute(new SerialExecutor.Task() {
                    @Override
                    public void run() {
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

    /**
     * The revision check comes first (Neutron's If-Match); then the operations run in order, each saved
     * before the next starts, until one fails. A failure to save is that operation's failure: the
     * report is the only way to say which operations before it were saved.
     */
    private ApplyReport applyNow(ChangePlan plan) {
        Project current = project();
        GroupRef ref = plan.group();
        SecurityGroup group = current.require(ref.id(), ref.name());
        if (group.revision() != ref.revision()) {
            throw Refusals.stale(ref.revision(), group.revision());
        }
        List<ApplyReport.Step> steps = new ArrayList<>();
        boolean failed = false;
        for (ChangePlan.Operation operation : plan.operations()) {
            if (failed) {
                steps.add(new ApplyReport.Step(operation, Outcome.NOT_TRIED, null));
                continue;
            }
            try {
                Project next = current.run(ref.id(), operation, stamp());
                if (next != current) {
                    commit(next);
                }
                current = next;
                steps.add(new ApplyReport.Step(operation, Outcome.APPLIED, null));
            } catch (BackendException e) {
                steps.add(new ApplyReport.Step(operation, Outcome.FAILED, e));
                failed = true;
            }
        }
        return new ApplyReport(current.require(ref.id(), ref.name()), steps);
    }

    /**
     * The project, read from the file (or seeded) on first use, and read again when someone else changed
     * the file since: an edit made by hand while the console runs is shown, not overwritten.
     */
    private Project project() {
        Project current = project;
        if (current != null && Objects.equals(version, versionOnDisk())) {
            return current;
        }
        SecurityGroup previousDefault = unsavedDefault;
        project = null;
        version = null;
        unsavedDefault = null;
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            originals = Originals.NONE;
            Project seeded = Seed.project(stamp());
            commit(seeded, "The local workspace could not be created in " + file);
            return seeded;
        }
        FileVersion read = versionOnDisk(); // before reading: a change made meanwhile is seen next time
        DefinitionReport report = reader.read(file);
        List<Problem> problems = new ArrayList<>(report.allProblems());
        if (problems.stream().anyMatch(p -> p.code().equals(FileErrorCode.UNREADABLE))) {
            throw new BackendException(Kind.UNAVAILABLE, Refusals.FILE_UNREADABLE,
                    "The local workspace cannot be read: " + Refusals.list(problems));
        }
        for (DefinitionReport.GroupReport group : report.groups()) {
            if (group.id() == null || DraftIds.isDraft(group.id())) {
                problems.add(new Problem(FileErrorCode.WRONG_SHAPE, group.path() + ".id",
                        "The group " + group.label() + " has no id; a workspace holds only groups that exist."));
            }
            group.rules().stream().filter(r -> r.id() == null).forEach(r -> problems.add(new Problem(
                    FileErrorCode.WRONG_SHAPE, r.path() + ".id",
                    "A rule of the group " + group.label() + " has no id; a workspace holds only rules that "
                            + "exist.")));
        }
        if (!problems.isEmpty()) {
            throw Refusals.fileInvalid(file, problems);
        }
        Project loaded = Project.of(report.definitions(), Seed.PROJECT);
        SecurityGroup inMemory = null;
        if (!loaded.hasDefaultGroup()) {
            // Neutron makes a project's default group on its first call, and again after an admin deleted it.
            // It is not written here: opening a file must not change it. The first change writes it.
            inMemory = reusable(previousDefault, loaded)
                    ? previousDefault : loaded.withDefaultGroup(stamp()).defaultGroup().orElseThrow();
            loaded = loaded.withGroup(inMemory);
        }
        project = loaded;
        version = read;
        originals = report.originals();
        unsavedDefault = inMemory;
        return loaded;
    }

    /** Whether the default group made for the file before it changed can stand for it again. */
    private static boolean reusable(SecurityGroup previous, Project loaded) {
        return previous != null && previous.projectId().equals(loaded.projectId())
                && loaded.group(previous.id()).isEmpty();
    }

    private FileVersion versionOnDisk() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileVersion(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    private void commit(Project next) {
        commit(next, "The change could not be saved in " + file);
    }

    /**
     * Writes the project to the file, keeping what the file held that is not modelled, and only then makes
     * it the current one. The file is read back for the objects the next write keeps: those of the file as
     * it is now written.
     */
    private void commit(Project next, String failure) {
        try {
            store.write(file, next.definitions(), originals);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new BackendException(Kind.UNAVAILABLE, Refusals.WRITE_FAILED,
                    failure + " (" + reason(cause) + "), so nothing was changed.", e);
        }
        project = next;
        unsavedDefault = null;
        FileVersion written = versionOnDisk(); // before reading: a change made meanwhile is seen next time
        DefinitionReport report = reader.read(file);
        if (report.valid()) {
            originals = report.originals();
            version = written;
        } else {
            version = null; // someone else wrote it meanwhile: the next call reads it again
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way of a folder: " + message;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + message;
        }
        return message;
    }

    private Project.Stamp stamp() {
        return new Project.Stamp(clock.instant().truncatedTo(ChronoUnit.SECONDS), ids);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run();
    }

    private <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        SerialExecutor.Task task = new SerialExecutor.Task() {
            @Override
            public void run() {
                worker = Thread.currentThread();
                try {
                    result.complete(work.run());
                } catch (BackendException e) {
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(new BackendException(Kind.UNAVAILABLE, Refusals.INTERNAL,
                            "The local workspace failed unexpectedly: " + e, e));
                } catch (Error e) {
                    result.completeExceptionally(e);
                    throw e;
                } finally {
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
