package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.neutron.NeutronHttp.Call;
import dev.portcullis.backend.neutron.NeutronHttp.Request;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.NeutronJson;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a plan's operations on one group, in the plan's order, and reports what each did. Rule deletions
 * next to each other in the plan do not depend on each other: they run {@value #PARALLEL_DELETES} at a
 * time, in waves ({@link InWaves}), so that the report says the same on every run. A failure stops new
 * work: after it (or after the wave it is in) nothing more starts, and what was not started is
 * {@link Outcome#NOT_TRIED}. Several deletions of one wave can fail; each is {@link Outcome#FAILED}.
 */
final class PlanRunner {

    /** How many rule deletions run at once. */
    static final int PARALLEL_DELETES = 4;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NeutronHttp http;
    private final NeutronReads reads;
    private final FailureWords words;

    PlanRunner(NeutronHttp http, NeutronReads reads, FailureWords words) {
        this.http = http;
        this.reads = reads;
        this.words = words;
    }

    /**
     * The group is read first: a revision other than the plan's is refused as stale before anything is sent.
     * Then the group is claimed, so that a change made since that read is refused too: a plan that changes the
     * name, description or state claims it with its own update (If-Match on the revision); a plan of rules alone
     * with an update of the description to what it is, under the same If-Match (Neutron checks If-Match on an
     * update that names a member, not on an empty one, and refuses it on a rule's POST with a 500). Rules have no
     * revision guard of their own: a change made between the claim and the last operation is seen afterwards,
     * when the group read again is not what the plan made of it ({@link PlannedState}).
     */
    CompletableFuture<ApplyReport> apply(Call call, ChangePlan plan) {
        GroupRef ref = plan.group();
        List<ChangePlan.Operation> ops = plan.operations();
        CompletableFuture<SecurityGroup> read = reads.group(call, ref.id())
                .exceptionallyCompose(e -> NeutronHttp.failure(words.refined(call, ref, null, e)))
                .thenApply(now -> stillAt(ref, now));
        CompletableFuture<SecurityGroup> claimed = plan.update().isPresent() ? read
                : read.thenCompose(now -> claim(call, ref, now).thenApply(done -> now));
        int earlyDeletesEnd = (plan.update().isPresent() ? 1 : 0) + (plan.create().isEmpty() ? 0 : 1)
                + plan.deleteFirst().size();
        return claimed.thenCompose(before -> step(new Run(call, ref, ops, earlyDeletesEnd,
                PlannedState.of(before, plan)), 0, new ArrayList<>()));
    }

    /** The group as read, if it is still at the revision it had when {@code ref} was taken; else Neutron's 412. */
    static SecurityGroup stillAt(GroupRef ref, SecurityGroup now) {
        if (now.revision() != ref.revision()) {
            throw new NeutronRefusal(Kind.STALE, NeutronErrors.REVISION_CONFLICT,
                    NeutronErrors.stale("Constrained to " + ref.revision()
                            + ", but current revision is " + now.revision()), 412, null);
        }
        return now;
    }

    /**
     * Claims a group for a plan of rules alone (or its tags): its description set to what it is, if its
     * revision is still the plan's.
     */
    CompletableFuture<Void> claim(Call call, GroupRef ref, SecurityGroup now) {
        ObjectNode body = NODES.objectNode();
        body.putObject("security_group").put("description", now.description() == null ? "" : now.description());
        return http.send(call, Request.put(NeutronReads.GROUPS + "/" + ref.id(), body, ref.revision()))
                .<Void>thenApply(a -> null)
                .exceptionallyCompose(e -> NeutronHttp.failure(words.refined(call, ref, null, e)));
    }

    /**
     * One apply: its call, group and operations, where the plan's early deletions end (they and the other
     * deletions are two runs of deletions even with nothing between them), and what it makes of the group.
     */
    private record Run(Call call, GroupRef ref, List<ChangePlan.Operation> ops, int earlyDeletesEnd,
                       PlannedState planned) {
    }

    private CompletableFuture<ApplyReport> step(Run run, int i, List<ApplyReport.Step> steps) {
        Call call = run.call();
        GroupRef ref = run.ref();
        List<ChangePlan.Operation> ops = run.ops();
        if (i == ops.size()) {
            return report(call, ref, steps, run.planned());
        }
        ChangePlan.Operation op = ops.get(i);
        if (op instanceof ChangePlan.DeleteRule) {
            return deletes(run, i, steps);
        }
        return checked(call, ref, op).handle((readBack, e) -> {
            if (e == null) {
                steps.add(new ApplyReport.Step(op, Outcome.APPLIED, null, readBack));
                return step(run, i + 1, steps);
            }
            return words.refined(call, ref, op, e).thenCompose(error -> {
                boolean nothingRan = i == 0 && op instanceof ChangePlan.UpdateGroup
                        && (error.kind() == Kind.STALE || ErrorCode.GROUP_NOT_FOUND.equals(error.code()));
                if (nothingRan) {
                    return CompletableFuture.<ApplyReport>failedFuture(error);
                }
                steps.add(new ApplyReport.Step(op, Outcome.FAILED, error));
                return stopped(run, i + 1, steps);
            });
        }).thenCompose(Function.identity());
    }

    /** The rule deletions from {@code from} on that follow each other, in waves; then what comes after them. */
    private CompletableFuture<ApplyReport> deletes(Run run, int from, List<ApplyReport.Step> steps) {
        Call call = run.call();
        GroupRef ref = run.ref();
        List<ChangePlan.Operation> ops = run.ops();
        int to = from + 1;
        while (to < ops.size() && ops.get(to) instanceof ChangePlan.DeleteRule && to != run.earlyDeletesEnd()) {
            to++;
        }
        List<Supplier<CompletableFuture<Boolean>>> tasks = new ArrayList<>();
        for (ChangePlan.Operation op : ops.subList(from, to)) {
            tasks.add(() -> checked(call, ref, op).handle((readBack, e) -> e == null
                    ? CompletableFuture.completedFuture(readBack)
                    : NeutronHttp.<Boolean>failure(words.refined(call, ref, op, e))).thenCompose(Function.identity()));
        }
        int end = to;
        return InWaves.run(tasks, PARALLEL_DELETES).thenCompose(ended -> {
            boolean failed = false;
            for (int k = 0; k < ended.size(); k++) {
                ChangePlan.Operation op = ops.get(from + k);
                InWaves.Ended<Boolean> e = ended.get(k);
                if (e == null) {
                    steps.add(new ApplyReport.Step(op, Outcome.NOT_TRIED, null));
                } else if (e.failed()) {
                    failed = true;
                    steps.add(new ApplyReport.Step(op, Outcome.FAILED, asBackend(e.failure())));
                } else {
                    steps.add(new ApplyReport.Step(op, Outcome.APPLIED, null, Boolean.TRUE.equals(e.value())));
                }
            }
            return failed ? stopped(run, end, steps) : step(run, end, steps);
        });
    }

    /** After a failure: the operations from {@code from} on were not tried; the report. */
    private CompletableFuture<ApplyReport> stopped(Run run, int from, List<ApplyReport.Step> steps) {
        for (int j = from; j < run.ops().size(); j++) {
            steps.add(new ApplyReport.Step(run.ops().get(j), Outcome.NOT_TRIED, null));
        }
        return report(run.call(), run.ref(), steps, run.planned());
    }

    private static BackendException asBackend(Throwable failure) {
        return failure instanceof BackendException b ? b : new BackendException(Kind.UNAVAILABLE,
                NeutronErrors.UNREACHABLE, String.valueOf(failure.getMessage()), failure);
    }

    /**
     * The report, with the group read again. When it cannot be read (the server went away part-way, say),
     * there is no report to answer, so the failure says in its words which operations were saved and which
     * were not: a failure alone would pass for "nothing was saved".
     */
    private CompletableFuture<ApplyReport> report(Call call, GroupRef ref, List<ApplyReport.Step> steps,
                                                  PlannedState planned) {
        return reads.group(call, ref.id())
                .exceptionallyCompose(e -> NeutronHttp.failure(words.refined(call, ref, null, e)
                        .thenApply(error -> unreadAfter(ref, steps, error))))
                .thenApply(group -> new ApplyReport(group, steps, concurrent(steps, planned, group)));
    }

    /**
     * When every operation was applied and the group is not what the plan made of it: that someone else changed
     * it at the same time, in words; null otherwise (a failed operation has its own words).
     */
    private static String concurrent(List<ApplyReport.Step> steps, PlannedState planned, SecurityGroup after) {
        if (steps.stream().anyMatch(s -> s.outcome() != Outcome.APPLIED)) {
            return null;
        }
        String differences = planned.differences(after);
        return differences.isEmpty() ? null : "Every change was sent and applied, but the group is not what the"
                + " plan made of it (" + differences + "): someone else changed it at the same time. Reload it and"
                + " check it before changing it again.";
    }

    private static BackendException unreadAfter(GroupRef ref, List<ApplyReport.Step> steps, BackendException error) {
        long saved = steps.stream().filter(s -> s.outcome() == Outcome.APPLIED).count();
        StringBuilder text = new StringBuilder(saved + " of " + steps.size() + " changes to "
                + FailureWords.label(ref) + " were saved, but the group could not be read again afterwards: "
                + error.getMessage());
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
        boolean gone = ErrorCode.GROUP_NOT_FOUND.equals(error.code());
        text.append(gone ? "\nThe group is no longer on the server, and what was saved went with it."
                : saved == 0 ? "\nPlease reload the group and save again."
                : "\nPlease reload the group before saving again: what was saved is on the server already.");
        return new BackendException(error.kind(), error.code(), text.toString(), error);
    }

    /** The operations one after the other, each failure said in words; the first failure ends the run. */
    CompletableFuture<Void> runAll(Call call, GroupRef group, List<ChangePlan.Operation> ops, int i) {
        if (i == ops.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return checked(call, group, ops.get(i))
                .exceptionallyCompose(e -> NeutronHttp.failure(words.refined(call, group, ops.get(i), e)))
                .thenCompose(done -> runAll(call, group, ops, i + 1));
    }

    /**
     * One operation of a plan; when its answer was lost ({@link LostAnswers}), the group read again says
     * whether it was done: then it counts as done (true: known by reading it back), else it fails saying it was not.
     */
    private CompletableFuture<Boolean> checked(Call call, GroupRef ref, ChangePlan.Operation op) {
        return run(call, ref, op).thenApply(done -> false).exceptionallyCompose(e -> {
            Throwable t = NeutronHttp.unwrap(e);
            if (!LostAnswers.lost(t)) {
                return CompletableFuture.failedFuture(t);
            }
            BackendException lost = (BackendException) t;
            return reads.group(call, ref.id()).handle((now, unread) -> {
                if (unread != null) {
                    return CompletableFuture.<Boolean>failedFuture(LostAnswers.unchecked(lost));
                }
                return LostAnswers.tookEffect(op, ref.revision(), now) ? CompletableFuture.completedFuture(true)
                        : CompletableFuture.<Boolean>failedFuture(LostAnswers.notSaved(lost, op));
            }).thenCompose(Function.identity());
        });
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
            return http.send(call, Request.put(NeutronReads.GROUPS + "/" + ref.id(), body, ref.revision()))
                    .thenApply(a -> null);
        }
        if (op instanceof ChangePlan.CreateRules c) {
            ObjectNode body = NODES.objectNode();
            ArrayNode rules = body.putArray("security_group_rules");
            c.rules().forEach(r -> rules.add(NeutronJson.ruleRequest(r, ref.id())));
            return http.send(call, Request.post("/v2.0/security-group-rules", body)).thenApply(a -> null);
        }
        if (op instanceof ChangePlan.DeleteRule d) {
            if (d.rule().id() == null) {
                return CompletableFuture.failedFuture(new BackendException(Kind.INVALID, NeutronErrors.RULE_NOT_FOUND,
                        "The rule " + d.rule().summary(id -> null) + " has no id: it was never created."));
            }
            return http.send(call, Request.delete("/v2.0/security-group-rules/" + d.rule().id()))
                    .thenApply(a -> null);
        }
        throw new IllegalArgumentException("Unknown operation " + op);
    }
}
