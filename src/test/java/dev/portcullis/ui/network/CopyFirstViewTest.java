package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instant open, headless: the saved copy is on screen with its age and "refreshing…" before the live answer,
 * read-only, and the live groups replace it, those that differ from it marked.
 */
@ExtendWith(ApplicationExtension.class)
class CopyFirstViewTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private NetworkConfigurationViewModel vm;

    @Start
    void start(Stage stage) {
        List<SecurityGroup> saved = new ArrayList<>(Fixtures.seeded());
        saved.add(Fixtures.group("g-old", "old-group", "gone since", Fixtures.egress("r-o")));
        backend.copy = CompletableFuture.completedFuture(Optional.of(
                new Snapshot(saved, Fixtures.seededPorts(), Instant.now().minusSeconds(12 * 60))));
        backend.holdLoads = true;
        vm = ConsoleWindow.show(stage, backend);
    }

    @Test
    void theCopyIsShownWithItsAgeAndRefreshingBeforeTheLiveAnswerAndReplacedAfter(FxRobot robot) throws Exception {
        NetworkConfigurationPage page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.copyBanner().isPresent());

        assertThat(backend.heldLoads.get(0)).as("the live answer has not come").isNotDone();
        assertThat(page.copyBanner()).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Showing the copy of Fake project saved 12 minutes ago (")
                .endsWith(") · refreshing…"));
        assertThat(page.offlineBanner()).isEmpty();
        assertThat(page.rows()).containsExactly("db-internal", "old-group", "web-server-public");
        assertThat(page.newEnabled()).isFalse();
        assertThat(page.newTooltip())
                .isEqualTo("Refreshing from Fake project: changes can be made once the live groups are in.");
        assertThat(page.editEnabled("db-internal")).isFalse();

        List<SecurityGroup> now = new ArrayList<>(Fixtures.seeded());
        SecurityGroup db = now.get(2);
        now.set(2, db.withRules(db.rules(), db.revision() + 1, Instant.EPOCH));
        robot.interact(() -> backend.heldLoads.get(0).complete(new Snapshot(now, Fixtures.seededPorts(), Instant.now())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.copyBanner().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.rows()).containsExactly("db-internal", "web-server-public");
        assertThat(page.markedChanged("db-internal")).isTrue();
        assertThat(page.markedChanged("web-server-public")).isFalse();
        assertThat(page.status()).isEqualTo("Live groups in: 1 changed, 1 gone since the copy");
        assertThat(page.newEnabled()).isTrue();
    }
}
