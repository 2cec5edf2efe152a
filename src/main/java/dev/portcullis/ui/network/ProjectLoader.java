package dev.portcullis.ui.network;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.review.ReviewSettings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Brings the project onto the screen: loads it (page by page, the first pages shown while the rest comes),
 * and shows what a change here left without loading it all again. Each load or change gets a generation;
 * an answer from an older one is dropped, and a refresh cancels the load it overtakes. Rows come first: the
 * review of each catalog shown is made afterwards on the worker and handed to the view when it is in. A load
 * that brings back what is shown already (an auto-refresh of a file or workspace nobody changed) keeps the
 * catalog and its review instead of making them again.
 */
final class ProjectLoader {

    private final Backend backend;
    private final Executor fx;
    private final Executor worker;
    private final StringProperty status;
    private final ShownProject shown;
    private final ChangeMarks marks;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);
    /** The pages of the latest load, shown while it runs. */
    private PartialLoad pages;
    /** The backend's own future of the load running, to cancel when a refresh overtakes it. */
    private CompletableFuture<Snapshot> running;
    /**
     * The data as changes here have left it, ahead of the catalog shown while a new one is being built off
     * the FX thread: every change starts from this, so two changes close together never lose one.
     */
    private Snapshot latest;
    private long generation;
    /** The review's settings for each whole catalog. */
    private final ReviewSettings review;
    /** The catalog whose review is wanted: a review still waiting for the worker when another is shown is skipped. */
    private volatile GroupCatalog toReview;

    ProjectLoader(ViewContext context, ShownProject shown, ChangeMarks marks) {
        backend = context.backend();
        fx = context.fx();
        worker = context.worker();
        status = context.status();
        review = context.review();
        this.shown = shown;
        this.marks = marks;
    }

    /** Loads again, cancelling a load still running: its answer would be older than this one's. */
    void refresh() {
        refresh(false);
    }

    /**
     * As {@link #refresh()}; {@code background} (the timer's refresh, with the groups on screen) leaves the
     * status bar saying what it said until the answer is in.
     */
    void refresh(boolean background) {
        if (running != null && !running.isDone()) {
            running.cancel(true);
        }
        reload(false, background && !shown.catalog().isEmpty() && !shown.partialProperty().get()
                && !shown.showingCopy(), loaded -> { });
    }

    /**
     * Loads, then calls {@code then} on the FX thread with the catalog shown afterwards (even if it failed).
     * A quiet load, made to catch up after a change, leaves the status saying what the change did.
     */
    void reload(boolean quiet, Consumer<GroupCatalog> then) {
        reload(quiet, false, then);
    }

    private void reload(boolean quiet, boolean background, Consumer<GroupCatalog> then) {
        long current = ++generation;
        loading.set(true);
        shown.loading();
        if (!quiet && !background) {
            status.set("Loading security groups from " + backend.describe() + "…");
        }
        boolean nothingShown = shown.catalog().isEmpty();
        GroupCatalog before = shown.partialProperty().get() || shown.showingCopy() ? GroupCatalog.EMPTY : shown.catalog();
        PartialLoad load = new PartialLoad(shown, fx, worker, review, () -> current == generation && loading.get(),
                backend.pagesComeSlowly());
        pages = load;
        CompletableFuture<Snapshot> answer = backend.load(load);
        answer.whenComplete((whole, failed) -> load.ended()); // before any of its rows is shown: see PartialLoad
        load.showAtOnce();
        running = answer;
        if (nothingShown && !quiet) {
            showCopy(load);
        }
        answer.thenApplyAsync(whole -> {
            PartialLoad.Edited edited = load.withEdits(whole);
            return new Loaded(before.sameData(edited.snapshot()) ? before : new GroupCatalog(edited.snapshot()), edited);
        }, worker).whenCompleteAsync((loaded, failed) -> {
                    if (current == generation) {
                        answered(quiet, load, loaded, failed);
                    } // else overtaken: a newer load or a change decides what is shown
                    then.accept(shown.catalog());
                }, fx);
    }

    /** A load's whole answer, made ready on the worker, with the changes made here while it ran. */
    private record Loaded(GroupCatalog catalog, PartialLoad.Edited edited) {
    }

    /**
     * Shows the place's saved copy while its load is on its way, if it has one and it is read before any live
     * page is shown; the copy is what the live load's changes are marked against.
     */
    private void showCopy(PartialLoad pages) {
        backend.savedCopy().thenApplyAsync(copy -> copy.map(GroupCatalog::new).orElse(null), worker)
                .whenCompleteAsync((saved, failed) -> {
                    if (saved == null || !pages.nothingShownYet()) {
                        return; // no copy, an unreadable one, or live rows are here first
                    }
                    shown.showCopy(saved);
                    marks.baseline(saved.snapshot());
                    review(saved);
                }, fx);
    }

    private void answered(boolean quiet, PartialLoad load, Loaded answer, Throwable failed) {
        loading.set(false);
        if (pages == load) {
            pages = null; // what it kept is let go once the changes made meanwhile are taken below
        }
        List<Runnable> thens = load.thensNotRun();
        if (failed != null) {
            shown.dropPart();
            error.set(Words.message(failed));
            status.set("Could not load the security groups from " + backend.describe());
            shown.failed();
            return; // the changes made meanwhile are on the server: the next load shows them
        }
        GroupCatalog loaded = answer.catalog();
        error.set(null);
        show(loaded);
        Optional<UnaryOperator<Snapshot>> late = load.editsAfter(answer.edited());
        if (quiet) {
            marks.remember(loaded.snapshot());
        } else {
            GroupRow looking = shown.list().selectedProperty().get();
            String sinceCopy = marks.loaded(loaded.snapshot(), looking == null ? null : looking.id());
            answer.edited().ours().forEach(marks::looked); // the user's own changes are not news to them
            status.set(loaded.snapshot().isOffline()
                    ? "Offline: showing the saved copy of " + backend.describe()
                    : !sinceCopy.isEmpty() ? sinceCopy
                    : "Loaded " + Words.plural(loaded.snapshot().groups().size(), "security group"));
        }
        if (late.isPresent()) { // changes that worked after the answer was made ready: applied now, like any
            patch(late.get(), () -> thens.forEach(Runnable::run));
        } else {
            thens.forEach(Runnable::run);
        }
    }

    private void show(GroupCatalog next) {
        latest = next.snapshot();
        if (next == shown.catalog()) {
            return; // the same data as shown: rows, selection and review stay as they are
        }
        shown.show(next);
        if (next.review() == null) {
            review(next);
        }
    }

    /** Reviews a catalog on the worker, now that its rows are shown; the findings come back through {@code fx}. */
    private void review(GroupCatalog catalog) {
        toReview = catalog;
        CompletableFuture.supplyAsync(() -> toReview == catalog ? CatalogReview.of(catalog.snapshot(), review) : null,
                worker).whenCompleteAsync((done, failed) -> {
                    if (failed != null) {
                        if (shown.reviewFailed(catalog)) {
                            status.set("The review could not be made: " + Words.message(failed));
                        }
                    } else if (done != null) {
                        shown.reviewed(catalog, done);
                    } // else overtaken before it began: the catalog shown since has its own review
                }, fx);
    }

    /**
     * Shows a snapshot changed here after a change succeeded; a load that was running is overtaken. The
     * catalog is built on the worker; {@code then} runs on the FX thread once it is shown.
     */
    void patch(UnaryOperator<Snapshot> edit, Runnable then) {
        if (pages != null && pages.showing()) {
            pages.edit(edit, then); // the load still runs: its rows show the change, and so will its answer
            return;
        }
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

    void patch(UnaryOperator<Snapshot> edit) {
        patch(edit, () -> { });
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed, in words; null after a load that worked. */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
