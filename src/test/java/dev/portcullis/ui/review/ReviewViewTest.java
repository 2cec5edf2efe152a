package dev.portcullis.ui.review;

import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.review.Severity;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.shell.ConsoleViews;
import dev.portcullis.ui.shell.MainWindow;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.common.FakeDialogService;
import dev.portcullis.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review tab of the console's window, headless, on a workspace holding the review's sample file (SSH
 * open to the internet, a shadowed rule, an unused group), wired as the composition root wires it.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {

    private static final String WEB = "5d1c6a4e-0000-4000-8000-000000000001";

    @TempDir
    static Path dir;

    private WorkspaceBackend backend;
    private NetworkConfigurationViewModel network;
    private ReviewPage page;

    @Start
    void start(Stage stage) throws IOException {
        Path file = Files.createTempFile(dir, "workspace", ".json");
        try (InputStream in = ReviewViewTest.class.getResourceAsStream("/dev/portcullis/review/findings.json")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        backend = WorkspaceBackend.open(file);
        Theme.LIGHT.apply();
        network = new NetworkConfigurationViewModel(backend, Platform::runLater, ForkJoinPool.commonPool());
        MainWindow window = new MainWindow(new MainWindowViewModel(backend.describe(), network),
                new ConsoleViews(new FakeDialogService(), Platform::runLater),
                null);
        stage.setScene(Theme.styled(new Scene(window.root(), 1280, 800)));
        stage.show();
    }

    @AfterEach
    void closeWorkspace() {
        backend.close();
    }

    private ReviewPage loaded(FxRobot robot) throws TimeoutException {
        robot.interact(network::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return network.findingsProperty().get() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        page = new ReviewPage(robot);
        return page;
    }

    @Test
    void theReviewTabListsTheFindingsOfTheProjectShownWithTheirCounts(FxRobot robot) throws TimeoutException {
        loaded(robot);
        assertThat(page.tabInFront()).isEqualTo("networkTab");

        page.open();

        assertThat(page.tabInFront()).isEqualTo("reviewTab");
        assertThat(page.findings()).contains("high web world-open-admin-port", "low web shadowed-rule",
                "low old-batch unused-group");
        assertThat(page.findings()).doesNotContain("low web unused-group"); // web is used by web-1 eth0
        assertThat(page.count(Severity.HIGH)).isEqualTo("High  1");
        assertThat(page.count(Severity.CRITICAL)).isEqualTo("Critical  0");
        assertThat(robot.lookup("#show-critical").query().getStyleClass()).contains("severity-none");
        assertThat(robot.lookup("#show-high").query().getStyleClass()).doesNotContain("severity-none");
        assertThat(page.findings().get(0)).startsWith("high "); // the most serious first
        assertThat(page.summary()).isEqualTo(page.findings().size() + " findings");
        assertThat(page.tabBadge()).contains(Integer.toString(page.findings().size()));
    }

    @Test
    void severitiesAndWordsNarrowTheListAndTheEmptyListSaysWhy(FxRobot robot) throws TimeoutException {
        loaded(robot);
        page.open();
        int all = page.findings().size();

        page.toggle(Severity.LOW);
        assertThat(page.findings()).isNotEmpty().allMatch(f -> !f.startsWith("low "));
        assertThat(page.summary()).startsWith("Showing ").endsWith(" of " + all + " findings");

        page.filter("shadowed");
        assertThat(page.findings()).isEmpty(); // the shadowed rule is low, and low is hidden
        assertThat(page.emptyText()).isEqualTo("No finding matches: " + all + " findings hidden by the filter.");
        assertThat(page.filterFocused()).isTrue();

        page.pressShowEverything();
        assertThat(page.findings()).hasSize(all);
    }

    @Test
    void openingAFindingShowsItsGroupAndPointsOutItsRule(FxRobot robot) throws TimeoutException {
        loaded(robot);
        robot.interact(() -> network.filterTextProperty().set("old-batch")); // hides web: the jump clears it
        page.open();

        page.openFinding("web", "world-open-admin-port");

        assertThat(page.tabInFront()).isEqualTo("networkTab");
        assertThat(network.filterTextProperty().get()).isEmpty();
        assertThat(network.selectedProperty().get().id()).isEqualTo(WEB);
        @SuppressWarnings("unchecked")
        TableView<Object> groups = robot.lookup("#customTable").queryAs(TableView.class);
        assertThat(groups.getSelectionModel().getSelectedItem()).hasToString("web");
        Label pointed = robot.lookup("#pointedOutRule .own-rule").queryAs(Label.class);
        assertThat(pointed.getText()).isEqualTo("Ingress IPv4 TCP 22 from 0.0.0.0/0");
    }

    @Test
    void enterOpensAGroupFindingToo(FxRobot robot) throws TimeoutException {
        loaded(robot);
        page.open();

        page.openWithEnter("old-batch", "unused-group");

        assertThat(page.tabInFront()).isEqualTo("networkTab");
        assertThat(network.selectedProperty().get().name()).isEqualTo("old-batch");
        assertThat(robot.lookup("#pointedOutRule").tryQuery()).isEmpty(); // about the group, not a rule
    }

    @Test
    void theGroupTableShowsEachGroupsMostSeriousFindingAsABadge(FxRobot robot) throws TimeoutException {
        loaded(robot);

        assertThat(robot.lookup("#customTable .group-findings .severity-badge").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactlyInAnyOrder("High · 4", "Low");
        Label webBadge = robot.lookup("#customTable .group-findings .severity-badge").queryAllAs(Label.class)
                .stream().filter(l -> l.getText().startsWith("High")).findFirst().orElseThrow();
        robot.moveTo(webBadge); // tooltips in the table are made when the pointer comes over them
        assertThat(webBadge.getTooltip().getText()).contains("about \"web\"")
                .contains("High: Remote administration is open to any address on the internet: SSH (22).");
    }
}
