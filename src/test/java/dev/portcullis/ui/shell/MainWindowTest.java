package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Theme;

import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final StubBackend backend = new StubBackend();
    private MainWindowViewModel vm;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        vm = new MainWindowViewModel(backend.describe(), new NetworkConfigurationViewModel(backend, Platform::runLater, Runnable::run));
        Label view = new Label("the view");
        view.setId("view");
        stage.setScene(Theme.styled(new Scene(new MainWindow(vm, view).root(), 800, 500)));
        stage.show();
    }

    @Test
    void hostsTheViewAndSaysWhatIsShownAndWhetherWorkIsInProgress(FxRobot robot) {
        MainWindowPage page = new MainWindowPage(robot);
        assertThat(page.centre("view").isVisible()).isTrue();
        assertThat(page.backend()).isEqualTo("Test project");

        var answer = backend.nextLoad;
        robot.interact(vm::load);
        assertThat(page.status()).isEqualTo("Loading security groups from Test project…");
        assertThat(page.busy()).isTrue();

        answer.complete(MainWindowViewModelTest.snapshotWith("default", "web"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.busy()).isFalse();
        assertThat(page.status()).isEqualTo("Loaded 2 security groups");
        assertThat(page.counts()).isEqualTo("2 security groups · 0 interfaces");
    }
}
