package dev.portcullis.ui.network;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups a load had read before anyone listened (the file named on the command line is read from the
 * console's launch) are on screen as the load starts, so that the window's first frame holds them; a page
 * that comes later is built on the worker, as before. The view model on a fake backend whose load is held.
 */
class FirstFrameRowsTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final HeldWorker worker = new HeldWorker();
    private final Queue<Runnable> fx = new ArrayDeque<>();
    private final NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, fx::add, worker);

    @Test
    void aScreenfulReadAlreadyIsShownAsTheLoadStartsWithoutWaitingForTheWorker() {
        backend.holdLoads = true;
        backend.readAlready = List.copyOf(backend.groups);
        worker.hold();

        vm.refresh();

        assertThat(vm.customGroups()).extracting(GroupRow::name).contains("web-server-public");
        assertThat(vm.partialProperty().get()).as("a part of the load, not the whole").isTrue();
        assertThat(worker.ran()).isZero();
    }

    @Test
    void pagesThatComeLaterAreBuiltOnTheWorker() {
        backend.holdLoads = true;
        worker.hold();

        vm.refresh();
        backend.heldProgress.get(0).page(List.copyOf(backend.groups), backend.groups.size());
        while (!fx.isEmpty()) {
            fx.poll().run();
        }

        assertThat(vm.customGroups()).isEmpty();
        worker.release();
        while (!fx.isEmpty()) {
            fx.poll().run();
        }
        assertThat(vm.customGroups()).extracting(GroupRow::name).contains("web-server-public");
    }
}
