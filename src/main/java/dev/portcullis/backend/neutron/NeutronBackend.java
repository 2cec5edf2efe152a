package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.neutron.NeutronHttp.Answer;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
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
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern RULE_ID = Pattern.compile("Rule id is ([0-9a-fA-F-]+)");
    /** How many interfaces a message names before it says how many more there are. */
    private static final int NAMED_INTERFACES = 5;
    private static final String PORT_FIELDS = "&fields=id&fields=name&fields=device_id&fields=device_owner"
            + "&fields=fixed_ips&fields=security_groups";

    private final Session session;
    private final Options options;
    private final Clock clock;
    private final ExecutorService worker;
    private final NeutronHttp http;

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
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = Executors.newCachedThreadPool(daemons());
        NeutronHttp.Delays waits = delays != null ? delays
                : wait -> CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, worker);
        this.http = new NeutronHttp(session, options, worker, waits, random, clock);
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
            CompletableFuture<List<Port>> ports = pages(call, "/v2.0/ports", PORT_FIELDS, NeutronParse::ports,
                    Port::id, page -> { });
            CompletableFuture<List<SecurityGroup>> groups = pages(call, "/v2.0/security-groups", "",
                    NeutronParse::groups, SecurityGroup::id,
                    page -> progress.page(page, loaded.addAndGet(page.size())));
            return groups.thenCombine(ports, (g, p) -> new Snapshot(g, p, clock.instant()));
        });
    }

    /**
     * Every page of a list, one after the other, each given to {@code onPage} as it arrives. It stops on a
     * short or empty page (Neutron links a next page from every full one), and on a page that repeats what
     * was seen: Neutron answers an unknown marker with the first page again, which would never end.
     */
    private <T> CompletableFuture<List<T>> pages(Call call, String path, String query,
                                                 Function<JsonNode, List<T>> parse, Function<T, String> id,
                                                 Consumer<List<T>> onPage) {
        return page(call, path, query, parse, id, onPage, null, options.pageSize(), new ArrayList<>(), new HashSet<>());
    }

    private <T> CompletableFuture<List<T>> page(Call call, String path, String query,
                                                Function<JsonNode, List<T>> parse, Function<T, String> id,
                                                Consumer<List<T>> onPage, String marker, int limit, List<T> all,
                                                Set<String> seen) {
        String url = path + "?limit=" + limit + (marker == null ? "" : "&marker=" + encode(marker))
                + query;
        return http.send(call, Request.get(url)).thenCompose(answer -> {
            List<T> items = parse.apply(answer.json());
            List<T> fresh = items.stream().filter(item -> seen.add(id.apply(item))).toList();
            if (!fresh.isEmpty()) {
                all.addAll(fresh);
                onPage.accept(fresh);
            }
            boolean more = items.size() >= limit && fresh.size() == items.size();
            if (!more) {
                return CompletableFuture.completedFuture(List.copyOf(all));
            }
            int next = (int) Math.min((long) limit * 4, options.maxPageSize());
            return page(call, path, query, parse, id, onPage, id.apply(items.get(items.size() - 1)), next, all, seen);
        });
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
                .exceptionallyCompose(e -> failure(refined(call, null, null, e)))
                .thenCompose(answer -> {
                    SecurityGroup base = NeutronParse.group(answer.json());
                    ChangePlan plan = ChangePlan.between(base, new GroupDraft(draft.name(), draft.description(),
                            draft.stateful(), draft.rules().stream().map(Rule::asDraft).toList()));
                    return runAll(call, base, plan.operations(), 0)
                            .thenCompose(done -> getGroup(call, base.id()))
                            .exceptionallyCompose(e -> {
                                Throwable cause = NeutronHttp.unwrap(e);
                                // A call of its own: when the caller cancelled the create, its call is
                                // over, and the half-made group must go all the same.
                                return http.call(cleanup -> http.send(cleanup,
                                                Request.delete("/v2.0/security-groups/" + base.id())))
                                        .handle((gone, notGone) -> null)
                                        .thenCompose(ignored -> failure(notCreated(draft.name(), cause)));
                            });
                }));
    }

    private CompletableFuture<Void> runAll(Call call, SecurityGroup group, List<ChangePlan.Operation> ops, int i) {
        if (i == ops.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return run(call, group.ref(), ops.get(i))
                .exceptionallyCompose(e -> failure(refined(call, group.ref(), ops.get(i), e)))
                .thenCompose(done -> runAll(call, group, ops, i + 1));
    }

    private static Throwable notCreated(String name, Throwable cause) {
        if (cause instanceof NeutronRefusal r) {
            return r.reworded("The group \"" + name + "\" was not created: " + r.getMessage());
        }
        if (cause instanceof BackendException b) {
            return new BackendException(b.kind(), b.code(), "The group \"" + name + "\" was not created: "
                    + b.getMessage(), b);
        }
        return cause;
    }

    // --- apply --------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        Objects.requireNonNull(plan, "plan");
        GroupRef ref = plan.group();
        List<ChangePlan.Operation> ops = plan.operations();
        return http.call(call -> {
            // With an update first, If-Match guards the revision; without one, the group is read first.
            CompletableFuture<Void> guard = plan.update().isPresent() ? CompletableFuture.completedFuture(null)
                    : getGroup(call, ref.id()).exceptionallyCompose(e -> failure(refined(call, ref, null, e)))
                    .thenAccept(now -> {
                        if (now.revision() != ref.revision()) {
                            throw new NeutronRefusal(Kind.STALE, NeutronErrors.REVISION_CONFLICT,
                                    NeutronErrors.stale("Constrained to " + ref.revision()
                                            + ", but current revision is " + now.revision()), 412, null);
                        }
                    });
            return guard.thenCompose(ok -> step(call, ref, ops, 0, new ArrayList<>()));
        });
    }

    private CompletableFuture<ApplyReport> step(Call call, GroupRef ref, List<ChangePlan.Operation> ops, int i,
                                                List<ApplyReport.Step> steps) {
        if (i == ops.size()) {
            return report(call, ref, steps);
        }
        ChangePlan.Operation op = ops.get(i);
        return run(call, ref, op).handle((done, e) -> {
            if (e == null) {
                steps.add(new ApplyReport.Step(op, Outcome.APPLIED, null));
                return step(call, ref, ops, i + 1, steps);
            }
            return refined(call, ref, op, e).thenCompose(error -> {
                boolean nothingRan = i == 0 && op instanceof ChangePlan.UpdateGroup
                        && (error.kind() == Kind.STALE || ErrorCode.GROUP_NOT_FOUND.equals(error.code()));
                if (nothingRan) {
                    return CompletableFuture.<ApplyReport>failedFuture(error);
                }
                steps.add(new ApplyReport.Step(op, Outcome.FAILED, error));
                for (int j = i + 1; j < ops.size(); j++) {
                    steps.add(new ApplyReport.Step(ops.get(j), Outcome.NOT_TRIED, null));
                }
                return report(call, ref, steps);
            });
        }).thenCompose(Function.identity());
    }

    /**
     * The report, with the group read again. When it cannot be read (the server went away part-way, say),
     * there is no report to answer, so the failure says in its words which operations were saved and which
     * were not: a failure alone would pass for "nothing was saved".
     */
    private CompletableFuture<ApplyReport> report(Call call, GroupRef ref, List<ApplyReport.Step> steps) {
        return getGroup(call, ref.id())
                .exceptionallyCompose(e -> failure(refined(call, ref, null, e)
                        .thenApply(error -> unreadAfter(ref, steps, error))))
                .thenApply(group -> new ApplyReport(group, steps));
    }

    private static BackendException unreadAfter(GroupRef ref, List<ApplyReport.Step> steps, BackendException error) {
        long saved = steps.stream().filter(s -> s.outcome() == Outcome.APPLIED).count();
        StringBuilder text = new StringBuilder(saved + " of " + steps.size() + " changes to " + label(ref)
                + " were saved, but the group could not be read again afterwards: " + error.getMessage());
        for (ApplyReport.Step step : steps) {
            text.append('\n').append(switch (step.outcome()) {
                case APPLIED -> "Saved: ";
                case FAILED -> "Failed: ";
                case NOT_TRIED -> "Not saved: ";
            })
                    .append(step.operation().describe(id -> null));
            if (step.outcome() == Outcome.FAILED && step.error() != null) {
                text.append(" (").append(step.error().getMessage()).append(")");
            }
        }
        text.append(saved == 0 ? "\nPlease reload the group and save again."
                : "\nPlease reload the group before saving again: what was saved is on the server already.");
        return new BackendException(error.kind(), error.code(), text.toString(), error);
    }

    /** One operation of a plan: its request; the answer is not needed, since the group is read afterwards. */
    private CompletableFuture<Void> run(Call call, GroupRef ref, ChangePlan.Operation op) {
        if (op instanceof ChangePlan.UpdateGroup u) {
            ObjectNode body = NODES.objectNode();
            ObjectNode members = body.putObject("security_group");
            u.update().members().forEach((name, value) -> {
                if (value instanceof Boolean b) {
                    members.put(name, b);
                } else {
                    members.put(name, value == null ? "" : value.toString());
                }
            });
            return http.send(call, Request.put("/v2.0/security-groups/" + ref.id(), body, ref.revision()))
                    .thenApply(a -> null);
        }
        if (op instanceof ChangePlan.CreateRules c) {
            ObjectNode body = NODES.objectNode();
            ArrayNode rules = body.putArray("security_group_rules");
            c.rules().forEach(r -> rules.add(dev.portcullis.files.NeutronJson.ruleRequest(r, ref.id())));
            return http.send(call, Request.post("/v2.0/security-group-rules", body)).thenApply(a -> null);
        }
        if (op instanceof ChangePlan.DeleteRule d) {
            if (d.rule().id() == null) {
                return failure(new BackendException(Kind.INVALID, NeutronErrors.RULE_NOT_FOUND,
                        "The rule " + d.rule().summary(id -> null) + " has no id: it was never created."));
            }
            return http.send(call, Request.delete("/v2.0/security-group-rules/" + d.rule().id()))
                    .thenApply(a -> null);
        }
        throw new IllegalArgumentException("Unknown operation " + op);
    }

    // --- delete and detach --------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        Objects.requireNonNull(group, "group");
        return http.call(call -> http.send(call, Request.delete("/v2.0/security-groups/" + group.id()))
                .<Void>thenApply(a -> null)
                .exceptionallyCompose(e -> alreadyGone(e) ? CompletableFuture.completedFuture(null)
                        : failure(refined(call, group, null, e))));
    }

    /**
     * Reads the interface and sends its groups less this one, guarded by the interface's revision; if
     * someone changed the interface in between, it is read again and tried once more.
     */
    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(group, "group");
        return http.call(call -> detach(call, port, group, true));
    }

    private CompletableFuture<Port> detach(Call call, PortRef ref, GroupRef group, boolean again) {
        String path = "/v2.0/ports/" + ref.id();
        return http.send(call, Request.get(path)).exceptionallyCompose(e -> failure(portRefusal(ref, e)))
                .thenCompose(answer -> {
                    Port port = NeutronParse.port(answer.json());
                    if (!port.uses(group.id())) {
                        return CompletableFuture.completedFuture(port);
                    }
                    ObjectNode body = NODES.objectNode();
                    ArrayNode groups = body.putObject("port").putArray("security_groups");
                    port.withoutGroup(group.id()).securityGroupIds().forEach(groups::add);
                    return http.send(call, Request.put(path, body, NeutronParse.portRevision(answer.json())))
                            .thenApply(changed -> NeutronParse.port(changed.json()))
                            .exceptionallyCompose(e -> {
                                Throwable t = NeutronHttp.unwrap(e);
                                if (again && t instanceof BackendException b && b.kind() == Kind.STALE) {
                                    return detach(call, ref, group, false);
                                }
                                return failure(portRefusal(ref, t));
                            });
                });
    }

    private static Throwable portRefusal(PortRef ref, Throwable e) {
        Throwable t = NeutronHttp.unwrap(e);
        if (t instanceof NeutronRefusal r && r.kind() == Kind.NOT_FOUND) {
            return r.reworded("The interface " + (ref.label() == null || ref.label().isBlank() ? ref.id()
                    : ref.label()) + " does not exist (any more).");
        }
        if (t instanceof NeutronRefusal r && r.kind() == Kind.STALE) {
            return r.reworded("The interface " + ref.label() + " kept changing while its groups were being "
                    + "changed; reload and try again.");
        }
        return t;
    }

    // --- errors in words ------------------------------------------------------------------------------------

    /**
     * A failure said for the operation it stopped: what Neutron said, with what only another request can
     * tell (the interfaces using a group, the rule a duplicate repeats, the quota's number).
     */
    private CompletableFuture<BackendException> refined(Call call, GroupRef group, ChangePlan.Operation op,
                                                        Throwable failure) {
        Throwable t = NeutronHttp.unwrap(failure);
        if (!(t instanceof NeutronRefusal r)) {
            return CompletableFuture.completedFuture(t instanceof BackendException b ? b
                    : new BackendException(Kind.UNAVAILABLE, NeutronErrors.UNREACHABLE,
                    "The request to the network service failed unexpectedly (" + t.getClass().getSimpleName()
                            + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ").", t));
        }
        String groupLabel = group == null ? null : label(group);
        switch (r.code()) {
            case NeutronErrors.IN_USE:
                return inUse(call, group, op, r);
            case ErrorCode.RULE_EXISTS:
                return ruleExists(call, r);
            case NeutronErrors.OVER_QUOTA:
                return overQuota(call, group, r);
            case NeutronErrors.RULE_NOT_FOUND:
                if (op instanceof ChangePlan.DeleteRule d) {
                    return done(r.reworded("The rule " + d.rule().summary(id -> null)
                            + " is no longer in this group (rule id " + d.rule().id() + ")."));
                }
                return done(r);
            case ErrorCode.GROUP_NOT_FOUND:
                if (op instanceof ChangePlan.CreateRules) {
                    return done(r.reworded("A rule names a group that does not exist (any more): "
                            + r.getMessage()));
                }
                if (groupLabel != null) {
                    return done(r.reworded("The group " + groupLabel
                            + " does not exist (any more): someone may have deleted it."));
                }
                return done(r);
            default:
                break;
        }
        if (op instanceof ChangePlan.CreateRules c && r.kind() == Kind.INVALID) {
            List<Rule> culprits = RuleCulprits.find(c.rules(), r.code());
            if (!culprits.isEmpty()) {
                String named = culprits.stream().map(x -> x.summary(id -> null)).reduce((a, b) -> a + "; " + b)
                        .orElseThrow();
                return done(r.reworded((culprits.size() == 1 ? "The rule " : "The rules ") + named
                        + (culprits.size() == 1 ? " was" : " were") + " refused: " + r.getMessage()));
            }
        }
        return done(r);
    }

    private CompletableFuture<BackendException> inUse(Call call, GroupRef group, ChangePlan.Operation op,
                                                      NeutronRefusal r) {
        if (group == null) {
            return done(r);
        }
        String url = "/v2.0/ports?security_groups=" + encode(group.id()) + PORT_FIELDS;
        return http.send(call, Request.get(url)).thenApply(answer -> {
            List<String> names = NeutronParse.ports(answer.json()).stream().map(NeutronParse::label).toList();
            String listed = String.join(", ", names.subList(0, Math.min(NAMED_INTERFACES, names.size())))
                    + (names.size() > NAMED_INTERFACES ? " and " + (names.size() - NAMED_INTERFACES) + " more" : "");
            String users = names.size() + (names.size() == 1 ? " interface: " : " interfaces: ") + listed;
            if (op instanceof ChangePlan.UpdateGroup u && u.update().changed().contains(
                    ChangePlan.GroupUpdate.STATEFUL)) {
                return (BackendException) r.reworded("The group cannot be made "
                        + (u.update().stateful() ? "stateful" : "stateless")
                        + " while interfaces use it; it is used by " + users + ".");
            }
            return (BackendException) r.reworded("This group is still used by " + users);
        }).exceptionally(e -> r);
    }

    private CompletableFuture<BackendException> ruleExists(Call call, NeutronRefusal r) {
        Matcher m = RULE_ID.matcher(r.neutronMessage());
        if (!m.find()) {
            return done(r.reworded("One of the new rules already exists in this group."));
        }
        String id = m.group(1);
        return http.send(call, Request.get("/v2.0/security-group-rules/" + id))
                .thenApply(answer -> (BackendException) r.reworded("The rule "
                        + NeutronParse.rule(answer.json().path("security_group_rule"), "security_group_rule")
                        .summary(x -> null) + " already exists in this group (rule id " + id + ")."))
                .exceptionally(e -> r.reworded("One of the new rules already exists in this group (rule id "
                        + id + ")."));
    }

    private CompletableFuture<BackendException> overQuota(Call call, GroupRef group, NeutronRefusal r) {
        boolean rules = r.neutronMessage().contains("security_group_rule");
        String what = rules ? "rules" : "groups";
        String resource = rules ? "security_group_rule" : "security_group";
        CompletableFuture<String> project = group != null
                ? getGroup(call, group.id()).thenApply(SecurityGroup::projectId)
                : session.access().thenApply(a -> a.headers().containsKey("X-Project-Id")
                ? a.headers().get("X-Project-Id").reveal() : null);
        return project.thenCompose(p -> p == null ? CompletableFuture.<Long>completedFuture(null)
                        : http.send(call, Request.get("/v2.0/quotas/" + encode(p) + "/details"))
                        .thenApply(a -> a.json().path("quota").path(resource).path("limit"))
                        .thenApply(limit -> limit.canConvertToLong() ? limit.asLong() : null))
                .thenApply(limit -> (BackendException) r.reworded(limit == null
                        ? "The project's quota of " + what + " is used up."
                        : "The project's quota of " + limit + " " + what + " is used up."))
                .exceptionally(e -> r.reworded("The project's quota of " + what + " is used up."));
    }

    private static String label(GroupRef group) {
        return group.name() == null || group.name().isBlank() ? group.id() : "\"" + group.name() + "\"";
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private CompletableFuture<SecurityGroup> getGroup(Call call, String id) {
        return http.send(call, Request.get("/v2.0/security-groups/" + id))
                .thenApply(answer -> NeutronParse.group(answer.json()));
    }

    /** A 404 on DELETE: the group is gone already, which is what deleting it was for. */
    private static boolean alreadyGone(Throwable e) {
        return NeutronHttp.unwrap(e) instanceof BackendException refusal && refusal.kind() == Kind.NOT_FOUND
                && ErrorCode.GROUP_NOT_FOUND.equals(refusal.code());
    }

    private static <T> CompletableFuture<T> failure(Throwable t) {
        return CompletableFuture.failedFuture(NeutronHttp.unwrap(t));
    }

    private static <T> CompletableFuture<T> failure(CompletableFuture<? extends Throwable> t) {
        return t.thenCompose(NeutronBackend::failure);
    }

    private static CompletableFuture<BackendException> done(BackendException e) {
        return CompletableFuture.completedFuture(e);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Fails every call still running and cancels its requests; later calls fail at once. */
    @Override
    public void close() {
        http.close();
        worker.shutdown();
        session.close();
    }
}
