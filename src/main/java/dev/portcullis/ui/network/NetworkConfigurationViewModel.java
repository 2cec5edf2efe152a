package dev.portcullis.ui.network;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Network Configuration view's state and commands: the project's groups split into the default
 * group(s) and the custom ones, a filter, the selected group's details, and create, save, delete and
 * "remove from interface". Every backend answer arrives through {@code fx}; a load overtaken by a newer
 * load or by a change is dropped.
 */
public final class NetworkConfigurationViewModel {

    /** What the view can show: nothing yet (loading), the groups, or why nothing could be loaded. */
    public enum State { LOADING, READY, FAILED }

    /** A change that did not happen, for the view to show in a dialog. */
    public record Failure(String title, String message) {
    }

    private final Backend backend;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyIntegerWrapper changesRunning = new ReadOnlyIntegerWrapper(this, "changesRunning", 0);
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(this, "changing", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", null);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");

    /** The rows, their order, the filter and the selection. */
    private final GroupListModel list = new GroupListModel();
    /** Sorted below the filter, so that typing in the filter never sorts again. */


    private final ReadOnlyObjectWrapper<GroupEditRequest> reopenRequest =
            new ReadOnlyObjectWrapper<>(this, "reopenRequest", null);
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>(this, "failure", null);
    private final ReadOnlyObjectWrapper<StaleConflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict", null);
    /** True while rows of a load still running are shown: the project is not all in yet. */
    private final ReadOnlyBooleanWrapper partial = new ReadOnlyBooleanWrapper(this, "partial", false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable", false);
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    private final ChangeMarks marks = new ChangeMarks();
    private final javafx.collections.ObservableSet<String> changedOnServer =
            javafx.collections.FXCollections.unmodifiableObservableSet(marks.marked());
    /** The backend's own future of the load running, to cancel when a refresh overtakes it. */
    private CompletableFuture<Snapshot> running;

    private GroupCatalog catalog = GroupCatalog.EMPTY;
    /**
     * The data as changes here have left it, ahead of {@link #catalog} while a new catalog is being built
     * off the FX thread: every change starts from this, so two changes close together never lose one.
     */
    private Snapshot latest;
    /** How many changes ended with something to show the user (a reopened dialog, an error). */
    private long setbacks;
    private final Executor worker;
    private long generation;

    /**
     * @param fx     where results are applied: the FX thread in the console, the caller's in tests
     * @param worker where catalogs (search indexes over every group) are built: never the FX thread
     */
    public NetworkConfigurationViewModel(Backend backend, Executor fx, Executor worker) {
        this.backend = backend;
        this.fx = fx;
        this.worker = worker;
        changing.bind(changesRunning.greaterThan(0));
        busy.bind(loading.or(changing));
        failure.addListener((obs, old, now) -> {
            if (now != null) {
                setbacks++;
            }
        });
        state.addListener((obs, old, now) -> updateEditable());
        partial.addListener((obs, old, now) -> updateEditable());
        snapshot.addListener((obs, old, now) -> updateEditable());
        list.selectedProperty().addListener((obs, old, row) -> {
            if (row != null) {
                marks.looked(row.id());
            }
        });
    }

    private void updateEditable() {
        Snapshot shown = snapshot.get();
        String reason = state.get() != State.READY ? "The security groups are not loaded yet."
                : partial.get() ? "Still loading: groups can be changed once all of them are in."
                : shown != null && shown.isOffline() ? "Offline: this is the copy saved when " + backend.describe()
                        + " was last reached, and it can only be read. Retry to connect again."
                : "";
        readOnlyReason.set(reason);
        editable.set(reason.isEmpty());
    }

    // ---- loading -------------------------------------------------------------------------------------

    /**
     * Loads the project again; the groups shown stay until the new ones arrive. A load still running is
     * cancelled: its answer would be older than this one's.
     */
    public void refresh() {
        if (running != null && !running.isDone()) {
            running.cancel(true);
        }
        reload(false, loaded -> { });
    }

    /** The timer's refresh: skipped while a load or a change runs, which will show fresh data anyway. */
    public void autoRefresh() {
        if (!busy.get()) {
            refresh();
        }
    }

    /**
     * Loads, then calls {@code then} on the FX thread with the catalog shown afterwards (even if it failed).
     * A quiet load, made to catch up after a change, leaves the status saying what the change did.
     */
    private void reload(boolean quiet, Consumer<GroupCatalog> then) {
        long current = ++generation;
        loading.set(true);
        if (catalog.isEmpty()) {
            state.set(State.LOADING);
        }
        if (!quiet) {
            status.set("Loading security groups from " + backend.describe() + "…");
        }
        PartialLoad pages = new PartialLoad(current);
        ProgressListener progress = (page, loadedSoFar) -> {
            pages.add(page);
            fx.execute(() -> {
                if (current == generation && !quiet) {
                    status.set("Loaded " + Words.plural(loadedSoFar, "security group") + " from "
                            + backend.describe() + " so far…");
                }
                pages.showIfNothingIs();
            });
        };
        CompletableFuture<Snapshot> load = backend.load(progress);
        running = load;
        load.thenApplyAsync(GroupCatalog::new, worker)
                .whenCompleteAsync((loaded, failed) -> {
                    if (current != generation) {
                        then.accept(catalog); // overtaken: a newer load or a change decides what is shown
                        return;
                    }
                    loading.set(false);
                    if (failed != null && partial.get()) {
                        partial.set(false); // part of a project is not shown as if it were all of it
                        catalog = GroupCatalog.EMPTY;
                        list.show(catalog);
                        snapshot.set(null);
                        counts.set("");
                    }
                    if (failed != null) {
                        error.set(Words.message(failed));
                        status.set("Could not load the security groups from " + backend.describe());
                        state.set(catalog.isEmpty() ? State.FAILED : State.READY);
                    } else {
                        error.set(null);
                        show(loaded);
                        if (quiet) {
                            marks.remember(loaded.snapshot());
                        } else {
                            GroupRow looking = list.selectedProperty().get();
                            marks.loaded(loaded.snapshot(), looking == null ? null : looking.id());
                            status.set(loaded.snapshot().isOffline()
                                    ? "Offline: showing the saved copy of " + backend.describe()
                                    : "Loaded " + Words.plural(loaded.snapshot().groups().size(), "security group"));
                        }
                    }
                    then.accept(catalog);
                }, fx);
    }

    /** Shows a catalog: rows replaced, the selection kept by id, any load still running dropped. */
    private void show(GroupCatalog next) {
        partial.set(false);
        catalog = next;
        latest = next.snapshot();
        snapshot.set(next.snapshot());
        counts.set(Words.plural(next.snapshot().groups().size(), "security group") + " · "
                + Words.plural(next.snapshot().ports().size(), "interface"));
        state.set(State.READY);
        list.show(next);
    }

    /**
     * Shows a snapshot changed here after a change succeeded; a load that was running is overtaken. The
     * catalog is built on the worker; {@code then} runs on the FX thread once it is shown.
     */
    private void patch(java.util.function.UnaryOperator<Snapshot> edit, Runnable then) {
        if (latest == null) {
            reload(true, loaded -> then.run()); // nothing was shown to change: load it all
            return;
        }
        Snapshot changed = edit.apply(latest);
        long current = ++generation;
        latest = changed;
        loading.set(false);
        CompletableFuture.supplyAsync(() -> new GroupCatalog(changed), worker).whenCompleteAsync((next, failed) -> {
            if (current != generation) {
                return;
            }
            if (failed != null) {
                reload(true, loaded -> then.run());
                return;
            }
            show(next);
            marks.remember(next.snapshot());
            then.run();
        }, fx);
    }

    /**
     * The pages of one load as they arrive (on the backend's threads). While nothing is on screen, what
     * has arrived is shown at once, its catalog built on the worker; one build at a time, the next one
     * taking every page that came meanwhile.
     */
    private final class PartialLoad {
        private final long load;
        private final List<SecurityGroup> groups = new java.util.ArrayList<>();
        private boolean building;

        PartialLoad(long load) {
            this.load = load;
        }

        synchronized void add(List<SecurityGroup> page) {
            groups.addAll(page);
        }

        private synchronized List<SecurityGroup> soFar() {
            return List.copyOf(groups);
        }

        /** On the FX thread. */
        void showIfNothingIs() {
            if (building || load != generation || !(catalog.isEmpty() || partial.get())) {
                return;
            }
            building = true;
            List<SecurityGroup> rows = soFar();
            CompletableFuture.supplyAsync(() -> new GroupCatalog(new Snapshot(rows, List.of(),
                    java.time.Instant.now())), worker).whenCompleteAsync((built, failed) -> {
                        building = false;
                        if (failed != null || load != generation || !loading.get()) {
                            return;
                        }
                        catalog = built;
                        list.show(built);
                        partial.set(true);
                        state.set(State.READY);
                        counts.set(Words.plural(rows.size(), "security group") + " so far");
                        if (soFar().size() > rows.size()) {
                            showIfNothingIs();
                        }
                    }, fx);
        }
    }

    private void patch(java.util.function.UnaryOperator<Snapshot> edit) {
        patch(edit, () -> { });
    }

    /** Selects a group by id, if it is loaded. */
    public void select(String groupId) {
        list.select(groupId);
    }

    // ---- commands ------------------------------------------------------------------------------------

    /** What the group dialog opens on for a new group. */
    public GroupEditRequest newGroupRequest() {
        return GroupEditRequest.create(groups());
    }

    /** What the group dialog opens on for a group, as it is now. */
    public GroupEditRequest editRequest(GroupRow row) {
        SecurityGroup current = catalog.row(row.id()).map(GroupRow::group).orElse(row.group());
        return GroupEditRequest.edit(current, groups());
    }

    private List<SecurityGroup> groups() {
        return catalog.isEmpty() ? List.of() : catalog.snapshot().groups();
    }

    /**
     * Saves what the dialog returned: creates a new group, or applies the plan from the group the dialog
     * opened on to the draft. When it fails, {@link #reopenRequestProperty()} asks for the dialog again
     * with the draft and the reason; after a partial apply it opens on the group as it is afterwards, so
     * the next plan holds only what is left.
     */
    public void save(GroupEditRequest request, GroupDraft draft) {
        GroupEditRequest typed = request.withDraft(draft);
        if (request.isNew()) {
            run("Creating \"" + draft.name() + "\"…", backend.create(draft), (created, failed) -> {
                if (failed != null) {
                    status.set("Could not create \"" + draft.name() + "\"");
                    reopen(typed.retry(Optional.empty(), Words.message(failed)));
                    return;
                }
                patch(now -> SnapshotEdits.withGroup(now, created), () -> select(created.id()));
                status.set("Created \"" + created.name() + "\"");
            });
            return;
        }
        SecurityGroup original = request.original().orElseThrow();
        ChangePlan plan = ChangePlan.between(original, draft);
        if (plan.isEmpty()) {
            status.set("Nothing to save: \"" + original.name() + "\" is unchanged");
            return;
        }
        int steps = plan.operations().size();
        run("Saving \"" + draft.name() + "\" (" + Words.plural(steps, "change") + ")…", backend.apply(plan),
                (report, failed) -> {
                    if (failed != null) {
                        status.set("Could not save \"" + original.name() + "\"");
                        if (failed instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                            reload(true, now -> {
                                Optional<SecurityGroup> fresh = now.row(original.id()).map(GroupRow::group);
                                if (fresh.isPresent() && fresh.get().revision() != original.revision()) {
                                    setbacks++;
                                    conflict.set(StaleConflict.of(typed, original, fresh.get(), draft,
                                            now::groupName));
                                } else {
                                    reopen(typed.retry(fresh.or(request::original), Words.staleMessage(original)));
                                }
                            });
                        } else {
                            reopen(typed.retry(request.original(), Words.message(failed)));
                        }
                        return;
                    }
                    patch(now -> SnapshotEdits.withGroup(now, report.group()));
                    if (report.complete()) {
                        status.set("Saved \"" + report.group().name() + "\"");
                    } else {
                        boolean nothing = report.steps().stream()
                                .noneMatch(step -> step.outcome() == ApplyReport.Outcome.APPLIED);
                        status.set((nothing ? "Could not save \"" : "Saved part of \"") + report.group().name() + "\"");
                        reopen(typed.retry(Optional.of(report.group()), Words.partialMessage(report, catalog::groupName)));
                    }
                });
    }

    /** What deleting a group would do: the interfaces that stop it, the rules of other groups that go too. */
    public DeletePreview deletePreview(GroupRow row) {
        return catalog.deletePreview(catalog.row(row.id()).orElse(row));
    }

    /** Deletes a group; refused here, with the reason, while interfaces use it or when it is the default. */
    public void delete(GroupRow row) {
        DeletePreview preview = deletePreview(row);
        String name = preview.group().name();
        if (!editable.get()) {
            failure.set(new Failure("\"" + name + "\" cannot be deleted now", readOnlyReason.get()));
            return;
        }
        if (!preview.deletable()) {
            failure.set(new Failure("\"" + name + "\" cannot be deleted", preview.reason()));
            return;
        }
        Optional<String> neighbour = list.neighbourOf(row.id());
        run("Deleting \"" + name + "\"…", backend.delete(preview.group().ref()), (done, failed) -> {
            if (failed != null) {
                status.set("Could not delete \"" + name + "\"");
                failure.set(new Failure("Could not delete \"" + name + "\"", Words.message(failed)));
                refreshAfter(failed);
                return;
            }
            patch(now -> SnapshotEdits.without(now, preview), () -> neighbour.ifPresent(this::select));
            int cascaded = preview.cascadingRules().size();
            status.set("Deleted \"" + name + "\"" + (cascaded == 0 ? ""
                    : " and " + Words.plural(cascaded, "rule") + " of other groups that pointed at it"));
            if (cascaded > 0) {
                reload(true, loaded -> { }); // the groups that lost a rule have new revisions
            }
        });
    }

    /** Removes a group from an interface ("Remove from interface"). */
    public void detach(Port port, GroupRow row) {
        String name = row.name();
        if (!editable.get()) {
            failure.set(new Failure("\"" + name + "\" cannot be removed from " + port.label() + " now",
                    readOnlyReason.get()));
            return;
        }
        run("Removing \"" + name + "\" from " + port.label() + "…", backend.detach(port.ref(), row.group().ref()),
                (after, failed) -> {
                    if (failed != null) {
                        status.set("Could not remove \"" + name + "\" from " + port.label());
                        failure.set(new Failure("Could not remove \"" + name + "\" from " + port.label(),
                                Words.message(failed)));
                        refreshAfter(failed);
                        return;
                    }
                    patch(now -> SnapshotEdits.withPort(now, after));
                    status.set("Removed \"" + name + "\" from " + after.label());
                });
    }

    /** The view has opened the dialog again; the request is cleared. */
    public void reopenHandled() {
        reopenRequest.set(null);
    }

    /** The view has asked the user about a conflict; it is cleared. */
    public void conflictHandled() {
        conflict.set(null);
    }

    /** The view has shown the failure; it is cleared. */
    public void failureShown() {
        failure.set(null);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private <T> void run(String progress, CompletableFuture<T> work, BiConsumer<T, Throwable> done) {
        changesRunning.set(changesRunning.get() + 1);
        status.set(progress);
        work.whenCompleteAsync((value, failed) -> {
            changesRunning.set(changesRunning.get() - 1);
            done.accept(value, failed == null ? null : Words.unwrap(failed));
        }, fx);
    }

    private void reopen(GroupEditRequest request) {
        setbacks++;
        reopenRequest.set(request);
    }

    /** After a refusal that says the view is out of date, load again so it shows the truth. */
    private void refreshAfter(Throwable failed) {
        if (failed instanceof BackendException e && e.kind() != BackendException.Kind.INVALID
                && e.kind() != BackendException.Kind.FORBIDDEN && e.kind() != BackendException.Kind.QUOTA) {
            reload(true, loaded -> { });
        }
    }

    // ---- properties ----------------------------------------------------------------------------------

    /**
     * A count that grows whenever a change ends in something the user must see: compare it before and
     * after a change to know whether it went through (closing the window waits on this).
     */
    public long setbacks() {
        return setbacks;
    }

    public String backendName() {
        return backend.describe();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while a load or a change runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while a create, save, delete or detach runs. */
    public ReadOnlyBooleanProperty changingProperty() {
        return changing.getReadOnlyProperty();
    }

    /** What is happening or last happened, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last load failed, in words; null after a load that worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** {@code 3 security groups · 2 interfaces}. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The default group(s) that match the filter. */
    public ObservableList<GroupRow> defaultGroups() {
        return list.defaults();
    }

    /** The custom groups that match the filter, in {@link #customOrderProperty()}'s order. */
    public ObservableList<GroupRow> customGroups() {
        return list.customs();
    }

    /** How the custom groups are sorted (the table binds its comparator here); null: as loaded. */
    public ObjectProperty<Comparator<? super GroupRow>> customOrderProperty() {
        return list.customOrderProperty();
    }

    /** How many custom groups there are, filter or not (0: the empty state). */
    public ReadOnlyIntegerProperty customTotalProperty() {
        return list.customTotalProperty();
    }

    public StringProperty filterTextProperty() {
        return list.filterTextProperty();
    }

    /** How many groups match, {@code 2 of 1005}, while a filter is typed; empty otherwise. */
    public ReadOnlyStringProperty filterSummaryProperty() {
        return list.filterSummaryProperty();
    }

    /** The selected group; the view sets it, and a reload keeps it by id. */
    public ObjectProperty<GroupRow> selectedProperty() {
        return list.selectedProperty();
    }

    public ReadOnlyObjectProperty<GroupDetails> detailsProperty() {
        return list.detailsProperty();
    }

    /** Set when a save failed: the dialog should open again on this request (draft and reason included). */
    public ReadOnlyObjectProperty<GroupEditRequest> reopenRequestProperty() {
        return reopenRequest.getReadOnlyProperty();
    }

    /** Set when a save was refused because someone else changed the group first: what to ask the user. */
    public ReadOnlyObjectProperty<StaleConflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** True while the first rows of a load are shown and the rest still loads. */
    public ReadOnlyBooleanProperty partialProperty() {
        return partial.getReadOnlyProperty();
    }

    /** True when groups may be created, changed and deleted: everything is loaded, and live. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Why nothing can be changed now, in words; empty when {@link #editableProperty()} is true. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /** The ids of the groups changed on the server since the user last looked at them. */
    public javafx.collections.ObservableSet<String> changedOnServer() {
        return changedOnServer;
    }

    /** Set when a delete or "remove from interface" did not happen: what to tell the user. */
    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
