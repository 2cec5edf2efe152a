package dev.portcullis.ui.network;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory project that answers at once (completed futures), like the workspace would, unless a
 * test holds its loads or makes the next call fail. It records what it was asked to do.
 */
class FakeBackend implements Backend {

    final List<SecurityGroup> groups = new ArrayList<>();
    final List<Port> ports = new ArrayList<>();

    /** When true, loads answer only when the test completes them from {@link #heldLoads}. */
    boolean holdLoads;
    /** Why nothing can be changed here (a read-only file, say); null: it can be. */
    String readOnlyReason;
    final List<CompletableFuture<Snapshot>> heldLoads = new ArrayList<>();
    int loads;
    /** The progress listener of each held load, to report pages as a cloud would. */
    final List<ProgressListener> heldProgress = new ArrayList<>();
    /** What a held load tells its listener at once, as a load begun before anyone listened hands over its pages. */
    List<SecurityGroup> readAlready = List.of();

    /** What {@link #savedCopy()} answers: no saved copy, unless a test gives one (or holds it). */
    CompletableFuture<java.util.Optional<Snapshot>> copy = CompletableFuture.completedFuture(java.util.Optional.empty());

    BackendException failNextLoad;
    BackendException failNextCreate;
    BackendException failNextApply;
    BackendException failNextDelete;
    BackendException failNextDetach;
    /** The operation (0-based) the next apply refuses with {@link #stepFailure}; -1: none. */
    int failApplyAtStep = -1;
    BackendException stepFailure;
    /** Whether its pages come slowly, as a cloud's do (the rows in are reviewed while the rest comes). */
    boolean slowPages;

    @Override
    public boolean pagesComeSlowly() {
        return slowPages;
    }

    /** What the next applies report someone else changed meanwhile; null: nothing. */
    String concurrentChange;

    final List<GroupDraft> created = new ArrayList<>();
    final List<ChangePlan> plans = new ArrayList<>();
    final List<GroupRef> deleted = new ArrayList<>();
    final List<String> detached = new ArrayList<>();

    private int ids;

    FakeBackend(List<SecurityGroup> groups, List<Port> ports) {
        this.groups.addAll(groups);
        this.ports.addAll(ports);
    }

    static BackendException refusal(BackendException.Kind kind, String code, String message) {
        return new BackendException(kind, code, message);
    }

    @Override
    public java.util.Optional<String> readOnly() {
        return java.util.Optional.ofNullable(readOnlyReason);
    }

    @Override
    public String describe() {
        return "Fake project";
    }

    Snapshot snapshot() {
        return new Snapshot(groups, ports, Instant.EPOCH);
    }

    @Override
    public CompletableFuture<Snapshot> load(ProgressListener progress) {
        loads++;
        if (failNextLoad != null) {
            BackendException failure = failNextLoad;
            failNextLoad = null;
            return CompletableFuture.failedFuture(failure);
        }
        if (holdLoads) {
            CompletableFuture<Snapshot> answer = new CompletableFuture<>();
            heldLoads.add(answer);
            heldProgress.add(progress);
            if (!readAlready.isEmpty()) {
                progress.page(readAlready, readAlready.size());
            }
            return answer;
        }
        progress.page(List.copyOf(groups), groups.size());
        return CompletableFuture.completedFuture(snapshot());
    }

    @Override
    public CompletableFuture<java.util.Optional<Snapshot>> savedCopy() {
        return copy;
    }

    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        created.add(draft);
        if (failNextCreate != null) {
            BackendException failure = failNextCreate;
            failNextCreate = null;
            return CompletableFuture.failedFuture(failure);
        }
        SecurityGroup group = new SecurityGroup("g-new-" + (++ids), "p", draft.name(), draft.description(),
                draft.stateful(), false, 1, draft.rules().stream().map(r -> r.withId(nextRuleId())).toList(),
                List.of(), Instant.EPOCH, Instant.EPOCH);
        groups.add(group);
        return CompletableFuture.completedFuture(group);
    }

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        plans.add(plan);
        if (failNextApply != null) {
            BackendException failure = failNextApply;
            failNextApply = null;
            return CompletableFuture.failedFuture(failure);
        }
        int at = indexOf(plan.group().id());
        if (at < 0) {
            return CompletableFuture.failedFuture(refusal(BackendException.Kind.NOT_FOUND, "SecurityGroupNotFound",
                    "The group does not exist (any more)."));
        }
        SecurityGroup group = groups.get(at);
        if (group.revision() != plan.group().revision()) {
            return CompletableFuture.failedFuture(refusal(BackendException.Kind.STALE,
                    "RevisionNumberConstraintFailed", "Someone else changed this group since you opened it."));
        }
        List<ApplyReport.Step> steps = new ArrayList<>();
        boolean failed = false;
        List<ChangePlan.Operation> operations = plan.operations();
        for (int i = 0; i < operations.size(); i++) {
            ChangePlan.Operation operation = operations.get(i);
            if (failed) {
                steps.add(new ApplyReport.Step(operation, Outcome.NOT_TRIED, null));
            } else if (i == failApplyAtStep) {
                steps.add(new ApplyReport.Step(operation, Outcome.FAILED, stepFailure));
                failed = true;
            } else {
                group = run(group, operation);
                steps.add(new ApplyReport.Step(operation, Outcome.APPLIED, null));
            }
        }
        failApplyAtStep = -1;
        groups.set(at, group);
        return CompletableFuture.completedFuture(new ApplyReport(group, steps, concurrentChange));
    }

    private SecurityGroup run(SecurityGroup group, ChangePlan.Operation operation) {
        long revision = group.revision() + 1;
        if (operation instanceof ChangePlan.UpdateGroup update) {
            return group.withNameAndDescription(update.update().name(), update.update().description(), revision,
                    Instant.EPOCH);
        }
        List<Rule> rules = new ArrayList<>(group.rules());
        if (operation instanceof ChangePlan.CreateRules create) {
            create.rules().forEach(r -> rules.add(r.withId(nextRuleId())));
        } else if (operation instanceof ChangePlan.DeleteRule delete) {
            rules.removeIf(r -> r.id().equals(delete.rule().id()));
        }
        return group.withRules(rules, revision, Instant.EPOCH);
    }

    @Override
    public CompletableFuture<Void> delete(GroupRef ref) {
        deleted.add(ref);
        if (failNextDelete != null) {
            BackendException failure = failNextDelete;
            failNextDelete = null;
            return CompletableFuture.failedFuture(failure);
        }
        List<String> users = ports.stream().filter(p -> p.uses(ref.id())).map(Port::label).toList();
        if (!users.isEmpty()) {
            return CompletableFuture.failedFuture(refusal(BackendException.Kind.CONFLICT, "SecurityGroupInUse",
                    "This group is still used by " + users.size() + " interface: " + String.join(", ", users)));
        }
        groups.removeIf(g -> g.id().equals(ref.id()));
        groups.replaceAll(g -> g.rules().stream().anyMatch(r -> ref.id().equals(r.remoteGroupId()))
                ? g.withRules(g.rules().stream().filter(r -> !ref.id().equals(r.remoteGroupId())).toList(),
                g.revision() + 1, Instant.EPOCH)
                : g);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        detached.add(port.label() + " - " + group.name());
        if (failNextDetach != null) {
            BackendException failure = failNextDetach;
            failNextDetach = null;
            return CompletableFuture.failedFuture(failure);
        }
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).id().equals(port.id())) {
                Port after = ports.get(i).withoutGroup(group.id());
                ports.set(i, after);
                return CompletableFuture.completedFuture(after);
            }
        }
        return CompletableFuture.failedFuture(refusal(BackendException.Kind.NOT_FOUND, "PortNotFound",
                "The interface " + port.label() + " does not exist (any more)."));
    }

    SecurityGroup group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private int indexOf(String id) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private String nextRuleId() {
        return "r-" + (++ids);
    }
}
