package dev.portcullis.ui.network;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.ui.groupeditor.CloneRequest;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.groupeditor.ProjectFacts;
import dev.portcullis.ui.groupeditor.InterfaceReach;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The Network Configuration view's state and commands: the project's groups split into the default
 * group(s) and the custom ones, a filter, the selected group's details, and create, save, delete and
 * "remove from interface". Every backend answer arrives through {@code fx}; a load overtaken by a newer
 * load or by a change is dropped. The work is done by its collaborators: {@link ProjectLoader} loads,
 * {@link ShownProject} holds what is shown and whether it may be changed, {@link GroupChanges} sends the
 * changes, {@link Setbacks} keeps what the user must be told, and {@link ChangeMarks} marks the groups
 * others changed.
 */
public final class NetworkConfigurationViewModel {

    /** What the view can show: nothing yet (loading), the groups, or why nothing could be loaded. */
    public enum State { LOADING, READY, FAILED }

    /** A change that did not happen, for the view to show in a dialog. */
    public record Failure(String title, String message) {
    }

    private final Backend backend;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ChangeMarks marks = new ChangeMarks();
    private final Setbacks setbacks = new Setbacks();
    private final ShownProject shown;
    private final ProjectLoader loader;
    private final GroupChanges changes;
    private final ProjectActions actions;

    /**
     * @param fx     where results are applied: the FX thread in the console, the caller's in tests
     * @param worker where catalogs (search indexes over every group) are built: never the FX thread
     */
    public NetworkConfigurationViewModel(Backend backend, Executor fx, Executor worker) {
        this(backend, fx, worker, ReviewSettings.defaults());
    }

    /** @param review the settings of the review whose findings the view shows (badges, Review view) */
    public NetworkConfigurationViewModel(Backend backend, Executor fx, Executor worker, ReviewSettings review) {
        this.backend = backend;
        shown = new ShownProject(backend::describe, backend::readOnly);
        ViewContext context = new ViewContext(backend, fx, worker, status, review);
        loader = new ProjectLoader(context, shown, marks);
        changes = new GroupChanges(context, shown, loader, setbacks);
        actions = new ProjectActions(new ProjectWrites(context, loader), new QuotaWatch(backend, fx, snapshotProperty()),
                new ShareWatch(backend, fx, snapshotProperty()), backend.sharesGroups());
        busy.bind(loader.loadingProperty().or(changes.changingProperty()));
        marks.follow(shown.list().selectedProperty());
    }

    /** The changes and facts of the project the other views use: address groups, interfaces, sharing, quotas. */
    public ProjectActions actions() {
        return actions;
    }

    // ---- loading -------------------------------------------------------------------------------------

    /**
     * Loads the project again; the groups shown stay until the new ones arrive. A load still running is
     * cancelled: its answer would be older than this one's.
     */
    public void refresh() {
        loader.refresh();
    }

    /**
     * The timer's refresh: skipped while a load or a change runs, which will show fresh data anyway. The
     * status bar goes on saying what it said until the answer is in, and an answer that brings nothing new
     * keeps the rows and their review as they are.
     */
    public void autoRefresh() {
        if (!busy.get()) {
            loader.refresh(true);
        }
    }

    /** Selects a group by id, if it is loaded. */
    public void select(String groupId) {
        shown.list().select(groupId);
    }

    /**
     * Shows a group and points out one of its rules (null: none) in its details, clearing the filter so
     * the group is listed: how a finding of the Review view leads here. False when the group is not loaded.
     */
    public boolean reveal(String groupId, String ruleId) {
        return shown.list().reveal(groupId, ruleId);
    }

    // ---- commands ------------------------------------------------------------------------------------

    /** What the group dialog opens on for a new group. */
    public GroupEditRequest newGroupRequest() {
        return GroupEditRequest.create(groups()).withFacts(facts());
    }

    /** What the group dialog opens on for a group, as it is now. */
    public GroupEditRequest editRequest(GroupRow row) {
        GroupRow now = shown.current(row);
        return GroupEditRequest.edit(now.group(), groups(), !now.interfacesKnown() ? InterfaceReach.UNKNOWN
                : InterfaceReach.of(now.interfaces().stream().map(dev.portcullis.domain.Port::label).toList()))
                .withFacts(facts());
    }

    /** "Copy to new…": the create dialog on a copy of the group, under a name no group has. */
    public GroupEditRequest copyRequest(GroupRow row) {
        return CloneRequest.of(shown.current(row).group(), groups()).withFacts(facts());
    }

    /** The project's address groups and quota usage, for the dialog. */
    private ProjectFacts facts() {
        GroupCatalog catalog = shown.catalog();
        return new ProjectFacts(catalog.isEmpty() ? List.of() : catalog.snapshot().addressGroups(),
                actions.quotasProperty().get());
    }

    private List<SecurityGroup> groups() {
        GroupCatalog catalog = shown.catalog();
        return catalog.isEmpty() ? List.of() : catalog.snapshot().groups();
    }

    /**
     * Saves what the dialog returned: creates a new group, or applies the plan from the group the dialog
     * opened on to the draft. When it fails, {@link #reopenRequestProperty()} asks for the dialog again
     * with the draft and the reason; after a partial apply it opens on the group as it is afterwards, so
     * the next plan holds only what is left.
     */
    public void save(GroupEditRequest request, GroupDraft draft) {
        if (request.isNew()) {
            changes.create(request, draft);
        } else {
            changes.save(request, draft);
        }
    }

    /** What deleting a group would do: the interfaces that stop it, the rules of other groups that go too. */
    public DeletePreview deletePreview(GroupRow row) {
        return shown.catalog().deletePreview(shown.current(row));
    }

    /** Deletes a group; refused here, with the reason, while interfaces use it or when it is the default. */
    public void delete(GroupRow row) {
        changes.delete(row);
    }

    /** Removes a group from an interface ("Remove from interface"). */
    public void detach(Port port, GroupRow row) {
        changes.detach(port, row);
    }

    /** The view has opened the dialog again; the request is cleared. */
    public void reopenHandled() {
        setbacks.reopenHandled();
    }

    /** The view has asked the user about a conflict; it is cleared. */
    public void conflictHandled() {
        setbacks.conflictHandled();
    }

    /** The view has shown the failure; it is cleared. */
    public void failureShown() {
        setbacks.failureShown();
    }

    // ---- properties ----------------------------------------------------------------------------------

    /**
     * A count that grows whenever a change ends in something the user must see: compare it before and
     * after a change to know whether it went through (closing the window waits on this).
     */
    public long setbacks() {
        return setbacks.count();
    }

    public String backendName() {
        return backend.describe();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return shown.stateProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loader.loadingProperty();
    }

    /** True while a load or a change runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while a create, save, delete or detach runs. */
    public ReadOnlyBooleanProperty changingProperty() {
        return changes.changingProperty();
    }

    /** What is happening or last happened, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last load failed, in words; null after a load that worked. */
    public ReadOnlyStringProperty errorProperty() {
        return loader.errorProperty();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return shown.snapshotProperty();
    }

    /** {@code 3 security groups · 2 interfaces}. */
    public ReadOnlyStringProperty countsProperty() {
        return shown.countsProperty();
    }

    /** The default group(s) that match the filter. */
    public ObservableList<GroupRow> defaultGroups() {
        return shown.list().defaults();
    }

    /** The custom groups that match the filter, in {@link #customOrderProperty()}'s order. */
    public ObservableList<GroupRow> customGroups() {
        return shown.list().customs();
    }

    /** How the custom groups are sorted (the table binds its comparator here); null: as loaded. */
    public ObjectProperty<Comparator<? super GroupRow>> customOrderProperty() {
        return shown.list().customOrderProperty();
    }

    /** How many custom groups there are, filter or not (0: the empty state). */
    public ReadOnlyIntegerProperty customTotalProperty() {
        return shown.list().customTotalProperty();
    }

    public StringProperty filterTextProperty() {
        return shown.list().filterTextProperty();
    }

    /** How many groups match, {@code 2 of 1005}, while a filter is typed; empty otherwise. */
    public ReadOnlyStringProperty filterSummaryProperty() {
        return shown.list().filterSummaryProperty();
    }

    /** The selected group; the view sets it, and a reload keeps it by id. */
    public ObjectProperty<GroupRow> selectedProperty() {
        return shown.list().selectedProperty();
    }

    public ReadOnlyObjectProperty<GroupDetails> detailsProperty() {
        return shown.list().detailsProperty();
    }

    /** The id of the rule the details point out (see {@link #reveal}); null for none. */
    public ReadOnlyObjectProperty<String> shownRuleProperty() {
        return shown.list().shownRuleProperty();
    }

    /**
     * The review of the project shown, made off the FX thread after its rows are shown: project-wide findings
     * first, then by group and rule. Null while there is none: nothing loaded yet, a load's first pages, or the
     * first review still being made ({@link #reviewingProperty()}); while a later one is made, the one before
     * stays.
     */
    public ReadOnlyObjectProperty<List<Finding>> findingsProperty() {
        return shown.findingsProperty();
    }

    /** True while the project shown is being reviewed, off the FX thread, after its rows are on screen. */
    public ReadOnlyBooleanProperty reviewingProperty() {
        return shown.reviewingProperty();
    }

    /** Set when a save failed: the dialog should open again on this request (draft and reason included). */
    public ReadOnlyObjectProperty<GroupEditRequest> reopenRequestProperty() {
        return setbacks.reopenRequestProperty();
    }

    /** Set when a save was refused because someone else changed the group first: what to ask the user. */
    public ReadOnlyObjectProperty<StaleConflict> conflictProperty() {
        return setbacks.conflictProperty();
    }

    /**
     * The place's saved copy while it is shown in place of the live project, the first live load still on its
     * way (read-only); null otherwise. The live pages replace it as they come.
     */
    public ReadOnlyObjectProperty<Snapshot> copyProperty() {
        return shown.copyProperty();
    }

    /** True while the first rows of a load are shown and the rest still loads. */
    public ReadOnlyBooleanProperty partialProperty() {
        return shown.partialProperty();
    }

    /**
     * How many groups are shown while the rest still loads (what their findings, each group's own checks, are
     * of); 0 when the whole project is shown, or nothing.
     */
    public ReadOnlyIntegerProperty partRowsProperty() {
        return shown.partRowsProperty();
    }

    /**
     * True when groups may be created and changed: live groups, the whole project or the first rows of a load
     * still running (a group is deleted only once what uses it is known: {@link GroupRow#deletable()}).
     */
    public ReadOnlyBooleanProperty editableProperty() {
        return shown.editableProperty();
    }

    /** Why nothing can be changed now, in words; empty when {@link #editableProperty()} is true. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return shown.readOnlyReasonProperty();
    }

    /** The ids of the groups changed on the server since the user last looked at them. */
    public ObservableSet<String> changedOnServer() {
        return marks.marked();
    }

    /** Set when a delete or "remove from interface" did not happen: what to tell the user. */
    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return setbacks.failureProperty();
    }
}
