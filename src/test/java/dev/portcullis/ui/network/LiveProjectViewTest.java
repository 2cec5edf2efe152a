package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.shell.MainWindow;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The view on a cloud, headless: pages shown as they come, the offline copy read-only, server changes marked. */
@ExtendWith(ApplicationExtension.class)
class LiveProjectViewTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final List<GroupEditRequest> editorCalls = new ArrayList<>();
    private NetworkConfigurationViewModel vm;
    private NetworkConfigurationPage page;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        vm = new NetworkConfigurationViewModel(backend, Platform::runLater, Runnable::run);
        Parent view = ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(vm, TestDialogs.commands(vm, stage, request -> {
                    editorCalls.add(request);
                    return Optional.<GroupDraft>empty();
                })));
        stage.setScene(Theme.styled(new Scene(new MainWindow(new MainWindowViewModel(backend.describe(), vm), view)
                .root(), 1280, 800)));
        stage.show();
    }

    @Test
    void theFirstPageIsOnScreenWhileTheRestLoadsAndOnlyDeleteWaitsSayingWhy(FxRobot robot) {
        page = new NetworkConfigurationPage(robot);
        backend.holdLoads = true;
        robot.interact(vm::refresh);

        backend.heldProgress.get(0).page(List.of(backend.groups.get(0), backend.groups.get(1)), 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.rows()).containsExactly("web-server-public");
        assertThat(page.status()).isEqualTo("Loading security groups from Fake project…");
        assertThat(page.newEnabled()).isTrue();
        assertThat(page.newTooltip()).isNull();
        assertThat(page.editEnabled("web-server-public")).isTrue();
        assertThat(page.deleteEnabled("web-server-public")).isFalse();
        assertThat(page.deleteTooltip("web-server-public")).isEqualTo("Still loading: \"web-server-public\" can be"
                + " deleted once every group and interface is in, so that what uses it is known.");

        robot.interact(() -> backend.heldLoads.get(0).complete(backend.snapshot()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.rows()).containsExactlyInAnyOrder("web-server-public", "db-internal");
        assertThat(page.newEnabled()).isTrue();
        assertThat(page.newTooltip()).isNull();
        assertThat(page.editEnabled("web-server-public")).isTrue();
        assertThat(page.deleteTooltip("web-server-public")).as("what uses it is known now")
                .contains("in use by the interface");
    }

    @Test
    void anOfflineCopyIsReadOnlyWithABannerAndRetry(FxRobot robot) {
        page = new NetworkConfigurationPage(robot);
        backend.holdLoads = true;
        robot.interact(vm::refresh);
        Snapshot saved = new Snapshot(backend.groups, backend.ports, Instant.now().minusSeconds(7200))
                .asOffline("The cloud could not be reached.");
        robot.interact(() -> backend.heldLoads.get(0).complete(saved));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.offlineBanner()).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Offline: showing the copy saved 2 hours ago (").endsWith("). The cloud could not be reached."));
        assertThat(page.newEnabled()).isFalse();
        assertThat(page.newTooltip()).startsWith("Offline:");
        assertThat(page.editEnabled("db-internal")).isFalse();
        assertThat(page.deleteEnabled("db-internal")).isFalse();
        assertThat(page.deleteTooltip("db-internal")).startsWith("Offline:");
        page.selectGroup("db-internal");
        assertThat(page.detailsReadOnly()).hasValueSatisfying(t -> assertThat(t).startsWith("Offline:"));
        page.key(javafx.scene.input.KeyCode.ENTER);
        assertThat(editorCalls).isEmpty();

        page.retryOffline();
        robot.interact(() -> backend.heldLoads.get(1).complete(backend.snapshot()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.offlineBanner()).isEmpty();
        assertThat(page.newEnabled()).isTrue();
        assertThat(page.detailsReadOnly()).isEmpty();
    }

    @Test
    void aGroupChangedOnTheServerIsMarkedUntilSelected(FxRobot robot) {
        page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.markedChanged("db-internal")).isFalse();

        SecurityGroup db = backend.group("db-internal");
        backend.groups.set(2, db.withNameAndDescription(db.name(), "changed", db.revision() + 1, Instant.EPOCH));
        robot.interact(vm::autoRefresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.markedChanged("db-internal")).isTrue();
        assertThat(page.markedChanged("web-server-public")).isFalse();

        page.selectGroup("db-internal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.markedChanged("db-internal")).isFalse();
        assertThat(page.detailsRevision()).startsWith("Revision " + (db.revision() + 1));
    }

    /** 150 groups more, loaded, and the table scrolled so that {@code top} is its first row on screen. */
    private void loadScrolledTo(String top, FxRobot robot) {
        addScaleGroups();
        page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        page.scrollTo(top);
    }

    private void addScaleGroups() {
        for (int i = 0; i < 150; i++) {
            backend.groups.add(Fixtures.group("g-scale-" + i, String.format("scale-%03d", i), "", List.of()));
        }
    }

    @Test
    void aRefreshKeepsTheSelectedGroupAndWhereTheTableIsScrolled(FxRobot robot) {
        loadScrolledTo("scale-080", robot);
        page.selectGroup("scale-085");
        assertThat(page.firstVisibleRow()).isEqualTo("scale-080");

        SecurityGroup changed = backend.groups.get(backend.groups.size() - 1);
        backend.groups.set(backend.groups.size() - 1, new SecurityGroup(changed.id(), "p", changed.name(),
                "changed elsewhere", true, false, changed.revision() + 1, List.of(), List.of(), Instant.EPOCH,
                Instant.EPOCH));
        backend.groups.add(Fixtures.group("g-late", "scale-late", "", List.of()));
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.rows()).contains("scale-late");
        assertThat(page.selected()).isEqualTo("scale-085");
        assertThat(page.firstVisibleRow()).isEqualTo("scale-080");
    }

    @Test
    void aSelectedGroupOnScreenStaysOnItsLineWhenRowsComeAboveIt(FxRobot robot) {
        loadScrolledTo("scale-080", robot);
        page.selectGroup("scale-083");
        int line = page.lineOf("scale-083");
        assertThat(line).isPositive();

        for (int i = 0; i < 40; i++) { // groups whose names sort above it, as the middle pages of a load bring
            backend.groups.add(Fixtures.group("g-early-" + i, String.format("scale-000-%02d", i), "", List.of()));
        }
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.selected()).isEqualTo("scale-083");
        assertThat(page.lineOf("scale-083")).isEqualTo(line);
    }

    @Test
    void aGroupCreatedWhileTheRestLoadsIsShownSelectedAndStaysOnScreen(FxRobot robot) {
        addScaleGroups();
        page = new NetworkConfigurationPage(robot);
        backend.holdLoads = true;
        Snapshot readBefore = backend.snapshot();
        robot.interact(vm::refresh);
        backend.heldProgress.get(0).page(List.copyOf(backend.groups.subList(0, 60)), 60);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> vm.save(vm.newGroupRequest(), GroupDraft.newGroup("zzz-new", "")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.selected()).isEqualTo("zzz-new");
        int line = page.lineOf("zzz-new");
        assertThat(line).as("scrolled to the new group").isNotNegative();

        backend.heldProgress.get(0).page(List.copyOf(backend.groups.subList(60, 120)), 120);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.lineOf("zzz-new")).isEqualTo(line);
        robot.interact(() -> backend.heldLoads.get(0).complete(readBefore));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.rows()).hasSize(153);
        assertThat(page.selected()).isEqualTo("zzz-new");
        assertThat(page.lineOf("zzz-new")).isEqualTo(line);
    }

    @Test
    void at1024PixelsALongOfflineReasonWrapsWholeAndRetryKeepsItsWord(FxRobot robot) {
        page = new NetworkConfigurationPage(robot);
        page.atSize(1024, 700, () -> at1024(robot));
    }

    private void at1024(FxRobot robot) {
        backend.holdLoads = true;
        robot.interact(vm::refresh);
        Snapshot saved = new Snapshot(backend.groups, backend.ports, Instant.now().minusSeconds(7200)).asOffline(
                "The cloud prod could not be reached: connect timed out after 10 seconds to https://"
                        + "network.region-one.example.org:9696/v2.0/security-groups (check the VPN and the proxy).");
        robot.interact(() -> backend.heldLoads.get(0).complete(saved));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Label text = robot.lookup("#offlineText").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Button retry = robot.lookup("#offlineRetry").queryButton();
        assertThat(text.getHeight() + 0.5).as("the text's height holds all its lines")
                .isGreaterThanOrEqualTo(text.prefHeight(text.getWidth()));
        assertThat(text.getHeight()).as("wrapped onto more than one line").isGreaterThan(text.getFont().getSize() * 2);
        assertThat(retry.getWidth() + 0.5).isGreaterThanOrEqualTo(retry.prefWidth(-1));
    }
}
