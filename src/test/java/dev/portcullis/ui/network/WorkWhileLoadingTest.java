package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the pages of a load are still coming, the rows in can be filtered, selected, opened and changed, new
 * groups created, and each carries the findings of its own checks; what was changed meanwhile survives the
 * load's answer, which may hold a group as it was before the change, or not hold it at all.
 */
class WorkWhileLoadingTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    /** The FX thread's and the worker's tasks, run when the test says. */
    private final Queue<Runnable> fx = new ArrayDeque<>();
    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, fx::add, worker::add);

    private void runAll() {
        while (!fx.isEmpty() || !worker.isEmpty()) {
            runQueued(fx);
            runQueued(worker);
        }
    }

    private static void runQueued(Queue<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.remove().run();
        }
    }

    private List<String> names() {
        return Fixtures.rowNames(vm);
    }

    private GroupRow row(String name) {
        return vm.customGroups().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** A load held open with its first page (the default group and the public web group) on screen. */
    private Snapshot firstPageShown() {
        backend.holdLoads = true;
        Snapshot before = backend.snapshot();
        vm.refresh();
        backend.heldProgress.get(0).page(List.of(backend.groups.get(0), backend.groups.get(1)), 2);
        runAll();
        assertThat(vm.partialProperty().get()).isTrue();
        return before;
    }

    @Test
    void theRowsInCanBeChangedAndNewGroupsCreatedButNoneDeletedUntilWhatUsesThemIsKnown() {
        firstPageShown();

        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.readOnlyReasonProperty().get()).isEmpty();
        GroupRow web = row("web-server-public");
        assertThat(web.deletable()).isFalse();
        assertThat(web.deleteBlockedReason()).isEqualTo("Still loading: \"web-server-public\" can be deleted once every"
                + " group and interface is in, so that what uses it is known.");

        vm.delete(web);
        assertThat(backend.deleted).isEmpty();
        assertThat(vm.failureProperty().get().message()).startsWith("Still loading");

        vm.filterTextProperty().set("web");
        assertThat(vm.customGroups()).extracting(GroupRow::name).containsExactly("web-server-public");
        vm.selectedProperty().set(web);
        assertThat(vm.detailsProperty().get().row().id()).isEqualTo(Fixtures.WEB);
        assertThat(vm.editRequest(web).original()).hasValue(backend.groups.get(1));
    }

    @Test
    void aGroupCreatedWhileLoadingIsShownSelectedAndStaysWhenTheAnswerDoesNotHoldIt() {
        Snapshot readBeforeTheCreate = firstPageShown();

        vm.save(vm.newGroupRequest(), GroupDraft.newGroup("app-tier", "The application servers"));
        runAll();

        assertThat(backend.created).hasSize(1);
        assertThat(names()).containsExactly("default", "web-server-public", "app-tier");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("app-tier");
        assertThat(vm.partialProperty().get()).isTrue();

        backend.heldLoads.get(0).complete(readBeforeTheCreate); // the streams had passed its place in the list
        runAll();

        assertThat(vm.partialProperty().get()).isFalse();
        assertThat(names()).containsExactly("default", "web-server-public", "db-internal", "app-tier");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("app-tier");
        assertThat(vm.changedOnServer()).as("the user's own change is not news to them").isEmpty();
        assertThat(vm.countsProperty().get()).isEqualTo("4 security groups · 2 interfaces");
    }

    @Test
    void aGroupChangedWhileLoadingKeepsTheChangeWhenTheAnswerHoldsItAsItWasBefore() {
        Snapshot readBeforeTheChange = firstPageShown();
        GroupEditRequest request = vm.editRequest(row("web-server-public"));
        SecurityGroup web = request.original().orElseThrow();

        vm.save(request, new GroupDraft("web-public", web.description(), true, web.rules()));
        runAll();
        assertThat(names()).containsExactly("default", "web-public");

        backend.heldLoads.get(0).complete(readBeforeTheChange);
        runAll();

        assertThat(names()).containsExactly("default", "web-public", "db-internal");
        assertThat(row("web-public").group().revision()).isEqualTo(web.revision() + 1);
        assertThat(vm.changedOnServer()).isEmpty();
    }

    @Test
    void aChangeThatWorksAfterTheAnswerWasMadeReadyIsAppliedToIt() {
        Snapshot readBeforeTheCreate = firstPageShown();
        backend.heldLoads.get(0).complete(readBeforeTheCreate); // the answer is made ready on the worker...
        vm.save(vm.newGroupRequest(), GroupDraft.newGroup("app-tier", "")); // ...while the create's answer waits
        runQueued(worker);                                                  // for the FX thread, ahead of it
        assertThat(fx).hasSize(2);
        runAll();

        assertThat(vm.partialProperty().get()).isFalse();
        assertThat(names()).containsExactly("default", "web-server-public", "db-internal", "app-tier");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("app-tier");
    }

    @Test
    void theRowsInCarryTheFindingsOfTheirOwnChecksAndTheWholeReviewFollows() {
        backend.slowPages = true;
        firstPageShown();

        assertThat(vm.partRowsProperty().get()).isEqualTo(2);
        assertThat(row("web-server-public").worst()).isPresent();
        assertThat(vm.findingsProperty().get()).isNotEmpty()
                .extracting(Finding::groupId).contains(Fixtures.WEB).doesNotContain(Fixtures.DB);
        assertThat(vm.findingsProperty().get()).extracting(Finding::check)
                .as("the checks across groups wait for them all").doesNotContain("unused-group", "referenced-group");

        backend.heldProgress.get(0).page(List.of(backend.groups.get(2)), 3);
        runQueued(fx);
        runQueued(worker); // the rows, with the findings of those before while theirs are made
        runQueued(fx);
        assertThat(row("web-server-public").worst()).isPresent();

        backend.heldLoads.get(0).complete(backend.snapshot());
        runAll();
        assertThat(vm.partRowsProperty().get()).isZero();
        assertThat(vm.findingsProperty().get()).extracting(Finding::check).contains("referenced-group");
    }

    @Test
    void aLoadThatAnswersAtOnceIsReviewedOnceWhole() {
        vm.refresh(); // the fake answers with its pages and the whole project at once
        runAll();

        assertThat(vm.partialProperty().get()).isFalse();
        assertThat(vm.findingsProperty().get()).extracting(Finding::check).contains("referenced-group");
    }

    @Test
    void theRowsOfAFileStillBeingReadAreNotReviewedBeforeTheWholeOfIt() {
        firstPageShown(); // a file's pages: the CPU its read needs is not spent on reviewing them twice

        assertThat(vm.findingsProperty().get()).isNull();
        assertThat(row("web-server-public").worst()).isEmpty();
    }
}
