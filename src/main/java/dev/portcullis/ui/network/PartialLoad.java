package dev.portcullis.ui.network;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The pages of one load as they arrive, shown while the rest comes: in the list's order, those read from its
 * start on top and those read from its end at the bottom, so that no row moves once shown. While they are on
 * screen the user may create and change groups: each change that worked is applied to the rows shown and kept,
 * to be applied to the whole project when it is in (the load may have read a group before it changed, or not
 * at all). Each group shown gets the findings of its own checks as soon as they are made; the checks across
 * groups and interfaces wait for the whole project.
 *
 * <p>Pages come on the backend's threads; everything else runs on the FX thread, but for the catalogs and the
 * reviews, which are made on the worker, one at a time, each taking every page that came meanwhile.
 */
final class PartialLoad implements ProgressListener {

    /** The most groups {@link #showAtOnce} shows on the FX thread: about a screenful, a catalog of a few ms. */
    private static final int AT_ONCE = 200;
    /** How many groups the worker reviews before it looks again whether the review is still wanted. */
    private static final int REVIEWED_AT_ONCE = 250;

    /** A change made while the load ran, and what to do once the rows show it. */
    private record Edit(UnaryOperator<Snapshot> change, Runnable then) {
    }

    /** The whole project with the changes made while it loaded; {@code ours}: the groups those changes made. */
    record Edited(Snapshot snapshot, int edits, Set<String> ours) {
    }

    private final ShownProject shown;
    private final Executor fx;
    private final Executor worker;
    private final ReviewSettings settings;
    /** True while this load is the latest and still running (on the FX thread). */
    private final BooleanSupplier current;
    /** Whether the rows shown get the findings of their own checks while the rest comes (a cloud's slow pages). */
    private final boolean reviewParts;

    /** Guarded by this: the groups from the list's start, those from its end (last first), the changes. */
    private final List<SecurityGroup> head = new ArrayList<>();
    private final List<SecurityGroup> tail = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    /** Guarded by this: grows with each page and each change. */
    private int version;

    /** On the FX thread: whether a catalog is being built, and the version shown. */
    private boolean building;
    private int shownVersion;
    /** On the FX thread: how many of {@link #edits} the rows show (their {@code then} has run). */
    private int editsShown;

    /** Set once the load has answered: a review of its rows still to be made is not (the whole one follows). */
    private volatile boolean ended;
    /** The rows last shown, for the worker to skip a review that other rows overtook. */
    private volatile GroupCatalog lastShown;

    /** Guarded by itself: each group reviewed so far, by id, with the findings of its own checks. */
    private final Map<String, Reviewed> reviewed = new HashMap<>();

    private record Reviewed(SecurityGroup group, List<Finding> findings) {
    }

    /**
     * @param reviewParts whether the rows shown are reviewed while the rest comes: for pages that come slowly (a
     *                    cloud), not for a file, whose load needs the CPU such a review would take
     */
    PartialLoad(ShownProject shown, Executor fx, Executor worker, ReviewSettings settings, BooleanSupplier current,
                boolean reviewParts) {
        this.reviewParts = reviewParts;
        this.shown = shown;
        this.fx = fx;
        this.worker = worker;
        this.settings = settings;
        this.current = current;
    }

    // ---- the backend's threads -------------------------------------------------------------------------

    @Override
    public void page(List<SecurityGroup> page, int loadedSoFar) {
        take(head, page);
    }

    @Override
    public void pageFromEnd(List<SecurityGroup> page, int loadedSoFar) {
        take(tail, page);
    }

    private void take(List<SecurityGroup> end, List<SecurityGroup> page) {
        synchronized (this) {
            end.addAll(page);
            version++;
        }
        fx.execute(this::showIfNothingIs);
    }

    /** The rows so far, in the list's order, with the changes made here, and the version they are. */
    private synchronized Part soFar() {
        List<SecurityGroup> rows = new ArrayList<>(head.size() + tail.size());
        rows.addAll(head);
        for (int i = tail.size() - 1; i >= 0; i--) {
            rows.add(tail.get(i));
        }
        Snapshot part = new Snapshot(rows, List.of(), Instant.now());
        for (Edit edit : edits) {
            part = edit.change().apply(part);
        }
        return new Part(part.groups(), version, edits.size());
    }

    /** How many pages and changes came so far: whether rows to show came since the last were built. */
    private synchronized int version() {
        return version;
    }

    private record Part(List<SecurityGroup> groups, int version, int edits) {
    }

    /**
     * For the worker, with the load's answer: the whole project with the changes made here so far. A change
     * made after this is applied on the FX thread ({@link #editsAfter}).
     */
    Edited withEdits(Snapshot loaded) {
        List<Edit> made;
        synchronized (this) {
            made = List.copyOf(edits);
        }
        if (made.isEmpty()) {
            return new Edited(loaded, 0, Set.of());
        }
        Snapshot edited = loaded;
        for (Edit edit : made) {
            edited = edit.change().apply(edited);
        }
        Map<String, SecurityGroup> read = new HashMap<>();
        loaded.groups().forEach(g -> read.put(g.id(), g));
        Set<String> ours = new HashSet<>();
        for (SecurityGroup group : edited.groups()) {
            if (read.get(group.id()) != group) {
                ours.add(group.id());
            }
        }
        return new Edited(edited, made.size(), ours);
    }

    /**
     * Any thread: the load has answered, or failed. Its groups' findings are let go (the whole review follows);
     * its pages stay for the rows still to be shown, until the loader lets go of this load.
     */
    void ended() {
        ended = true;
        synchronized (reviewed) {
            reviewed.clear();
        }
    }

    // ---- the FX thread ---------------------------------------------------------------------------------

    /**
     * As the load starts: the pages its backend had already (read before anyone listened, as the console's
     * first file is), when they are a screenful, shown now rather than built on the worker, so that the window's
     * first frame holds the first rows instead of a frame after its first layout.
     */
    void showAtOnce() {
        int rows = rowsSoFar(); // counted before any copy: a whole file read already is not copied on the FX thread
        if (rows == 0 || rows > AT_ONCE || !mayShowPart()) {
            return;
        }
        Part part = soFar();
        show(GroupCatalog.part(part.groups()), part);
    }

    private synchronized int rowsSoFar() {
        return head.size() + tail.size();
    }

    /** Whether a part of this load may be shown: no build under way, and nothing but a part or the copy on screen. */
    private boolean mayShowPart() {
        return !building && current.getAsBoolean()
                && (shown.catalog().isEmpty() || shown.partialProperty().get() || shown.showingCopy());
    }

    /** Whether none of this load's rows is shown or being built. */
    boolean nothingShownYet() {
        return current.getAsBoolean() && !building && shownVersion == 0 && shown.catalog().isEmpty();
    }

    /** Whether this load's rows are on screen while it runs: a change made now is kept here ({@link #edit}). */
    boolean showing() {
        return current.getAsBoolean() && shownVersion > 0 && shown.partialProperty().get();
    }

    /**
     * A change that worked while the rows of this load are on screen: shown in the rows at once, then
     * {@code then}; kept for the whole project when it is in.
     */
    void edit(UnaryOperator<Snapshot> change, Runnable then) {
        synchronized (this) {
            edits.add(new Edit(change, then));
            version++;
        }
        showIfNothingIs();
    }

    /** The changes the whole project {@code edited} does not hold yet, as one; empty when it holds them all. */
    Optional<UnaryOperator<Snapshot>> editsAfter(Edited edited) {
        List<Edit> late;
        synchronized (this) {
            late = List.copyOf(edits.subList(edited.edits(), edits.size()));
        }
        if (late.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(snapshot -> {
            Snapshot now = snapshot;
            for (Edit edit : late) {
                now = edit.change().apply(now);
            }
            return now;
        });
    }

    /** The {@code then} of the changes the rows have not shown yet, in order; they are not run here again. */
    List<Runnable> thensNotRun() {
        List<Runnable> waiting = new ArrayList<>();
        synchronized (this) {
            edits.subList(editsShown, edits.size()).forEach(e -> waiting.add(e.then()));
            editsShown = edits.size();
        }
        return waiting;
    }

    private void showIfNothingIs() {
        if (!mayShowPart() || version() == shownVersion) {
            return;
        }
        building = true;
        // the rows so far and their catalog are made on the worker: at 10,000 groups a copy is no FX-thread work
        CompletableFuture.supplyAsync(() -> {
            Part part = soFar();
            return new Built(GroupCatalog.part(part.groups()), part);
        }, worker).whenCompleteAsync((built, failed) -> {
            building = false;
            if (failed != null || !current.getAsBoolean()) {
                return;
            }
            show(built.catalog(), built.part());
            if (version() > built.part().version()) {
                showIfNothingIs();
            }
        }, fx);
    }

    private record Built(GroupCatalog catalog, Part part) {
    }

    private void show(GroupCatalog built, Part part) {
        shown.showPart(built, part.groups().size());
        lastShown = built;
        shownVersion = part.version();
        List<Runnable> thens = new ArrayList<>();
        synchronized (this) {
            edits.subList(editsShown, part.edits()).forEach(e -> thens.add(e.then()));
            editsShown = Math.max(editsShown, part.edits());
        }
        thens.forEach(Runnable::run);
        if (reviewParts) {
            review(built);
        }
    }

    /**
     * Each group's own checks, on the worker, for the groups of {@code part} not reviewed yet (or changed since);
     * the findings of every group shown go to the rows when they are in, unless other rows are shown by then.
     * Once the load has answered, nothing more is reviewed here: the whole project's review follows.
     */
    private void review(GroupCatalog part) {
        worker.execute(() -> {
            CatalogReview findings;
            synchronized (reviewed) {
                List<SecurityGroup> fresh = new ArrayList<>();
                for (SecurityGroup group : part.snapshot().groups()) {
                    Reviewed before = reviewed.get(group.id());
                    if (before == null || before.group() != group) {
                        fresh.add(group);
                    }
                }
                for (int from = 0; from < fresh.size(); from += REVIEWED_AT_ONCE) {
                    if (ended || part != lastShown) {
                        return; // the whole project, or other rows, are shown or on their way: their review follows
                    }
                    List<SecurityGroup> some = fresh.subList(from, Math.min(from + REVIEWED_AT_ONCE, fresh.size()));
                    Map<String, List<Finding>> found = new HashMap<>();
                    for (Finding finding : Review.ofEachGroup(some, settings)) {
                        found.computeIfAbsent(finding.groupId(), id -> new ArrayList<>()).add(finding);
                    }
                    some.forEach(g -> reviewed.put(g.id(), new Reviewed(g, List.copyOf(found.getOrDefault(g.id(),
                            List.of())))));
                }
                List<Finding> all = new ArrayList<>();
                Map<String, List<Finding>> byGroup = new HashMap<>();
                for (SecurityGroup group : part.snapshot().groups()) {
                    List<Finding> own = reviewed.get(group.id()).findings();
                    all.addAll(own);
                    if (!own.isEmpty()) {
                        byGroup.put(group.id(), own);
                    }
                }
                findings = new CatalogReview(Collections.unmodifiableList(all), byGroup);
            }
            fx.execute(() -> shown.reviewedPart(part, findings));
        });
    }
}
