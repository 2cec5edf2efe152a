package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What is on screen, and whether it may be changed: nothing yet, part of a load, all of it, an offline copy. */
class ShownProjectTest {

    private final ShownProject shown = new ShownProject(() -> "Cloud A", java.util.Optional::empty);
    private final Snapshot whole = new Snapshot(Fixtures.seeded(), Fixtures.seededPorts(), Instant.EPOCH);

    @Test
    void nothingLoadedIsReadOnlyAndAFailedLoadShowsTheFailure() {
        assertThat(shown.editableProperty().get()).isFalse();
        assertThat(shown.readOnlyReasonProperty().get()).as("the disabled buttons say why from the start")
                .isEqualTo("The security groups are not loaded yet.");

        shown.loading();
        assertThat(shown.stateProperty().get()).isEqualTo(State.LOADING);
        shown.failed();
        assertThat(shown.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(shown.editableProperty().get()).isFalse();
        assertThat(shown.readOnlyReasonProperty().get()).isEqualTo("The security groups are not loaded yet.");
    }

    @Test
    void theWholeProjectMayBeChangedAndStaysOnScreenWhenALaterLoadFails() {
        shown.show(new GroupCatalog(whole));

        assertThat(shown.editableProperty().get()).isTrue();
        assertThat(shown.readOnlyReasonProperty().get()).isEmpty();
        assertThat(shown.countsProperty().get()).isEqualTo("3 security groups · 2 interfaces");
        assertThat(shown.list().customs()).extracting(GroupRow::name).containsExactly("web-server-public", "db-internal");

        shown.loading();
        shown.failed();
        assertThat(shown.stateProperty().get()).isEqualTo(State.READY);
        assertThat(shown.snapshotProperty().get()).isSameAs(whole);
    }

    @Test
    void partOfALoadCanBeChangedButNotDeletedAndIsDroppedWhenTheLoadFails() {
        Snapshot firstPage = new Snapshot(Fixtures.seeded().subList(0, 2), List.of(), Instant.EPOCH);
        shown.showPart(GroupCatalog.part(firstPage.groups()), 2);

        assertThat(shown.stateProperty().get()).isEqualTo(State.READY);
        assertThat(shown.partialProperty().get()).isTrue();
        assertThat(shown.countsProperty().get()).isEqualTo("2 security groups so far");
        assertThat(shown.editableProperty().get()).isTrue();
        assertThat(shown.partRowsProperty().get()).isEqualTo(2);
        assertThat(shown.list().customs()).allSatisfy(row -> assertThat(row.deletable()).isFalse());

        shown.dropPart();
        shown.failed();
        assertThat(shown.partialProperty().get()).isFalse();
        assertThat(shown.catalog().isEmpty()).isTrue();
        assertThat(shown.list().defaults()).isEmpty();
        assertThat(shown.countsProperty().get()).isEmpty();
        assertThat(shown.stateProperty().get()).isEqualTo(State.FAILED);
    }

    @Test
    void droppingLeavesAWholeProjectAlone() {
        shown.show(new GroupCatalog(whole));
        shown.dropPart();

        assertThat(shown.catalog().isEmpty()).isFalse();
        assertThat(shown.snapshotProperty().get()).isSameAs(whole);
    }

    @Test
    void anOfflineCopyIsReadOnlyAndNamesTheCloud() {
        shown.show(new GroupCatalog(whole.asOffline("The cloud could not be reached.")));

        assertThat(shown.editableProperty().get()).isFalse();
        assertThat(shown.readOnlyReasonProperty().get())
                .isEqualTo("Offline: this is the copy saved when Cloud A was last reached, and it can only be read. "
                        + "Retry to connect again.");
    }

    @Test
    void theCurrentRowIsTheCatalogsOrTheOneGivenWhenItIsGone() {
        GroupRow old = new GroupCatalog(whole).row(Fixtures.WEB).orElseThrow();
        shown.show(new GroupCatalog(whole));
        assertThat(shown.current(old)).isNotSameAs(old).extracting(GroupRow::id).isEqualTo(Fixtures.WEB);

        shown.show(new GroupCatalog(new Snapshot(Fixtures.seeded().subList(0, 1), List.of(), Instant.EPOCH)));
        assertThat(shown.current(old)).isSameAs(old);
    }

    @Test
    void aBackendThatTakesNoChangesSaysWhyOnceLoaded() {
        ShownProject file = new ShownProject(() -> "groups.json",
                () -> java.util.Optional.of("groups.json is opened read-only; import it into the workspace to change it."));
        file.show(new GroupCatalog(whole));

        assertThat(file.editableProperty().get()).isFalse();
        assertThat(file.readOnlyReasonProperty().get()).startsWith("groups.json is opened read-only");
    }
}
