package dev.portcullis.ui.network;

import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.GroupShare;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.shell.MainWindow;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing in the details pane, on a backend that shares as a cloud's project does: a group is shared by
 * project id and the share withdrawn; a group another project shares with this one says who owns it and
 * cannot be edited.
 */
@ExtendWith(ApplicationExtension.class)
class SharingViewTest {

    private final List<GroupShare> shares = new CopyOnWriteArrayList<>();
    private volatile boolean refuseShares;
    private final FakeBackend backend = new FakeBackend(Fixtures.seeded(), Fixtures.seededPorts()) {
        @Override
        public boolean sharesGroups() {
            return true;
        }

        @Override
        public CompletableFuture<List<GroupShare>> shares() {
            return CompletableFuture.completedFuture(List.copyOf(shares));
        }

        @Override
        public CompletableFuture<GroupShare> share(GroupRef group, String project) {
            if (refuseShares) {
                return CompletableFuture.failedFuture(new dev.portcullis.backend.BackendException(
                        dev.portcullis.backend.BackendException.Kind.FORBIDDEN, "PolicyNotAuthorized",
                        "sharing is disallowed by policy"));
            }
            GroupShare made = new GroupShare("policy-" + shares.size(), group.id(), project);
            shares.add(made);
            return CompletableFuture.completedFuture(made);
        }

        @Override
        public CompletableFuture<Void> unshare(GroupShare share) {
            shares.remove(share);
            return CompletableFuture.completedFuture(null);
        }
    };
    private NetworkConfigurationPage page;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        // another group is shared already: the shares read again after a refusal are the same, not none
        shares.add(new GroupShare("policy-db", Fixtures.DB, "team-a"));
        backend.groups.add(new SecurityGroup("g-theirs", "other-project", "their-web", "", true, true, 1, List.of(),
                List.of(), Instant.EPOCH, Instant.EPOCH));
        NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(backend, Platform::runLater, Runnable::run);
        Parent view = ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(vm, TestDialogs.commands(vm, stage, request -> Optional.empty())));
        MainWindow window = new MainWindow(new MainWindowViewModel(backend.describe(), vm), view);
        stage.setScene(Theme.styled(new Scene(window.root(), 1280, 800)));
        stage.show();
        vm.refresh();
    }

    private List<String> detailTexts(FxRobot robot) {
        return robot.lookup("#details .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aGroupIsSharedByProjectIdAndTheShareWithdrawn(FxRobot robot) throws Exception {
        page = new NetworkConfigurationPage(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.rows().contains("web-server-public"));
        page.selectGroup("web-server-public");
        assertThat(detailTexts(robot)).contains("Not shared with other projects");

        // below the fold of the details pane: typed and pressed as the keyboard would
        robot.interact(() -> {
            robot.lookup("#shareProject").queryAs(javafx.scene.control.TextField.class).setText("team-b");
            robot.lookup("#shareButton").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detailTexts(robot).contains("Project team-b"));
        assertThat(detailTexts(robot)).contains("Shared with 1 other project");

        robot.interact(() -> robot.lookup(".withdraw-share").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detailTexts(robot).contains(
                "Not shared with other projects"));
        assertThat(shares).extracting(GroupShare::targetProject).containsExactly("team-a");
    }

    @Test
    void aRefusedShareSaysWhyAndKeepsTheProjectIdTyped(FxRobot robot) throws Exception {
        page = new NetworkConfigurationPage(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.rows().contains("web-server-public"));
        page.selectGroup("web-server-public");
        refuseShares = true;

        robot.interact(() -> {
            robot.lookup("#shareProject").queryAs(javafx.scene.control.TextField.class).setText("team-b");
            robot.lookup("#shareButton").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.status().startsWith("Could not share"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.status()).contains("disallowed by policy");
        assertThat(robot.lookup("#shareProject").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("team-b");
    }

    @Test
    void aGroupAnotherProjectSharesSaysWhoOwnsItAndCannotBeEdited(FxRobot robot) throws Exception {
        page = new NetworkConfigurationPage(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.rows().contains("their-web"));
        page.selectGroup("their-web");

        assertThat(detailTexts(robot)).anyMatch(t -> t.contains("Shared with this project by project other-project"));
        Node edit = robot.lookup(".details-edit").query();
        assertThat(edit.isDisabled()).isTrue();
        assertThat(page.deleteEnabled("their-web")).isFalse();
    }
}
