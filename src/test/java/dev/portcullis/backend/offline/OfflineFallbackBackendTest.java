package dev.portcullis.backend.offline;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflineFallbackBackendTest {

    @TempDir
    Path dir;

    /** A live backend whose next load answers what the test says. */
    static final class Live implements Backend {
        CompletableFuture<Snapshot> next = new CompletableFuture<>();
        final List<CompletableFuture<Snapshot>> loads = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        boolean closed;

        @Override
        public String describe() {
            return "cloud prod";
        }

        @Override
        public CompletableFuture<Snapshot> load(ProgressListener progress) {
            loads.add(next);
            CompletableFuture<Snapshot> answer = next;
            next = new CompletableFuture<>();
            return answer;
        }

        @Override
        public CompletableFuture<SecurityGroup> create(GroupDraft draft) {
            calls.add("create " + draft.name());
            return CompletableFuture.failedFuture(new BackendException(Kind.UNAVAILABLE, "Down", "down"));
        }

        @Override
        public CompletableFuture<ApplyReport> apply(ChangePlan plan) {
            calls.add("apply " + plan.group().name());
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> delete(GroupRef group) {
            calls.add("delete " + group.name());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Port> detach(PortRef port, GroupRef group) {
            calls.add("detach " + group.name());
            return new CompletableFuture<>();
        }

        @Override
        public Optional<String> warning() {
            return Optional.of("TLS certificates are not checked for this cloud (verify: false)");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final Live live = new Live();
    private final SnapshotStore store = new SnapshotStore(dir(), Runnable::run);
    private final OfflineFallbackBackend backend = new OfflineFallbackBackend(live, "prod", store);

    private Path dir() {
        return dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir;
    }

    private static BackendException unreachable() {
        return new BackendException(Kind.UNAVAILABLE, "ConnectionRefused",
                "The cloud prod could not be reached at http://127.0.0.1:9 (connection refused).");
    }

    @Test
    void aLoadThatWorksIsAnsweredAndSaved() throws Exception {
        SnapshotStore inDir = new SnapshotStore(dir, Runnable::run);
        OfflineFallbackBackend remembering = new OfflineFallbackBackend(live, "prod", inDir);

        CompletableFuture<Snapshot> loaded = remembering.load(ProgressListener.NONE);
        live.loads.get(0).complete(SnapshotStoreTest.snapshot());

        assertThat(loaded.get(5, TimeUnit.SECONDS)).isEqualTo(SnapshotStoreTest.snapshot());
        assertThat(inDir.read("prod").get(5, TimeUnit.SECONDS)).hasValueSatisfying(s ->
                assertThat(s.groups()).isEqualTo(SnapshotStoreTest.snapshot().groups()));
    }

    @Test
    void anUnreachableCloudAnswersTheSavedCopyMarkedOfflineWithItsTime() throws Exception {
        OfflineFallbackBackend remembering = withSavedCopy();

        CompletableFuture<Snapshot> loaded = remembering.load(ProgressListener.NONE);
        live.loads.get(0).completeExceptionally(unreachable());

        Snapshot offline = loaded.get(5, TimeUnit.SECONDS);
        assertThat(offline.isOffline()).isTrue();
        assertThat(offline.offline()).isEqualTo(unreachable().getMessage());
        assertThat(offline.loadedAt()).isEqualTo(SnapshotStoreTest.LOADED);
        assertThat(offline.groups()).isEqualTo(SnapshotStoreTest.snapshot().groups());
    }

    /** A backend over {@link #live} for the cloud prod, whose copy was saved ({@link SnapshotStoreTest#snapshot()}). */
    private OfflineFallbackBackend withSavedCopy() throws Exception {
        SnapshotStore inDir = new SnapshotStore(dir, Runnable::run);
        inDir.save("prod", SnapshotStoreTest.snapshot()).get(5, TimeUnit.SECONDS);
        return new OfflineFallbackBackend(live, "prod", inDir);
    }

    @Test
    void theSavedCopyIsThereToShowBeforeTheLiveLoadAnswersAndIsReadOnce() throws Exception {
        OfflineFallbackBackend remembering = withSavedCopy();

        CompletableFuture<Snapshot> loading = remembering.load(ProgressListener.NONE);
        Optional<Snapshot> copy = remembering.savedCopy().get(5, TimeUnit.SECONDS);

        assertThat(loading).isNotDone();
        assertThat(copy).hasValueSatisfying(saved -> {
            assertThat(saved.groups()).isEqualTo(SnapshotStoreTest.snapshot().groups());
            assertThat(saved.loadedAt()).isEqualTo(SnapshotStoreTest.LOADED);
            assertThat(saved.isOffline()).as("a copy shown while refreshing is not an offline answer").isFalse();
        });
        assertThat(remembering.savedCopy()).isSameAs(remembering.savedCopy());
    }

    @Test
    void theCopyIsLetGoOnceALiveLoadWorkedAndIsThenReadAgainIfAsked() throws Exception {
        OfflineFallbackBackend remembering = withSavedCopy();
        CompletableFuture<Optional<Snapshot>> before = remembering.savedCopy();

        CompletableFuture<Snapshot> loading = remembering.load(ProgressListener.NONE);
        live.loads.get(0).complete(SnapshotStoreTest.snapshot());
        loading.get(5, TimeUnit.SECONDS);

        assertThat(remembering.savedCopy()).isNotSameAs(before);
        assertThat(remembering.savedCopy().get(5, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void aCloudNeverLoadedHereHasNoSavedCopy() throws Exception {
        OfflineFallbackBackend remembering = new OfflineFallbackBackend(live, "never", new SnapshotStore(dir, Runnable::run));

        assertThat(remembering.savedCopy().get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void anUnreachableCloudWithoutACopyFailsAsTheCloudDid() {
        SnapshotStore inDir = new SnapshotStore(dir, Runnable::run);
        OfflineFallbackBackend remembering = new OfflineFallbackBackend(live, "prod", inDir);

        CompletableFuture<Snapshot> loaded = remembering.load(ProgressListener.NONE);
        live.loads.get(0).completeExceptionally(unreachable());

        assertThatThrownBy(() -> loaded.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BackendException.class).hasMessageContaining("could not be reached");
    }

    @Test
    void otherFailuresAreNotHiddenBehindACopy() throws Exception {
        SnapshotStore inDir = new SnapshotStore(dir, Runnable::run);
        inDir.save("prod", SnapshotStoreTest.snapshot()).get(5, TimeUnit.SECONDS);
        OfflineFallbackBackend remembering = new OfflineFallbackBackend(live, "prod", inDir);

        CompletableFuture<Snapshot> loaded = remembering.load(ProgressListener.NONE);
        live.loads.get(0).completeExceptionally(new BackendException(Kind.FORBIDDEN, "Forbidden", "Not allowed."));

        assertThatThrownBy(() -> loaded.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(BackendException.class).hasMessage("Not allowed.");
    }

    @Test
    void cancellingTheLoadCancelsTheLiveRequest() {
        CompletableFuture<Snapshot> loaded = backend.load(ProgressListener.NONE);

        loaded.cancel(true);

        assertThat(live.loads.get(0)).isCancelled();
    }

    @Test
    void aChangeThatWorkedIsInTheCopyShownWhenTheCloudGoesAway() throws Exception {
        SnapshotStore inDir = new SnapshotStore(dir, Runnable::run);
        OfflineFallbackBackend remembering = new OfflineFallbackBackend(live, "prod", inDir);
        SecurityGroup unused = new SecurityGroup("3f1c2a9e-0000-4000-8000-000000000003", "p1", "old", "", true,
                false, 1, List.of(), List.of(), SnapshotStoreTest.LOADED, SnapshotStoreTest.LOADED);
        Snapshot twoGroups = SnapshotStoreTest.snapshot().withGroup(unused);
        remembering.load(ProgressListener.NONE);
        live.loads.get(0).complete(twoGroups);

        remembering.delete(unused.ref()).get(5, TimeUnit.SECONDS);
        CompletableFuture<Snapshot> offline = remembering.load(ProgressListener.NONE);
        live.loads.get(1).completeExceptionally(unreachable());

        assertThat(offline.get(5, TimeUnit.SECONDS).isOffline()).isTrue();
        assertThat(offline.get(5, TimeUnit.SECONDS).groups()).extracting(SecurityGroup::id)
                .containsExactly(SnapshotStoreTest.snapshot().groups().get(0).id());
        assertThat(offline.get(5, TimeUnit.SECONDS).loadedAt()).as("still the time of the load")
                .isEqualTo(SnapshotStoreTest.LOADED);
    }

    @Test
    void theSavedCopyAskedForAfterADeleteNoLongerHoldsTheGroup() throws Exception {
        SnapshotStore inDir = new SnapshotStore(dir, Runnable::run);
        OfflineFallbackBackend remembering = new OfflineFallbackBackend(live, "prod", inDir);
        SecurityGroup unused = new SecurityGroup("3f1c2a9e-0000-4000-8000-000000000004", "p1", "old", "", true,
                false, 1, List.of(), List.of(), SnapshotStoreTest.LOADED, SnapshotStoreTest.LOADED);
        remembering.load(ProgressListener.NONE);
        live.loads.get(0).complete(SnapshotStoreTest.snapshot().withGroup(unused));
        assertThat(remembering.savedCopy().get(5, TimeUnit.SECONDS).orElseThrow().groups()).contains(unused);

        remembering.delete(unused.ref()).get(5, TimeUnit.SECONDS);

        assertThat(remembering.savedCopy().get(5, TimeUnit.SECONDS).orElseThrow().groups())
                .extracting(SecurityGroup::id).doesNotContain(unused.id());
    }

    @Test
    void changesWarningsAndClosingGoToTheLiveBackend() throws Exception {
        backend.delete(new GroupRef("g", "web", 1)).get(5, TimeUnit.SECONDS);
        assertThat(backend.create(GroupDraft.newGroup("new", ""))).isCompletedExceptionally();
        backend.close();

        assertThat(live.calls).containsExactly("delete web", "create new");
        assertThat(backend.warning()).isEqualTo(live.warning());
        assertThat(backend.describe()).isEqualTo("cloud prod");
        assertThat(live.closed).isTrue();
        assertThat(Files.list(dir)).isEmpty();
    }
}
