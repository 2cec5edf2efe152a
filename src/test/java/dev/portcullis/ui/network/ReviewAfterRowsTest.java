package dev.portcullis.ui.network;

import dev.portcullis.review.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review is made after the rows are shown, on the worker, and a load that brings nothing new keeps what is
 * shown: the view model on a fake backend, answers applied on the caller's thread.
 */
class ReviewAfterRowsTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final HeldWorker worker = new HeldWorker();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Runnable::run, worker);

    private GroupRow row(String name) {
        return vm.customGroups().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRefreshThatBringsNothingNewKeepsTheRowsAndTheirReview() {
        vm.refresh();
        GroupRow web = row("web-server-public");
        List<Finding> reviewed = vm.findingsProperty().get();
        int tasks = worker.ran();

        vm.autoRefresh();

        assertThat(row("web-server-public")).isSameAs(web);
        assertThat(vm.findingsProperty().get()).isSameAs(reviewed);
        assertThat(worker.ran()).isEqualTo(tasks + 1); // comparing what came with what is shown; no review
        assertThat(vm.statusProperty().get()).isEqualTo("Loaded 3 security groups");
    }

    @Test
    void aChangedProjectShowsTheFindingsBeforeUntilItsOwnReviewIsIn() {
        vm.refresh();
        List<Finding> before = vm.findingsProperty().get();
        backend.groups.add(Fixtures.group("g-new", "batch", "Nightly jobs", List.of(
                Fixtures.tcpIn("r-new", 22, 22, "0.0.0.0/0"))));

        worker.holdAfterNext(); // the catalog is built; its review waits
        vm.refresh();

        assertThat(vm.customGroups()).extracting(GroupRow::name).contains("batch");
        assertThat(vm.reviewingProperty().get()).isTrue();
        assertThat(vm.findingsProperty().get()).isSameAs(before);
        assertThat(row("web-server-public").worst()).isPresent(); // the badge does not blink out
        assertThat(row("batch").findings()).isEmpty(); // nothing known of it yet

        worker.release();

        assertThat(vm.reviewingProperty().get()).isFalse();
        assertThat(vm.findingsProperty().get()).isNotSameAs(before);
        assertThat(row("batch").findings()).isNotEmpty();
    }
}
