package dev.portcullis.ui.network;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/** The view model on a cloud: loads overtaken, pages shown as they come, offline copies, server changes. */
class LiveProjectViewModelTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    /** Catalogs are built when the test says, as they would be on another thread. */
    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Runnable::run, worker::add);

    private void build() {
        while (!worker.isEmpty()) {
            worker.remove().run();
        }
    }

    private List<String> names() {
        return Fixtures.rowNames(vm);
    }

    @Test
    void aRefreshCancelsTheLoadStillRunningAndItsAnswerIsNeverShown() {
        backend.holdLoads = true;
        vm.refresh();
        vm.refresh();

        assertThat(backend.heldLoads.get(0)).isCancelled();
        backend.heldLoads.get(1).complete(backend.snapshot());
        build();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(names()).hasSize(3);
    }

    @Test
    void theFirstPageIsOnScreenWhileTheRestLoadsAndItsGroupsAreDeletedOnlyOnceAllIsIn() {
        backend.holdLoads = true;
        vm.refresh();
        assertThat(vm.editableProperty().get()).isFalse();

        backend.heldProgress.get(0).page(List.of(backend.groups.get(0), backend.groups.get(1)), 2);
        assertThat(vm.statusProperty().get()).isEqualTo("Loading security groups from Fake project…");
        assertThat(vm.stateProperty().get()).isEqualTo(State.LOADING); // the catalog is still being built
        build();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(names()).containsExactly("default", "web-server-public");
        assertThat(vm.partialProperty().get()).isTrue();
        assertThat(vm.countsProperty().get()).isEqualTo("2 security groups so far");
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.customGroups()).allSatisfy(row -> assertThat(row.deleteBlockedReason()).startsWith("Still loading"));
        assertThat(vm.customGroups()).allSatisfy(row -> assertThat(row.usedByText())
                .as("interfaces come with the whole load, not 'Not used'").isEqualTo("…"));

        backend.heldProgress.get(0).page(List.of(backend.groups.get(2)), 3);
        backend.heldLoads.get(0).complete(backend.snapshot());
        build();
        assertThat(vm.customGroups()).allSatisfy(row -> assertThat(row.interfacesKnown()).isTrue());
        assertThat(vm.customGroups()).extracting(GroupRow::usedByText).doesNotContain("…");
        assertThat(vm.customGroups()).allSatisfy(row -> assertThat(row.deleteBlockedReason())
                .as("what uses it is known now").contains("in use by the interface"));

        assertThat(names()).containsExactly("default", "web-server-public", "db-internal");
        assertThat(vm.partialProperty().get()).isFalse();
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.readOnlyReasonProperty().get()).isEmpty();
        assertThat(vm.countsProperty().get()).isEqualTo("3 security groups · 2 interfaces");
    }

    @Test
    void aLoadThatFailsAfterItsFirstPageShowsTheFailureNotHalfAProject() {
        backend.holdLoads = true;
        vm.refresh();
        backend.heldProgress.get(0).page(List.of(backend.groups.get(0)), 1);
        build();
        assertThat(names()).hasSize(1);

        backend.heldLoads.get(0).completeExceptionally(FakeBackend.refusal(BackendException.Kind.UNAVAILABLE,
                "ConnectionReset", "The connection to the cloud was lost."));
        build();

        assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(names()).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("The connection to the cloud was lost.");
    }

    @Test
    void anOfflineCopyIsShownReadOnlyWithTheReason() {
        backend.holdLoads = true;
        vm.refresh();
        backend.heldLoads.get(0).complete(backend.snapshot().asOffline("The cloud could not be reached."));
        build();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(vm.snapshotProperty().get().isOffline()).isTrue();
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.readOnlyReasonProperty().get()).startsWith("Offline: this is the copy saved when Fake project");
        assertThat(vm.statusProperty().get()).isEqualTo("Offline: showing the saved copy of Fake project");

        vm.delete(vm.customGroups().get(1));
        assertThat(backend.deleted).isEmpty();
        assertThat(vm.failureProperty().get().message()).startsWith("Offline:");
    }

    @Test
    void groupsChangedOnTheServerAreMarkedUntilSelected() {
        vm.refresh();
        build();
        assertThat(vm.changedOnServer()).isEmpty();

        SecurityGroup web = backend.group("web-server-public");
        backend.groups.set(1, web.withNameAndDescription(web.name(), "changed", web.revision() + 1, Instant.EPOCH));
        backend.groups.add(Fixtures.group("g-new", "cache", "", Fixtures.egress("c")));
        vm.autoRefresh();
        build();

        assertThat(vm.changedOnServer()).containsExactlyInAnyOrder("g-web", "g-new");
        vm.select("g-web");
        assertThat(vm.changedOnServer()).containsExactly("g-new");
        assertThat(vm.detailsProperty().get().revisionText()).startsWith("Revision " + (web.revision() + 1));

        vm.autoRefresh();
        build();
        assertThat(vm.changedOnServer()).containsExactly("g-new");
    }

    @Test
    void theSelectedGroupAndMyOwnChangesAreNotMarked() {
        vm.refresh();
        build();
        vm.select("g-web");
        SecurityGroup web = backend.group("web-server-public");
        backend.groups.set(1, web.withNameAndDescription(web.name(), "changed", web.revision() + 1, Instant.EPOCH));
        SecurityGroup db = backend.group("db-internal");

        vm.save(vm.editRequest(rowOf("db-internal")), new dev.portcullis.domain.GroupDraft("db-renamed",
                db.description(), true, db.rules()));
        build();
        vm.refresh();
        build();

        assertThat(vm.changedOnServer()).isEmpty();
    }

    private GroupRow rowOf(String name) {
        return vm.customGroups().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theTimerLeavesARunningLoadAlone() {
        backend.holdLoads = true;
        vm.refresh();
        vm.autoRefresh();

        assertThat(backend.loads).isEqualTo(1);
        assertThat(backend.heldLoads.get(0)).isNotCancelled();
        Snapshot snapshot = backend.snapshot();
        backend.heldLoads.get(0).complete(snapshot);
        build();
        vm.autoRefresh();
        assertThat(backend.loads).isEqualTo(2);
    }
}
