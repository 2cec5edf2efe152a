package dev.portcullis.ui.network;

import dev.portcullis.ui.shell.Connection;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instant open: a place's saved copy is shown at once while its live load comes, read-only, and is replaced
 * by the live pages; what differs from the copy is marked and counted once the load is in.
 */
class CopyFirstViewModelTest {

    private static final Instant SAVED = Instant.parse("2026-12-04T10:00:00Z");
    private static final String OLD = "g-old";
    private static final String NEW = "g-added";

    private final FakeBackend backend = Fixtures.seededBackend();
    /** Catalogs are built when the test says ({@link #build()}), as they would be on another thread. */
    private final HeldWorker worker = new HeldWorker();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Runnable::run, worker);
    /** The copy: the seeded project and a group deleted on the server since. */
    private final Snapshot copy;
    /** The server now: web-server-public at another revision, the old group gone, a group added. */
    private final Snapshot live;

    CopyFirstViewModelTest() {
        List<SecurityGroup> saved = new ArrayList<>(Fixtures.seeded());
        saved.add(Fixtures.group(OLD, "old-group", "gone since", Fixtures.egress("r-o")));
        copy = new Snapshot(saved, Fixtures.seededPorts(), SAVED);
        List<SecurityGroup> now = new ArrayList<>(Fixtures.seeded());
        SecurityGroup web = now.get(1);
        now.set(1, web.withRules(web.rules(), web.revision() + 1, Instant.EPOCH));
        now.add(Fixtures.group(NEW, "added-group", "made since", Fixtures.egress("r-a")));
        live = new Snapshot(now, Fixtures.seededPorts(), Instant.now());
        backend.holdLoads = true;
        backend.copy = CompletableFuture.completedFuture(Optional.of(copy));
        worker.hold();
    }

    private void build() {
        worker.release();
        worker.hold();
    }

    private List<String> names() {
        return Fixtures.rowNames(vm);
    }

    @Test
    void theCopyIsShownAtOnceReadOnlyThenTheLivePagesReplaceItAndItsDifferencesAreMarked() {
        vm.refresh();
        build();

        assertThat(vm.copyProperty().get()).isEqualTo(copy);
        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(names()).containsExactly("default", "web-server-public", "db-internal", "old-group");
        assertThat(vm.countsProperty().get()).isEqualTo("4 security groups · 2 interfaces (saved copy)");
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.readOnlyReasonProperty().get())
                .isEqualTo("Refreshing from Fake project: changes can be made once the live groups are in.");
        assertThat(vm.changedOnServer()).isEmpty();

        backend.heldProgress.get(0).page(List.of(live.groups().get(0), live.groups().get(1)), 2);
        build();
        assertThat(vm.copyProperty().get()).as("live pages replace the copy, never mixed with it").isNull();
        assertThat(vm.partialProperty().get()).isTrue();
        assertThat(names()).containsExactly("default", "web-server-public");
        assertThat(vm.editableProperty().get()).as("live rows may be changed while the rest comes").isTrue();

        backend.heldLoads.get(0).complete(live);
        build();
        assertThat(names()).containsExactly("default", "web-server-public", "db-internal", "added-group");
        assertThat(vm.changedOnServer()).containsExactlyInAnyOrder(Fixtures.WEB, NEW);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Live groups in: 1 changed, 1 added, 1 gone since the copy");
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.readOnlyReasonProperty().get()).isEmpty();
    }

    @Test
    void aLoadAnsweredWholeReplacesTheCopyAndSaysWhenNothingChanged() {
        vm.refresh();
        build();
        backend.heldLoads.get(0).complete(new Snapshot(copy.groups(), copy.ports(), Instant.now()));
        build();

        assertThat(vm.copyProperty().get()).isNull();
        assertThat(vm.snapshotProperty().get().loadedAt()).isAfter(SAVED);
        assertThat(vm.changedOnServer()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Live groups in: nothing changed since the copy");
        assertThat(vm.countsProperty().get()).isEqualTo("4 security groups · 2 interfaces");
    }

    @Test
    void aCopyReadAfterTheFirstLivePageIsNeverShown() {
        CompletableFuture<Optional<Snapshot>> slowDisk = new CompletableFuture<>();
        backend.copy = slowDisk;
        vm.refresh();
        backend.heldProgress.get(0).page(List.of(live.groups().get(0)), 1);
        build();
        slowDisk.complete(Optional.of(copy));
        build();

        assertThat(vm.copyProperty().get()).isNull();
        assertThat(names()).containsExactly("default");
        assertThat(vm.partialProperty().get()).isTrue();
    }

    @Test
    void nothingCanBeChangedFromTheCopyAndTheBackendIsNotAsked() {
        vm.refresh();
        build();
        GroupRow old = vm.customGroups().stream().filter(r -> r.id().equals(OLD)).findFirst().orElseThrow();

        vm.delete(old);

        assertThat(vm.failureProperty().get().message())
                .isEqualTo("Refreshing from Fake project: changes can be made once the live groups are in.");
        assertThat(backend.deleted).isEmpty();
    }

    @Test
    void anUnreachableCloudLeavesTheCopyShownOfflineAsBefore() {
        vm.refresh();
        build();
        backend.heldLoads.get(0).complete(copy.asOffline("The cloud could not be reached."));
        build();

        assertThat(vm.copyProperty().get()).isNull();
        assertThat(vm.snapshotProperty().get().isOffline()).isTrue();
        assertThat(names()).hasSize(4);
        assertThat(vm.readOnlyReasonProperty().get()).startsWith("Offline:");
    }

    @Test
    void anotherFailureDropsTheCopyAndSaysWhy() {
        vm.refresh();
        build();
        backend.heldLoads.get(0).completeExceptionally(FakeBackend.refusal(BackendException.Kind.FORBIDDEN,
                "Unauthorized", "The password of cloud Fake project was refused."));
        build();

        assertThat(vm.copyProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(vm.errorProperty().get()).contains("password");
        assertThat(names()).isEmpty();
    }

    @Test
    void aLaterRefreshDoesNotShowTheCopyAgain() {
        vm.refresh();
        build();
        backend.heldLoads.get(0).complete(live);
        build();

        vm.refresh();
        build();

        assertThat(vm.copyProperty().get()).isNull();
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(names()).contains("added-group").doesNotContain("old-group");
    }

    @Test
    void theWindowSaysItIsConnectingWhileTheCopyIsShownAndConnectedOnceTheLiveGroupsAreIn() {
        dev.portcullis.ui.shell.MainWindowViewModel window =
                new dev.portcullis.ui.shell.MainWindowViewModel(backend.describe(), vm);
        vm.refresh();
        build();
        assertThat(window.connectionProperty().get())
                .isEqualTo(dev.portcullis.ui.shell.Connection.CONNECTING);

        backend.heldLoads.get(0).complete(live);
        build();
        assertThat(window.connectionProperty().get())
                .isEqualTo(dev.portcullis.ui.shell.Connection.CONNECTED);
    }
}
