package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Quotas;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.GroupShare;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * A project's security groups in a cloud's Neutron, over a {@link Session}. Every call returns at once;
 * requests go out with {@code sendAsync} on the session's client, and answers are read on the backend's
 * own threads, so a future never completes on its caller's thread. Cancelling a future cancels the request
 * it is waiting for; {@link #close()} ends every call still running and makes later calls fail at once.
 * How requests are timed out and tried again: {@link NeutronHttp}.
 *
 * <p>The backend owns its session: closing the backend closes it.
 */
public final class NeutronBackend implements Backend {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Session session;
    private final Clock clock;
    private final ExecutorService worker;
    private final NeutronHttp http;
    private final NeutronReads reads;
    private final FailureWords words;
    private final PlanRunner runner;
    private final NeutronAddressGroups addressGroups;
    private final NeutronPortGroups portGroups;
    private final NeutronShares shares;
    private final TagWriter tagWriter;

    /** With the default options and the session's request timeout (a cloud's {@code api_timeout}). */
    public NeutronBackend(Session session) {
        this(session, Options.DEFAULTS.withRequestTimeout(Objects.requireNonNull(session, "session").requestTimeout()));
    }

    public NeutronBackend(Session session, Options options) {
        this(session, options, null, Math::random, Clock.systemUTC());
    }

    /**
     * With the waits between tries, the random share of each wait and the clock given (tests). A null
     * {@code delays} waits for real on the backend's threads.
     */
    NeutronBackend(Session session, Options options, NeutronHttp.Delays delays, DoubleSupplier random,
                   Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = Executors.newCachedThreadPool(daemons());
        NeutronHttp.Delays waits = delays != null ? delays
                : wait -> CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, worker);
        this.http = new NeutronHttp(session, options, worker, waits, random, clock);
        this.reads = new NeutronReads(http, options);
        this.words = new FailureWords(http, reads, session);
        this.runner = new PlanRunner(http, reads, words);
        this.addressGroups = new NeutronAddressGroups(http);
        this.portGroups = new NeutronPortGroups(http);
        this.shares = new NeutronShares(http, reads);
        this.tagWriter = new TagWriter(http, reads, words, runner);
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "portcullis-neutron-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public boolean pagesComeSlowly() {
        return true;
    }

    @Override
    public String describe() {
        return session.describe();
    }

    @Override
    public Optional<String> warning() {
        return session.warning();
    }

    // --- load ---------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Snapshot> load(ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        return http.call(call -> {
            AtomicInteger loaded = new AtomicInteger();
            CompletableFuture<List<Port>> ports = new CompletableFuture<>();
            CompletableFuture<List<AddressGroup>> addressGroups = new CompletableFuture<>();
            // the interfaces are asked for once the first page of groups is in: not before, which would slow it
            CompletableFuture<List<SecurityGroup>> groups = reads.groupStreams(call).read(
                    (page, ascending) -> {
                        if (ascending) {
                            progress.page(page, loaded.addAndGet(page.size()));
                        } else {
                            progress.pageFromEnd(page, loaded.addAndGet(page.size()));
                        }
                    },
                    () -> {
                        reads.pages(call, "/v2.0/ports", FailureWords.PORT_FIELDS, NeutronParse::ports, Port::id,
                                page -> { }).whenComplete((p, failed) -> settle(ports, p, failed));
                        reads.addressGroups(call).whenComplete((a, failed) -> settle(addressGroups, a, failed));
                    }, () -> reads.groupCount(call));
            groups.whenComplete((g, failed) -> {
                if (failed != null) {
                    ports.completeExceptionally(failed); // never asked for, when the first page failed
                    addressGroups.completeExceptionally(failed);
                }
            });
            return groups.thenCombine(ports, (g, p) -> new Snapshot(g, p, clock.instant()))
                    .thenCombine(addressGroups, Snapshot::withAddressGroups);
        });
    }

    private static <T> void settle(CompletableFuture<T> future, T value, Throwable failed) {
        if (failed != null) {
            future.completeExceptionally(failed);
        } else {
            future.complete(value);
        }
    }

    /** Asks the server for just these groups: by {@code id} and {@code name} filters, never the whole list. */
    @Override
    public CompletableFuture<List<SecurityGroup>> groups(Set<String> ids, Set<String> names) {
        Set<String> wantedIds = Set.copyOf(ids);
        Set<String> wantedNames = Set.copyOf(names);
        return http.call(call -> reads.named(call, wantedIds, wantedNames));
    }

    @Override
    public boolean readsGroupsByName() {
        return true;
    }

    // --- create -------------------------------------------------------------------------------------------

    /**
     * The group, then its rules as the workspace makes them: the plan from the group Neutron made (with its
     * two egress rules) to the draft, so that all new rules go in one atomic request and the egress rules the
     * draft does not have are deleted. If any of that fails, or the caller cancels it after the group was
     * made, the group is deleted again (as far as it can be) and the failure says why in words.
     */
    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        Objects.requireNonNull(draft, "draft");
        ObjectNode body = NODES.objectNode();
        ObjectNode group = body.putObject("security_group");
        group.put("name", draft.name());
        group.put("description", draft.description());
        group.put("stateful", draft.stateful());
        return http.call(call -> http.send(call, Request.post("/v2.0/security-groups", body))
                .exceptionallyCompose(e -> NeutronHttp.failure(words.refined(call, null, null, e)
                        .thenCompose(error -> LostAnswers.lost(error) ? whetherMade(call, draft.name(), error)
                                : CompletableFuture.completedFuture(error))))
                .thenCompose(answer -> {
                    SecurityGroup base = NeutronParse.group(answer.json());
                    ChangePlan plan = ChangePlan.between(base, new GroupDraft(draft.name(), draft.description(),
                            draft.stateful(), draft.rules().stream().map(Rule::asDraft).toList()));
                    return runner.runAll(call, base.ref(), plan.operations(), 0)
                            .thenCompose(done -> reads.group(call, base.id()))
                            .exceptionallyCompose(e -> {
                                Throwable cause = NeutronHttp.unwrap(e);
                                // A call of its own: when the caller cancelled the create, its call is
                                // over, and the half-made group must go all the same.
                                return http.call(cleanup -> http.send(cleanup,
                                                Request.delete("/v2.0/security-groups/" + base.id())))
                                        .handle((gone, notGone) -> notGone == null
                                                ? FailureWords.notCreated(draft.name(), cause)
                                                : LostAnswers.leftBehind(draft.name(), base.id(), cause, notGone))
                                        .thenCompose(NeutronHttp::failure);
                            });
                }));
    }

    /**
     * The group's POST lost its answer: whether a group of that name is there now says if it may have been
     * made (names are not unique, so one found may be another's), or that it was not.
     */
    private CompletableFuture<BackendException> whetherMade(Call call, String name, BackendException error) {
        return reads.named(call, Set.of(), Set.of(name)).handle((found, unread) ->
                unread == null && found.isEmpty() ? (BackendException) FailureWords.notCreated(name, error)
                        : LostAnswers.maybeCreated(name, error, unread == null ? found.size() : -1));
    }

    // --- apply --------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        Objects.requireNonNull(plan, "plan");
        return http.call(call -> runner.apply(call, plan));
    }

    @Override
    public CompletableFuture<SecurityGroup> retag(GroupRef group, List<String> tags) {
        Objects.requireNonNull(group, "group");
        List<String> wanted = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tags));
        return http.call(call -> tagWriter.retag(call, group, wanted));
    }

    // --- delete and detach --------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        Objects.requireNonNull(group, "group");
        return http.call(call -> http.send(call, Request.delete("/v2.0/security-groups/" + group.id()))
                .<Void>thenApply(a -> null)
                .exceptionallyCompose(e -> alreadyGone(e) ? CompletableFuture.completedFuture(null)
                        : NeutronHttp.failure(words.refined(call, group, null, e))));
    }

    /**
     * Reads the interface and sends its groups less this one, guarded by the interface's revision; if
     * someone changed the interface in between, it is read again and tried once more.
     */
    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(group, "group");
        return http.call(call -> portGroups.change(call, port, group, false));
    }

    /** Reads the interface and sends its groups and this one, guarded the same way as {@link #detach}. */
    @Override
    public CompletableFuture<Port> attach(PortRef port, GroupRef group) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(group, "group");
        return http.call(call -> portGroups.change(call, port, group, true));
    }

    @Override
    public boolean sharesGroups() {
        return true;
    }

    @Override
    public CompletableFuture<List<GroupShare>> shares() {
        return shares.list();
    }

    @Override
    public CompletableFuture<GroupShare> share(GroupRef group, String project) {
        return shares.share(group, project);
    }

    @Override
    public CompletableFuture<Void> unshare(GroupShare share) {
        return shares.unshare(share);
    }

    @Override
    public CompletableFuture<Optional<Quotas>> quotas() {
        return http.call(reads::quotas);
    }

    @Override
    public CompletableFuture<AddressGroup> createAddressGroup(AddressGroupDraft draft) {
        return start(() -> addressGroups.create(draft));
    }

    @Override
    public CompletableFuture<AddressGroup> updateAddressGroup(AddressGroup before, AddressGroupDraft draft) {
        return start(() -> addressGroups.update(before, draft));
    }

    @Override
    public CompletableFuture<Void> deleteAddressGroup(AddressGroup group) {
        return addressGroups.delete(group);
    }

    /** A write whose draft may be refused before anything is sent: the refusal completes the future. */
    private static <T> CompletableFuture<T> start(java.util.function.Supplier<CompletableFuture<T>> write) {
        try {
            return write.get();
        } catch (BackendException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** A 404 on DELETE: the group is gone already, which is what deleting it was for. */
    private static boolean alreadyGone(Throwable e) {
        return NeutronHttp.unwrap(e) instanceof BackendException refusal && refusal.kind() == Kind.NOT_FOUND
                && ErrorCode.GROUP_NOT_FOUND.equals(refusal.code());
    }

    /** Fails every call still running and cancels its requests; later calls fail at once. */
    @Override
    public void close() {
        http.close();
        worker.shutdown();
        session.close();
    }
}
