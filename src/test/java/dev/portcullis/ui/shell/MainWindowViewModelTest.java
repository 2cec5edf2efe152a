package dev.portcullis.ui.shell;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class MainWindowViewModelTest {

    private final StubBackend backend = new StubBackend();
    private final NetworkConfigurationViewModel network = new NetworkConfigurationViewModel(backend, Runnable::run, Runnable::run);
    private final MainWindowViewModel vm = new MainWindowViewModel(backend.describe(), network);

    static Snapshot snapshotWith(String... names) {
        List<SecurityGroup> groups = java.util.Arrays.stream(names).map(n -> new SecurityGroup("id-" + n, "p", n, "",
                true, false, 1, GroupDraft.newGroup(n, "").rules(), List.of(), null, null)).toList();
        return new Snapshot(groups, List.of(), Instant.EPOCH);
    }

    @Test
    void saysWhichBackendIsShown() {
        assertThat(vm.title()).isEqualTo("Portcullis — Test project");
        assertThat(vm.backendName()).isEqualTo("Test project");
    }

    @Test
    void isBusyWhileLoadingThenCountsWhatItLoaded() {
        CompletableFuture<Snapshot> answer = backend.nextLoad;
        vm.load();

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Loading security groups from Test project…");
        assertThat(vm.countsProperty().get()).isEmpty();

        answer.complete(snapshotWith("default", "web"));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Loaded 2 security groups");
        assertThat(vm.countsProperty().get()).isEqualTo("2 security groups · 0 interfaces");
    }

    @Test
    void aFailureIsSaidInTheStatusBar() {
        CompletableFuture<Snapshot> answer = backend.nextLoad;
        vm.load();

        answer.completeExceptionally(new BackendException(BackendException.Kind.UNAVAILABLE, "FileUnreadable",
                "The workspace /x.json cannot be read."));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Could not load the security groups from Test project");
        assertThat(network.errorProperty().get()).isEqualTo("The workspace /x.json cannot be read.");
    }
}
