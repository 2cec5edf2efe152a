package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The place shown first, opened and loading before the window asks for it. */
class EarlyLoadTest {

    private final StubBackend backend = new StubBackend();
    private final List<Place> opened = new ArrayList<>();
    private final Places places = new Places() {
        @Override
        public List<Place> all() {
            return List.of(Place.WORKSPACE, Place.cloud("prod"));
        }

        @Override
        public Backend open(Place place) {
            opened.add(place);
            if (place.cloud()) {
                throw new BackendException(BackendException.Kind.INVALID, "CloudConfig", "prod has no auth_url");
            }
            return backend;
        }
    };

    @Test
    void theFirstPlaceIsOpenedAndLoadingBeforeAnyoneAsks() {
        new EarlyLoad(places, Place.WORKSPACE, Runnable::run);

        assertThat(opened).containsExactly(Place.WORKSPACE);
        assertThat(backend.loads).isEqualTo(1);
    }

    @Test
    void theFirstOpenTakesTheRunningLoadAndLaterOnesLoadAgain() {
        EarlyLoad early = new EarlyLoad(places, Place.WORKSPACE, Runnable::run);
        CompletableFuture<Snapshot> running = backend.running;

        Backend taken = early.open(Place.WORKSPACE, Runnable::run).join();
        CompletableFuture<Snapshot> first = taken.load((page, soFar) -> { });
        CompletableFuture<Snapshot> second = taken.load((page, soFar) -> { });

        assertThat(first).isSameAs(running);
        assertThat(second).isNotSameAs(running);
        assertThat(backend.loads).isEqualTo(2);
        // opening the place again (switching back to it) opens it anew
        assertThat(early.open(Place.WORKSPACE)).isSameAs(backend);
        assertThat(opened).containsExactly(Place.WORKSPACE, Place.WORKSPACE);
    }

    @Test
    void pagesThatArrivedBeforeTheWindowAskedAreToldFirstInOrderThenTheRest() {
        EarlyLoad early = new EarlyLoad(places, Place.WORKSPACE, Runnable::run);
        backend.progress.page(List.of(group("a")), 1);
        backend.progress.page(List.of(group("b")), 2);

        List<String> told = new ArrayList<>();
        early.open(Place.WORKSPACE).load((page, soFar) -> told.add(page.get(0).name() + "/" + soFar));
        backend.progress.page(List.of(group("c")), 3);

        assertThat(told).containsExactly("a/1", "b/2", "c/3");
        assertThat(early.loadedAlready()).isFalse();
    }

    @Test
    void aLoadThatHasAnsweredIsHandedOverWholeWithoutItsPages() {
        EarlyLoad early = new EarlyLoad(places, Place.WORKSPACE, Runnable::run);
        backend.progress.page(List.of(group("a")), 1);
        backend.running.complete(MainWindowViewModelTest.snapshotWith("a"));

        assertThat(early.loadedAlready()).isTrue();
        List<String> told = new ArrayList<>();
        Snapshot loaded = early.open(Place.WORKSPACE).load((page, soFar) -> told.add(page.get(0).name())).join();

        assertThat(loaded.groups()).extracting(SecurityGroup::name).containsExactly("a");
        assertThat(told).isEmpty();
    }

    @Test
    void aPlaceThatCannotBeOpenedFailsInItsOwnWordsWhenTheWindowAsks() {
        EarlyLoad early = new EarlyLoad(places, Place.cloud("prod"), Runnable::run);

        assertThat(early.loadedAlready()).isFalse();
        assertThatThrownBy(() -> early.open(Place.cloud("prod")))
                .isInstanceOf(BackendException.class).hasMessageContaining("prod has no auth_url");
    }

    @Test
    void theWindowsAsynchronousOpenOfAPlaceThatFailedCarriesItsOwnFailure() {
        EarlyLoad early = new EarlyLoad(places, Place.cloud("prod"), Runnable::run);

        CompletableFuture<Backend> opening = early.open(Place.cloud("prod"), Runnable::run);

        assertThat(opening).isCompletedExceptionally();
        assertThatThrownBy(opening::join).hasCauseInstanceOf(BackendException.class)
                .hasRootCauseMessage("prod has no auth_url");
        assertThat(opened).containsExactly(Place.cloud("prod")); // opened once, early
    }

    @Test
    void otherPlacesAreOpenedWhenAskedFor() {
        EarlyLoad early = new EarlyLoad(places, Place.WORKSPACE, Runnable::run);

        assertThatThrownBy(() -> early.open(Place.cloud("prod"), Runnable::run).join())
                .hasCauseInstanceOf(BackendException.class);
        assertThat(opened).containsExactly(Place.WORKSPACE, Place.cloud("prod"));
    }

    private static SecurityGroup group(String name) {
        return MainWindowViewModelTest.snapshotWith(name).groups().get(0);
    }
}
