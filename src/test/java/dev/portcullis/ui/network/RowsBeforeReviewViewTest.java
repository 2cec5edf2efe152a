package dev.portcullis.ui.network;

import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.shell.MainWindow;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.ViewLoader;
import dev.portcullis.domain.GroupDraft;
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

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows come before the review: the view, headless, on a worker that holds the review back until the
 * test lets it go. The rows, the status and the default section are there before it; the badges after.
 */
@ExtendWith(ApplicationExtension.class)
class RowsBeforeReviewViewTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final HeldWorker worker = new HeldWorker();
    private NetworkConfigurationViewModel vm;
    private NetworkConfigurationPage page;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        vm = new NetworkConfigurationViewModel(backend, Platform::runLater, worker);
        Parent view = ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(vm, TestDialogs.commands(vm, stage, this::noEditor)));
        MainWindow window = new MainWindow(new MainWindowViewModel(backend.describe(), vm), view);
        stage.setScene(Theme.styled(new Scene(window.root(), 1280, 800)));
        stage.show();
    }

    private Optional<GroupDraft> noEditor(GroupEditRequest request) {
        return Optional.empty();
    }

    /** Loads; the catalog is built at once, and whatever the worker is given after (the review) is held. */
    private void loadHoldingTheReview(FxRobot robot) {
        page = new NetworkConfigurationPage(robot);
        robot.interact(() -> {
            vm.refresh(); // the rows are built here, on the worker (at once): their answer comes through fx
            worker.hold();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theRowsAreShownBeforeTheReviewAndTheBadgesAfterIt(FxRobot robot) {
        loadHoldingTheReview(robot);

        assertThat(worker.waiting()).isPositive(); // the review, waiting for the worker
        assertThat(page.rows()).containsExactly("db-internal", "web-server-public");
        assertThat(page.defaultRows()).containsExactly("default");
        assertThat(page.badge("web-server-public")).isEmpty();
        assertThat(vm.reviewingProperty().get()).isTrue();
        assertThat(vm.findingsProperty().get()).isNull();

        robot.interact(worker::release);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.reviewingProperty().get()).isFalse();
        assertThat(vm.findingsProperty().get()).isNotEmpty();
        assertThat(page.badge("web-server-public")).hasValueSatisfying(text -> assertThat(text).startsWith("High"));
        assertThat(page.badgeWhole("web-server-public")).isTrue();
    }

    @Test
    void theStatusLeavesLoadingOnceTheRowsAreInWhileTheReviewIsStillMade(FxRobot robot) {
        loadHoldingTheReview(robot);

        assertThat(page.status()).isEqualTo("Loaded 3 security groups");
        assertThat(vm.loadingProperty().get()).isFalse();

        robot.interact(worker::release);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.status()).isEqualTo("Loaded 3 security groups");
    }

    @Test
    void aSourceWithoutADefaultGroupSaysSoInsteadOfLoading(FxRobot robot) {
        backend.groups.removeIf(g -> g.id().equals(Fixtures.DEFAULT));
        loadHoldingTheReview(robot);

        assertThat(page.defaultRows()).isEmpty();
        assertThat(page.defaultPlaceholder()).isEqualTo("No default group in Fake project.");

        robot.interact(worker::release);
        robot.interact(() -> vm.autoRefresh()); // the timer's refresh: the project on screen stays what it is
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.defaultPlaceholder()).isEqualTo("No default group in Fake project.");
    }

    @Test
    void whileTheFirstRowsAreLoadingTheDefaultSectionSaysLoading(FxRobot robot) {
        backend.holdLoads = true;
        page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.defaultPlaceholder()).isEqualTo("Loading…");
    }
}
