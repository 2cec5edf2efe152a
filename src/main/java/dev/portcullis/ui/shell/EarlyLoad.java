package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The places, with the first one opened and loading before the window exists: the console starts the
 * project it will show while the toolkit starts and the window is built, so the data is there (or on its
 * way) by the time the window asks for it. The first {@link #open} of that place takes the backend opened
 * early, whose first {@code load} is the load already running; everything else is the places' own.
 */
final class EarlyLoad implements Places {

    private final Places places;
    private final Place first;
    private final CompletableFuture<Backend> opening;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** Starts opening and loading {@code first} on {@code worker} now. */
    EarlyLoad(Places places, Place first, Executor worker) {
        this.places = places;
        this.first = first;
        this.opening = CompletableFuture.supplyAsync(() -> new LoadingBackend(places.open(first)), worker);
    }

    @Override
    public List<Place> all() {
        return places.all();
    }

    @Override
    public List<String> problems() {
        return places.problems();
    }

    /** Called off the FX thread; for the first place, the first time, waits for the backend opened early. */
    @Override
    public Backend open(Place place) {
        if (!takeEarly(place)) {
            return places.open(place);
        }
        try {
            return opening.join();
        } catch (CompletionException e) {
            // as if the place had been opened now: its own failure, in its own words
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** For the first place, the first time: the opening started early, complete already if it is done. */
    @Override
    public CompletableFuture<Backend> open(Place place, Executor worker) {
        return takeEarly(place) ? opening : places.open(place, worker);
    }

    /** True once the first place is open and its first load has answered (a local file, read at once). */
    boolean loadedAlready() {
        return opening.isDone() && !opening.isCompletedExceptionally() && opening.join() instanceof LoadingBackend loading
                && loading.answered();
    }

    private boolean takeEarly(Place place) {
        return place.equals(first) && taken.compareAndSet(false, true);
    }

    /**
     * A backend whose first load started when it was made. Pages that arrive before anyone asks for the load
     * are kept and told to the listener of that first request, in order, before any later page.
     */
    static final class LoadingBackend implements Backend {

        private final Backend backend;
        private final PageRelay pages = new PageRelay();
        private final CompletableFuture<Snapshot> first;
        private CompletableFuture<Snapshot> running;

        LoadingBackend(Backend backend) {
            this.backend = backend;
            backend.savedCopy(); // read from disk now, to show while the first load comes
            this.first = backend.load(pages);
            first.whenComplete((loaded, failed) -> pages.ended());
            this.running = first;
        }

        /** True when the first load has answered (whether or not anyone asked for it yet). */
        boolean answered() {
            return first.isDone();
        }

        @Override
        public synchronized CompletableFuture<Snapshot> load(ProgressListener progress) {
            if (running == null) {
                return backend.load(progress);
            }
            CompletableFuture<Snapshot> started = running;
            running = null;
            // still loading: the pages so far, so that they can be shown while the rest comes (a loaded
            // project is shown whole instead)
            pages.listen(progress, started.isDone());
            return started;
        }

        @Override
        public boolean pagesComeSlowly() {
            return backend.pagesComeSlowly();
        }

        @Override
        public String describe() {
            return backend.describe();
        }

        @Override
        public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
            return backend.create(draft);
        }

        @Override
        public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
            return backend.apply(plan);
        }

        @Override
        public CompletableFuture<Void> delete(GroupRef group) {
            return backend.delete(group);
        }

        @Override
        public CompletableFuture<SecurityGroup> retag(GroupRef group, java.util.List<String> tags) {
            return backend.retag(group, tags);
        }

        @Override
        public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
            return backend.detach(port, group);
        }

        @Override
        public boolean sharesGroups() {
            return backend.sharesGroups();
        }

        @Override
        public CompletableFuture<java.util.List<dev.portcullis.domain.GroupShare>> shares() {
            return backend.shares();
        }

        @Override
        public CompletableFuture<dev.portcullis.domain.GroupShare> share(GroupRef group, String project) {
            return backend.share(group, project);
        }

        @Override
        public CompletableFuture<Void> unshare(dev.portcullis.domain.GroupShare share) {
            return backend.unshare(share);
        }

        @Override
        public CompletableFuture<Optional<dev.portcullis.domain.Quotas>> quotas() {
            return backend.quotas();
        }

        @Override
        public CompletableFuture<Port> attach(PortRef port, GroupRef group) {
            return backend.attach(port, group);
        }

        @Override
        public CompletableFuture<AddressGroup> createAddressGroup(AddressGroupDraft draft) {
            return backend.createAddressGroup(draft);
        }

        @Override
        public CompletableFuture<AddressGroup> updateAddressGroup(AddressGroup before, AddressGroupDraft draft) {
            return backend.updateAddressGroup(before, draft);
        }

        @Override
        public CompletableFuture<Void> deleteAddressGroup(AddressGroup group) {
            return backend.deleteAddressGroup(group);
        }

        @Override
        public CompletableFuture<Optional<Snapshot>> savedCopy() {
            return backend.savedCopy();
        }

        @Override
        public Optional<String> warning() {
            return backend.warning();
        }

        @Override
        public Optional<String> readOnly() {
            return backend.readOnly();
        }

        @Override
        public void close() {
            backend.close();
        }
    }
}
