package dev.portcullis.backend.workspace;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.UserEnvironment;
import dev.portcullis.files.UserFolders;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.Originals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A project kept in a local file that behaves like a Neutron project: the same default group, the same
 * two egress rules on every new group, the same refusals with Neutron's error types, the same revision
 * numbers and the same cascade when a group is deleted. The file is a definition file
 * ({@link DefinitionReader}, {@link DefinitionWriter}), written with {@link AtomicFiles} (atomically, with
 * backups, keeping its permissions; owner-only when new), with a journal beside it once it is large
 * ({@link WorkspaceFiles}).
 *
 * <p>Changes are saved in batches ({@link BatchedProject}): the calls that are queued together (a plan, the
 * groups and plans an apply sends one after the other, the calls made while a write is under way) are saved
 * in one write, and each of them answers once that write is done. A call that only reads saves the batch
 * before it first, so what it answers is saved.
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

    /** A batch is saved once this many calls wait for it, even while more calls are queued. */
    static final int MAX_BATCH = 100_000;

    /** Ends a {@link #holdWrites()}. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }


    private final Path file;
    private final Clock clock;
    private final Supplier<String> ids;
    /** The project, the batch of changes not saved yet and the calls waiting for it; only tasks touch it. */
    private final BatchedProject state;
    /** Runs the calls one after the other and saves their batches; closes the workspace. */
    private final WorkspaceCalls calls;

    /** A workspace in {@code file} whose I/O runs on {@code io}, with the system clock and random ids. */
    public WorkspaceBackend(Path file, Executor io) {
        this(file, io, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** As {@link #WorkspaceBackend(Path, Executor)}, with the time and the ids of new things given. */
    public WorkspaceBackend(Path file, Executor io, Clock clock, Supplier<String> ids) {
        this(file, io, clock, ids, FILES);
    }

    WorkspaceBackend(Path file, Executor io, Clock clock, Supplier<String> ids, Store store) {
        this(file, io, clock, ids, store, WorkspaceFiles.JOURNAL_FROM, null);
    }

    /** As the others, with the file size from which batches go to the journal ({@link WorkspaceFiles}). */
    WorkspaceBackend(Path file, Executor io, Clock clock, Supplier<String> ids, Store store, long journalFrom,
                     ExecutorService owned) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.state = new BatchedProject(this.file, new WorkspaceFiles(this.file, store, journalFrom), this::stamp);
        this.calls = new WorkspaceCalls(this.file, new SerialExecutor(io), state, owned);
    }

    /** A workspace in {@code file} with its own I/O thread, which {@link #close()} ends. */
    public static WorkspaceBackend open(Path file) {
        ExecutorService io = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        return new WorkspaceBackend(file, io, Clock.systemUTC(), () -> UUID.randomUUID().toString(), FILES,
                WorkspaceFiles.JOURNAL_FROM, io);
    }

    /** Where the workspace lives unless told otherwise: {@code $XDG_DATA_HOME/portcullis/workspace.json}. */
    public static Path defaultLocation() {
        return defaultLocation(UserEnvironment.current());
    }

    /**
     * {@code $XDG_DATA_HOME/portcullis/workspace.json}, else {@code ~/.local/share/portcullis/workspace.json}.
     * As the XDG base directory specification says, an empty or relative {@code XDG_DATA_HOME} is ignored.
     */
    public static Path defaultLocation(UserEnvironment environment) {
        return UserFolders.data(environment).resolve("workspace.json");
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
            state.flush(); // what is shown is what is saved
            Project current = state.project();
            progress.page(current.groups(), current.groups().size());
            return new Snapshot(current.groups(), current.ports(), clock.instant())
                    .withAddressGroups(current.addressGroups());
        });
    }

    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return submit(() -> {
            Project.Created created = state.project().create(draft, stamp());
            state.stage(created.project());
            return created.group();
        });
    }

    @Override
    public CompletableFuture<AddressGroup> createAddressGroup(AddressGroupDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return staged(p -> AddressGroupChanges.create(p, draft, stamp()).asStaged());
    }

    @Override
    public CompletableFuture<AddressGroup> updateAddressGroup(AddressGroup before, AddressGroupDraft draft) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(draft, "draft");
        return staged(p -> AddressGroupChanges.update(p, before, draft).asStaged());
    }

    @Override
    public CompletableFuture<Void> deleteAddressGroup(AddressGroup group) {
        Objects.requireNonNull(group, "group");
        return staged(p -> new Project.Staged<Void>(AddressGroupChanges.delete(p, group), null));
    }

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        Objects.requireNonNull(plan, "plan");
        return submit(() -> {
            Plans.Applied applied = Plans.run(state.project(), plan, stamp());
            state.stage(applied.project());
            return applied.report();
        }, (report, e) -> Plans.notSaved(plan, state.current().flatMap(p -> p.group(plan.group().id()))
                .orElse(report.group()), e));
    }

    @Override
    public CompletableFuture<SecurityGroup> retag(GroupRef group, java.util.List<String> tags) {
        java.util.List<String> wanted = new java.util.ArrayList<>(tags);
        return submit(() -> {
            state.stage(state.project().retag(group, wanted, stamp()));
            return state.project().require(group.id(), group.name());
        });
    }

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        Objects.requireNonNull(group, "group");
        return submit(() -> {
            Project current = state.project();
            if (current.group(group.id()).isPresent()) { // gone already: someone else deleted it
                state.stage(current.delete(group, stamp()));
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(group, "group");
        return staged(p -> p.detach(port, group).asStaged());
    }

    @Override
    public CompletableFuture<Port> attach(PortRef port, GroupRef group) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(group, "group");
        return staged(p -> p.attach(port, group).asStaged());
    }

    /** A change of the project that answers a value; a project that did not change is not saved again. */
    private <T> CompletableFuture<T> staged(java.util.function.Function<Project, Project.Staged<T>> change) {
        return submit(() -> {
            Project current = state.project();
            Project.Staged<T> done = change.apply(current);
            if (done.project() != current) {
                state.stage(done.project());
            }
            return done.value();
        });
    }

    /**
     * Adds an interface, or replaces the one with its id: the workspace's stand-in for a server getting a
     * network interface, used to set up test fixtures. Its groups must exist.
     */
    CompletableFuture<Port> putInterface(Port port) {
        Objects.requireNonNull(port, "port");
        return submit(() -> {
            state.stage(state.project().withPort(port));
            return port;
        });
    }

    /**
     * Makes the calls sent until the hold is closed one batch, whatever the pace at which they come: they run
     * as usual, but their batch is saved (and they answer) only once the hold is closed, so do not wait for
     * their answers before that. A call that reads saves the batch before it all the same.
     */
    public Hold holdWrites() {
        return calls.hold();
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
        return calls.close(timeout);
    }

    private Project.Stamp stamp() {
        return new Project.Stamp(clock.instant().truncatedTo(ChronoUnit.SECONDS), ids);
    }

    private <T> CompletableFuture<T> submit(WorkspaceCalls.Work<T> work) {
        return calls.submit(work, null);
    }

    private <T> CompletableFuture<T> submit(WorkspaceCalls.Work<T> work,
                                            BiFunction<T, BackendException, T> notSaved) {
        return calls.submit(work, notSaved);
    }
}
