package dev.portcullis.ui.shell;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class MainWindowViewModelTest {

    private final StubBackend backend = new StubBackend();
    private final MainWindowViewModel vm = new MainWindowViewModel(backend, Runnable::run);

    static Snapshot snapshotWith(String... names) {
        List<SecurityGroup> groups = java.util.Arrays.stream(names).map(n -> new SecurityGroup("id-" + n, "p", n, "",
                true, false, 1, GroupDraft.newGroup(n, "").rules(), List.of(), null, null)).toList();
        return new Snapshot(groups, List.of(), Instant.EPOCH);
    }

    @Test
    void isBusyWhileLoadingThenSaysWhatItLoaded() {
        CompletableFuture<Snapshot> answer = backend.nextLoad;
        vm.load();

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Loading Test project…");

        answer.complete(snapshotWith("default", "web"));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.snapshotProperty().get().groups()).hasSize(2);
        assertThat(vm.statusProperty().get()).isEqualTo("Test project: 2 security groups, 0 interfaces");
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void aFailureIsShownInWords() {
        CompletableFuture<Snapshot> answer = backend.nextLoad;
        vm.load();

        answer.completeExceptionally(new BackendException(BackendException.Kind.UNAVAILABLE, "FileUnreadable",
                "The workspace /x.json cannot be read."));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("The workspace /x.json cannot be read.");
        assertThat(vm.statusProperty().get()).isEqualTo("Could not load Test project");
    }

    @Test
    void anOlderLoadsAnswerIsDropped() {
        CompletableFuture<Snapshot> first = backend.nextLoad;
        vm.load();
        CompletableFuture<Snapshot> second = backend.nextLoad;
        vm.load();

        second.complete(snapshotWith("new"));
        first.complete(snapshotWith("old", "older"));

        assertThat(vm.snapshotProperty().get().groups()).extracting(SecurityGroup::name).containsExactly("new");
    }
}
