package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.review.Finding;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the view shows of the project: the catalog on screen and its rows, whether it is all of the project
 * or the first pages of a load still running, and so whether it may be changed (not the saved copy shown while
 * the live groups come, not an offline copy; the rows of a load still running may, but for deleting, which
 * waits for the interfaces) and, when not, why.
 */
final class ShownProject {

    private final Supplier<String> backendName;
    /** Why the backend takes no changes at all (a file opened read-only); empty for most. */
    private final Supplier<Optional<String>> readOnly;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", null);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    /**
     * The review of the whole project shown; null while none is (nothing loaded, only the first pages, or the
     * first review still being made). While a newer one is made, the one before stays.
     */
    private final ReadOnlyObjectWrapper<List<Finding>> findings = new ReadOnlyObjectWrapper<>(this, "findings");
    /** True while the project shown is being reviewed (its rows are on screen; its findings are not yet). */
    private final ReadOnlyBooleanWrapper reviewing = new ReadOnlyBooleanWrapper(this, "reviewing", false);
    /** True while rows of a load still running are shown: the project is not all in yet. */
    private final ReadOnlyBooleanWrapper partial = new ReadOnlyBooleanWrapper(this, "partial", false);
    /** How many groups the rows of a load still running show; 0 while none are shown. */
    private final ReadOnlyIntegerWrapper partRows = new ReadOnlyIntegerWrapper(this, "partRows", 0);
    /**
     * The saved copy shown while the first live load is on its way (read-only, its age in the strip); null once
     * live pages, the live project or an offline copy replace it, and whenever no copy is shown.
     */
    private final ReadOnlyObjectWrapper<Snapshot> copy = new ReadOnlyObjectWrapper<>(this, "copy", null);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable", false);
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    /** The rows, their order, the filter and the selection. */
    private final GroupListModel list = new GroupListModel();
    private GroupCatalog catalog = GroupCatalog.EMPTY;
    /** The last review shown, whose findings stand in while the catalog shown since is reviewed; null for none. */
    private CatalogReview lastReview;
    /**
     * The review of each group's own checks in the rows of a load still running, which stands in while the next
     * rows, then the whole project, are reviewed; null when none is.
     */
    private CatalogReview partReview;

    ShownProject(Supplier<String> backendName, Supplier<Optional<String>> readOnly) {
        this.backendName = backendName;
        this.readOnly = readOnly;
        state.addListener((obs, old, now) -> updateEditable());
        partial.addListener((obs, old, now) -> updateEditable());
        snapshot.addListener((obs, old, now) -> updateEditable());
        copy.addListener((obs, old, now) -> updateEditable());
        updateEditable(); // the first load has not begun: say so from the start
    }

    private void updateEditable() {
        Snapshot shown = snapshot.get();
        String reason = state.get() != State.READY ? "The security groups are not loaded yet."
                : copy.get() != null ? "Refreshing from " + backendName.get()
                        + ": changes can be made once the live groups are in."
                : shown != null && shown.isOffline() ? "Offline: this is the copy saved when " + backendName.get()
                        + " was last reached, and it can only be read. Retry to connect again."
                : readOnly.get().orElse("");
        readOnlyReason.set(reason);
        editable.set(reason.isEmpty());
    }

    GroupCatalog catalog() {
        return catalog;
    }

    GroupListModel list() {
        return list;
    }

    /**
     * The whole project: rows replaced, the selection kept by id, the partial rows of a load dropped. Until
     * its own review is in ({@link #reviewed}), its rows show the findings of the review shown before, if
     * any (the same place, a moment ago), and {@link #reviewingProperty()} is true.
     */
    void show(GroupCatalog next) {
        copy.set(null);
        showWhole(next);
    }

    /**
     * The saved copy of the place, shown whole while its live load is on its way: read-only, until live pages
     * or the live project replace it ({@link #copyProperty()}).
     */
    void showCopy(GroupCatalog saved) {
        copy.set(saved.snapshot());
        showWhole(saved);
        counts.set(counts.get() + " (saved copy)");
    }

    private void showWhole(GroupCatalog next) {
        CatalogReview before = partial.get() ? partReview : lastReview;
        partial.set(false);
        partRows.set(0);
        partReview = null;
        catalog = next;
        if (next.review() == null && before != null) {
            next.findingsFrom(before);
        }
        snapshot.set(next.snapshot());
        counts.set(Words.plural(next.snapshot().groups().size(), "security group") + " · "
                + Words.plural(next.snapshot().ports().size(), "interface"));
        state.set(State.READY);
        list.show(next);
        reviewing.set(next.review() == null);
        findings.set(next.review() != null ? next.review().findings() : before != null ? before.findings() : null);
    }

    /**
     * On the FX thread: the review of {@code reviewed} is in. Dropped when another catalog is shown by now
     * (its own review follows); otherwise the rows get their findings and the tables, the details and the
     * Review view show them.
     */
    boolean reviewed(GroupCatalog reviewed, CatalogReview review) {
        if (reviewed != catalog) {
            return false;
        }
        reviewed.reviewed(review);
        lastReview = review;
        reviewing.set(false);
        findings.set(review.findings());
        list.reviewed();
        return true;
    }

    /** On the FX thread: the review of {@code reviewed} could not be made; the rows stay without findings. */
    boolean reviewFailed(GroupCatalog reviewed) {
        if (reviewed != catalog) {
            return false;
        }
        reviewing.set(false);
        return true;
    }

    /**
     * The first {@code rows} groups of a load still running, shown until the rest is in: groups may be created and
     * changed meanwhile, but not deleted (what uses them is not known yet). The rows keep the findings of the last
     * rows shown until their own are in ({@link #reviewedPart}).
     */
    void showPart(GroupCatalog part, int rows) {
        copy.set(null); // the live pages replace the copy: live rows and saved ones are never mixed
        if (!partial.get()) {
            partReview = null;
            findings.set(null);
        }
        catalog = part;
        if (partReview != null) {
            part.findingsFrom(partReview);
        }
        list.show(part);
        partial.set(true);
        partRows.set(rows);
        lastReview = null;
        reviewing.set(false);
        state.set(State.READY);
        counts.set(Words.plural(rows, "security group") + " so far");
    }

    /**
     * On the FX thread: each group's own checks in the rows of a load still running are in; dropped when other
     * rows are shown by now (their own follow).
     */
    void reviewedPart(GroupCatalog part, CatalogReview review) {
        if (part != catalog || !partial.get()) {
            return;
        }
        part.reviewed(review);
        partReview = review;
        findings.set(review.findings());
        list.reviewed();
    }

    /**
     * A load failed after its first pages, or with the saved copy on screen (for a reason other than an
     * unreachable cloud, which shows the copy offline): part of a project is not shown as if it were all of
     * it, nor a copy as if it were being refreshed.
     */
    void dropPart() {
        if (!partial.get() && copy.get() == null) {
            return;
        }
        partial.set(false);
        partRows.set(0);
        partReview = null;
        copy.set(null);
        catalog = GroupCatalog.EMPTY;
        list.show(catalog);
        findings.set(null);
        lastReview = null;
        reviewing.set(false);
        snapshot.set(null);
        counts.set("");
    }

    /** A load starts: only when nothing is on screen does the view show that it is loading. */
    void loading() {
        if (catalog.isEmpty()) {
            state.set(State.LOADING);
        }
    }

    /** A load failed: what is on screen stays, or the view shows the failure when nothing is. */
    void failed() {
        state.set(catalog.isEmpty() ? State.FAILED : State.READY);
    }

    /** The row of a group as the catalog shown has it, or the row given when it is gone from it. */
    GroupRow current(GroupRow row) {
        return catalog.row(row.id()).orElse(row);
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<Finding>> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty reviewingProperty() {
        return reviewing.getReadOnlyProperty();
    }

    ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Snapshot> copyProperty() {
        return copy.getReadOnlyProperty();
    }

    /** True while the saved copy is shown, waiting for the live load. */
    boolean showingCopy() {
        return copy.get() != null;
    }

    ReadOnlyBooleanProperty partialProperty() {
        return partial.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty partRowsProperty() {
        return partRows.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }
}
