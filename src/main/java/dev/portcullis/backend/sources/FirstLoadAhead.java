package dev.portcullis.backend.sources;

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

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A place's backend opened ahead of the window, with its first load already under way (the console starts
 * the project it will show while the toolkit starts): the {@link #backend()}'s first {@code load} is that
 * load, with the groups read so far; every later call is the backend's own.
 */
public final class FirstLoadAhead {

    private final LoadingBackend backend;

    private FirstLoadAhead(Backend backend) {
        this.backend = new LoadingBackend(backend);
    }

    /** Starts the first load of {@code backend} now, on the caller's thread (which the load leaves at once). */
    public static FirstLoadAhead start(Backend backend) {
        return new FirstLoadAhead(backend);
    }

    /** The backend, whose first load is the one started ahead. */
    public Backend backend() {
        return backend;
    }

    /** True when the first load has answered (whether or not anyone asked for it yet). */
    public boolean answered() {
        return backend.answered();
    }

    /**
     * A backend whose first load started when it was made. Pages that arrive before anyone asks for the load
     * are kept and told to the listener of that first request, in order, before any later page.
     */
    private static final class LoadingBackend implements Backend {

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
