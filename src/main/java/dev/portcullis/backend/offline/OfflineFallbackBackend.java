package dev.portcullis.backend.offline;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/**
 * A cloud's backend that remembers: every load that works is saved to the {@link SnapshotStore} (without
 * the caller waiting for the disk), and a load that fails because the cloud cannot be reached answers the
 * saved copy instead, marked offline with the reason ({@link Snapshot#asOffline}). Any other failure, or
 * an unreachable cloud with no saved copy, fails as the live backend did. Changes always go to the live
 * backend: an offline copy is for reading. A change that worked is written into the saved copy as well,
 * so that going offline right after an edit never shows the group as it was before it.
 */
public final class OfflineFallbackBackend implements Backend {

    private static final System.Logger LOG = System.getLogger(OfflineFallbackBackend.class.getName());

    private final Backend live;
    private final String cloud;
    private final SnapshotStore store;
    /** The last live load with the changes made since; null before the first load worked. */
    private Snapshot saved;
    /**
     * The saved copy as read for {@link #savedCopy()}; null until asked, and again once a live load worked
     * (a copy of 10,000 groups is not kept in memory beside the live groups).
     */
    private CompletableFuture<Optional<Snapshot>> copy;

    /** @param cloud the name the snapshot is saved under (the cloud's name in clouds.yaml) */
    public OfflineFallbackBackend(Backend live, String cloud, SnapshotStore store) {
        this.live = live;
        this.cloud = cloud;
        this.store = store;
    }

    @Override
    public boolean pagesComeSlowly() {
        return live.pagesComeSlowly();
    }

    @Override
    public String describe() {
        return live.describe();
    }

    @Override
    public CompletableFuture<Snapshot> load(ProgressListener progress) {
        CompletableFuture<Snapshot> loading = live.load(progress);
        CompletableFuture<Snapshot> answer = loading.handle((snapshot, failed) -> {
            if (failed == null) {
                saveLoaded(snapshot);
                return CompletableFuture.completedFuture(snapshot);
            }
            Throwable cause = unwrap(failed);
            if (cause instanceof BackendException e && e.kind() == BackendException.Kind.UNAVAILABLE) {
                return store.read(cloud).<Snapshot>handle((saved, unreadable) -> {
                    if (saved == null || saved.isEmpty()) {
                        throw new CompletionException(e); // no copy to show: the cloud's own failure
                    }
                    return saved.get().asOffline(e.getMessage());
                });
            }
            return CompletableFuture.<Snapshot>failedFuture(cause);
        }).thenCompose(f -> f);
        // Cancelling the answer (a refresh overtaking this load) ends the request itself.
        answer.whenComplete((s, failed) -> {
            if (failed instanceof CancellationException) {
                loading.cancel(true);
            }
        });
        return answer;
    }

    /** The copy saved by the last load that worked, read once (on the store's thread) and kept. */
    @Override
    public synchronized CompletableFuture<Optional<Snapshot>> savedCopy() {
        if (copy == null) {
            copy = store.read(cloud).exceptionally(unreadable -> Optional.empty());
        }
        return copy;
    }

    @Override
    public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
        return live.create(draft).thenApply(created -> {
            save(current -> current.withGroup(created));
            return created;
        });
    }

    @Override
    public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
        return live.apply(plan).thenApply(report -> {
            save(current -> current.withGroup(report.group()));
            return report;
        });
    }

    @Override
    public CompletableFuture<SecurityGroup> retag(GroupRef group, java.util.List<String> tags) {
        return live.retag(group, tags).thenApply(tagged -> {
            save(current -> current.withGroup(tagged));
            return tagged;
        });
    }

    @Override
    public CompletableFuture<Void> delete(GroupRef group) {
        return live.delete(group).thenApply(done -> {
            save(current -> current.withoutGroup(group.id()));
            return done;
        });
    }

    @Override
    public CompletableFuture<AddressGroup> createAddressGroup(AddressGroupDraft draft) {
        return live.createAddressGroup(draft).thenApply(this::savedAddressGroup);
    }

    @Override
    public CompletableFuture<AddressGroup> updateAddressGroup(AddressGroup before, AddressGroupDraft draft) {
        return live.updateAddressGroup(before, draft).thenApply(this::savedAddressGroup);
    }

    @Override
    public CompletableFuture<Void> deleteAddressGroup(AddressGroup group) {
        return live.deleteAddressGroup(group).thenRun(() -> save(current -> current.withoutAddressGroup(group.id())));
    }

    private AddressGroup savedAddressGroup(AddressGroup after) {
        save(current -> current.withAddressGroup(after));
        return after;
    }

    @Override
    public boolean sharesGroups() {
        return live.sharesGroups();
    }

    @Override
    public CompletableFuture<java.util.List<dev.portcullis.domain.GroupShare>> shares() {
        return live.shares();
    }

    @Override
    public CompletableFuture<dev.portcullis.domain.GroupShare> share(GroupRef group, String project) {
        return live.share(group, project);
    }

    @Override
    public CompletableFuture<Void> unshare(dev.portcullis.domain.GroupShare share) {
        return live.unshare(share);
    }

    @Override
    public CompletableFuture<java.util.Optional<dev.portcullis.domain.Quotas>> quotas() {
        return live.quotas();
    }

    @Override
    public CompletableFuture<Port> attach(PortRef port, GroupRef group) {
        return live.attach(port, group).thenApply(after -> {
            save(current -> current.withPort(after));
            return after;
        });
    }

    @Override
    public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
        return live.detach(port, group).thenApply(after -> {
            save(current -> current.withPort(after));
            return after;
        });
    }

    private synchronized void saveLoaded(Snapshot loaded) {
        saved = loaded;
        copy = null;
        write(loaded);
    }

    /**
     * Writes a change that worked into the copy. Nothing is saved before a first load worked: there is no
     * whole project to save then, and the next load saves everything anyway.
     */
    private synchronized void save(UnaryOperator<Snapshot> change) {
        if (saved != null) {
            saved = change.apply(saved);
            write(saved);
            copy = null; // a copy read before this change no longer is the saved one
        }
    }

    /** The store writes in the order it is asked, off the caller's thread. */
    private void write(Snapshot snapshot) {
        store.save(cloud, snapshot).whenComplete((written, notSaved) -> {
            if (notSaved != null) {
                LOG.log(System.Logger.Level.WARNING, "The offline copy of " + cloud + " was not saved", notSaved);
            }
        });
    }

    @Override
    public Optional<String> warning() {
        return live.warning();
    }

    @Override
    public void close() {
        live.close();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
