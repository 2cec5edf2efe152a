package dev.portcullis.ui.compare;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.ui.compare.CompareViewModel.Kind;
import dev.portcullis.ui.compare.CompareViewModel.Line;
import dev.portcullis.ui.compare.CompareViewModel.Source;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class CompareViewModelTest {

    private static final Path FOLDER = Path.of("src/test/resources/dev/portcullis/review/traffic");

    private static Snapshot read(String name) {
        return new DefinitionFileIo().read(FOLDER.resolve(name)).snapshot();
    }

    private static Source file(String name) {
        return new Source(name, () -> CompletableFuture.completedFuture(read(name)));
    }

    private final List<Runnable> onWorker = new java.util.ArrayList<>();
    private final CompareViewModel vm = new CompareViewModel("Local workspace", read("project.json"), List.of(),
            Runnable::run, task -> {
                onWorker.add(task);
                task.run();
            });

    @Test
    void aSourceAlreadyReadIsComparedOnTheWorkerNotOnTheThreadThatAsked() {
        vm.compare(file("changed.json")); // its snapshot is read before the comparison is asked for

        assertThat(onWorker).hasSize(1);
        assertThat(vm.summaryProperty().get()).isNotEmpty();
    }

    @Test
    void saysPerGroupWhatIsOnlyOnOneSideAndADescriptionChangeAsSuch() {
        vm.compare(file("changed.json"));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo(
                "2 groups changed, 2 only in Local workspace, 1 only in changed.json, 0 the same.");
        assertThat(vm.lines()).contains(
                new Line(Kind.GROUP, "Group web"),
                new Line(Kind.ONLY_SHOWN, "Only in Local workspace: Ingress IPv4 TCP 443 from 198.51.100.0/24 "
                        + "(\u201cHTTPS from the office\u201d)"),
                new Line(Kind.DESCRIPTION, "Description changed: Ingress IPv4 TCP 22 from 0.0.0.0/0: \u201cSSH\u201d "
                        + "here, \u201cSSH for admins\u201d in changed.json"),
                new Line(Kind.GROUP, "Group db"),
                new Line(Kind.FIELD, "Its stateful is \u201ctrue\u201d here, \u201cfalse\u201d in changed.json"),
                new Line(Kind.ONLY_OTHER, "Group cache is only in changed.json (0 rules)"));
        assertThat(vm.lines()).filteredOn(l -> l.text().contains("TCP 22 from 0.0.0.0/0"))
                .as("a description change is neither a removal nor an addition").hasSize(1);
        assertThat(vm.lines()).filteredOn(l -> l.kind() == Kind.ONLY_OTHER && l.text().contains("8443")).hasSize(1);
    }

    @Test
    void theSameGroupsUnderOtherIdsAreTheSame() {
        vm.compare(file("same-other-ids.json"));

        assertThat(vm.summaryProperty().get()).isEqualTo(
                "Local workspace and same-other-ids.json hold the same groups (4 groups).");
        assertThat(vm.lines()).isEmpty();
    }

    @Test
    void saysWhyASourceCouldNotBeRead() {
        vm.compare(new Source("prod (loaded now)", () -> CompletableFuture.failedFuture(new BackendException(
                BackendException.Kind.UNAVAILABLE, null, "the cloud did not answer"))));

        assertThat(vm.errorProperty().get()).isEqualTo("prod (loaded now) could not be read: the cloud did not answer");
        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aSlowAnswerToAnEarlierQuestionIsIgnored() {
        CompletableFuture<Snapshot> slow = new CompletableFuture<>();
        vm.compare(new Source("slow", () -> slow));
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).isEqualTo("Reading slow…");

        vm.compare(file("same-other-ids.json"));
        slow.complete(read("changed.json"));

        assertThat(vm.summaryProperty().get()).startsWith("Local workspace and same-other-ids.json hold the same");
    }
}
