package dev.portcullis.ui.network;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.groupeditor.CloneRequest;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The changes the view sends to the backend (create, save, delete, remove from an interface) and what their
 * answers do: a change that worked is shown at once, one that did not becomes a setback for the user (the
 * dialog again, a conflict, a failure), and a refusal that says the view is out of date loads it again.
 */
final class GroupChanges {

    private final ViewContext context;
    private final Backend backend;
    private final StringProperty status;
    private final ShownProject shown;
    private final ProjectLoader loader;
    private final Setbacks setbacks;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(this, "changing", false);

    GroupChanges(ViewContext context, ShownProject shown, ProjectLoader loader, Setbacks setbacks) {
        this.context = context;
        backend = context.backend();
        status = context.status();
        this.shown = shown;
        this.loader = loader;
        this.setbacks = setbacks;
        changing.bind(running.greaterThan(0));
    }

    /**
     * Creates a group; when it fails, the dialog opens again on the draft with the reason. What the create
     * cannot carry is saved next, as an edit of the group made: a copy's rules that point at the group copied
     * (they point at the new group, whose id is known only now) and the tags. From then on the group exists: a
     * failure or a partial save opens the dialog on it, as any save's does, and it is never made a second time.
     */
    void create(GroupEditRequest request, GroupDraft draft) {
        GroupEditRequest typed = request.withDraft(draft);
        Optional<String> copied = request.copyOf().filter(source -> CloneRequest.selfRules(draft, source) > 0);
        GroupDraft first = copied.map(source -> CloneRequest.withoutSelfRules(draft, source)).orElse(draft);
        run("Creating \"" + draft.name() + "\"…", backend.create(first), (created, failed) -> {
            if (failed != null) {
                status.set("Could not create \"" + draft.name() + "\"");
                setbacks.reopen(typed.retry(Optional.empty(), Words.message(failed)));
                return;
            }
            loader.patch(now -> now.withGroup(created), () -> shown.list().select(created.id()));
            status.set("Created \"" + created.name() + "\"");
            if (copied.isPresent()) {
                GroupDraft rest = CloneRequest.retarget(draft, copied.get(), created.id());
                save(typed.madeAs(created, rest), rest);
            } else if (draft.changesTags(created)) {
                saveTags(typed.madeAs(created, draft), draft);
            }
        });
    }

    /**
     * Applies the plan from the group the dialog opened on to the draft. When it fails, the dialog opens
     * again; after a partial apply it opens on the group as it is afterwards, so the next plan holds only
     * what is left; after someone else changed the group first, the user is asked what to do.
     */
    void save(GroupEditRequest request, GroupDraft draft) {
        SecurityGroup original = request.original().orElseThrow();
        ChangePlan plan = ChangePlan.between(original, draft);
        if (plan.isEmpty() && draft.changesTags(original)) {
            saveTags(request, draft);
            return;
        }
        if (plan.isEmpty()) {
            status.set("Nothing to save: \"" + original.name() + "\" is unchanged");
            return;
        }
        GroupEditRequest typed = request.withDraft(draft);
        int steps = plan.operations().size();
        CompletableFuture<ApplyReport> applied = backend.apply(plan).thenCompose(report ->
                report.complete() && draft.changesTags(report.group())
                        ? backend.retag(report.group().ref(), draft.tags())
                                .thenApply(g -> new ApplyReport(g, report.steps(), null))
                        : CompletableFuture.completedFuture(report));
        run("Saving \"" + draft.name() + "\" (" + Words.plural(steps, "change") + ")…", applied,
                (report, failed) -> {
                    if (failed != null) {
                        status.set("Could not save \"" + original.name() + "\"");
                        if (failed instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                            loader.reload(true, now -> stale(typed, original, now));
                        } else {
                            setbacks.reopen(typed.retry(request.original(), Words.message(failed)));
                        }
                        return;
                    }
                    saved(typed, report);
                });
    }

    /** A save that changes only the group's tags. */
    private void saveTags(GroupEditRequest request, GroupDraft draft) {
        SecurityGroup original = request.original().orElseThrow();
        GroupEditRequest typed = request.withDraft(draft);
        run("Saving the tags of \"" + original.name() + "\"…", backend.retag(original.ref(), draft.tags()),
                (tagged, failed) -> {
                    if (failed == null) {
                        saved(typed, new ApplyReport(tagged, java.util.List.of(), null));
                    } else if (failed instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                        status.set("Could not save \"" + original.name() + "\"");
                        loader.reload(true, now -> stale(typed, original, now));
                    } else {
                        status.set("Could not save \"" + original.name() + "\"");
                        setbacks.reopen(typed.retry(request.original(), Words.message(failed)));
                    }
                });
    }

    /** A save refused as stale: the group is loaded again, and the user asked about what changed. */
    private void stale(GroupEditRequest typed, SecurityGroup original, GroupCatalog now) {
        Optional<SecurityGroup> fresh = now.row(original.id()).map(GroupRow::group);
        if (fresh.isPresent() && fresh.get().revision() != original.revision()) {
            setbacks.conflict(StaleConflict.of(typed, original, fresh.get(), typed.draft(), now::groupName));
        } else {
            setbacks.reopen(typed.retry(fresh.or(typed::original), Words.staleMessage(original)));
        }
    }

    private void saved(GroupEditRequest typed, ApplyReport report) {
        loader.patch(now -> now.withGroup(report.group()));
        if (report.complete()) {
            status.set("Saved \"" + report.group().name() + "\"");
            return;
        }
        boolean nothing = report.steps().stream().noneMatch(step -> step.outcome() == ApplyReport.Outcome.APPLIED);
        status.set(report.concurrent().isPresent() ? "Saved \"" + report.group().name() + "\", but someone else changed"
                + " it at the same time" : (nothing ? "Could not save \"" : "Saved part of \"") + report.group().name()
                + "\"");
        setbacks.reopen(typed.retry(Optional.of(report.group()),
                Words.partialMessage(report, shown.catalog()::groupName)));
    }

    /** Deletes a group; refused, with the reason, when the view is read-only or the group cannot go. */
    void delete(GroupRow row) {
        DeletePreview preview = shown.catalog().deletePreview(shown.current(row));
        String name = preview.group().name();
        if (!shown.editableProperty().get()) {
            setbacks.fail("\"" + name + "\" cannot be deleted now", shown.readOnlyReasonProperty().get());
            return;
        }
        if (!preview.deletable()) {
            setbacks.fail("\"" + name + "\" cannot be deleted", preview.reason());
            return;
        }
        Optional<String> neighbour = shown.list().neighbourOf(row.id());
        run("Deleting \"" + name + "\"…", backend.delete(preview.group().ref()), (done, failed) -> {
            if (failed != null) {
                refused("Could not delete \"" + name + "\"", failed);
                return;
            }
            loader.patch(now -> now.withoutGroup(preview.group().id()), () -> neighbour.ifPresent(shown.list()::select));
            int cascaded = preview.cascadingRules().size();
            status.set("Deleted \"" + name + "\"" + (cascaded == 0 ? ""
                    : " and " + Words.plural(cascaded, "rule") + " of other groups that pointed at it"));
            if (cascaded > 0) {
                loader.reload(true, loaded -> { }); // the groups that lost a rule have new revisions
            }
        });
    }

    /** Removes a group from an interface; refused, with the reason, when the view is read-only. */
    void detach(Port port, GroupRow row) {
        String name = row.name();
        if (!shown.editableProperty().get()) {
            setbacks.fail("\"" + name + "\" cannot be removed from " + port.label() + " now", shown.readOnlyReasonProperty().get());
            return;
        }
        run("Removing \"" + name + "\" from " + port.label() + "…", backend.detach(port.ref(), row.group().ref()),
                (after, failed) -> {
                    if (failed != null) {
                        refused("Could not remove \"" + name + "\" from " + port.label(), failed);
                        return;
                    }
                    loader.patch(now -> now.withPort(after));
                    status.set("Removed \"" + name + "\" from " + after.label());
                });
    }

    /** True while a change runs. */
    ReadOnlyBooleanProperty changingProperty() {
        return changing.getReadOnlyProperty();
    }

    /**
     * Runs a change: it counts as running until its answer has been taken in, follow-ups included (a create's
     * next save starts inside {@code done}), so that a window closing meanwhile waits for them too.
     */
    private <T> void run(String progress, CompletableFuture<T> work, BiConsumer<T, Throwable> done) {
        running.set(running.get() + 1);
        status.set(progress);
        work.whenCompleteAsync((value, failed) -> {
            try {
                done.accept(value, failed == null ? null : Words.unwrap(failed));
            } finally {
                running.set(running.get() - 1);
            }
        }, context.fx());
    }

    /**
     * A delete or detach refused: said in the status and a failure; when the refusal says the view is out
     * of date, it is loaded again so it shows the truth.
     */
    private void refused(String what, Throwable failed) {
        status.set(what);
        setbacks.fail(what, Words.message(failed));
        if (failed instanceof BackendException e && e.kind() != BackendException.Kind.INVALID
                && e.kind() != BackendException.Kind.FORBIDDEN && e.kind() != BackendException.Kind.QUOTA) {
            loader.reload(true, loaded -> { });
        }
    }
}
