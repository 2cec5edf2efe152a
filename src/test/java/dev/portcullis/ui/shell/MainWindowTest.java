package dev.portcullis.ui.shell;

import javafx.application.Platform;
import javafx.scene.Scene;
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
        vm = new MainWindowViewModel(backend, Platform::runLater);
        stage.setScene(Theme.styled(new Scene(new MainWindow(vm).root(), 800, 500)));
        stage.show();
    }

    @Test
    void showsTheLoadedGroupsAndSaysWhatIsShown(FxRobot robot) {
        MainWindowPage page = new MainWindowPage(robot);
        var answer = backend.nextLoad;
        robot.interact(vm::load);
        assertThat(page.status()).isEqualTo("Loading Test project…");

        answer.complete(MainWindowViewModelTest.snapshotWith("default", "web"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.groupLines()).containsExactly("default  —  0 in / 2 out", "web  —  0 in / 2 out");
        assertThat(page.status()).isEqualTo("Test project: 2 security groups, 0 interfaces");
    }

    @Test
    void aLoadFailureTakesThePlaceOfTheList(FxRobot robot) {
        MainWindowPage page = new MainWindowPage(robot);
        var answer = backend.nextLoad;
        robot.interact(vm::load);

        answer.completeExceptionally(new dev.portcullis.backend.BackendException(
                dev.portcullis.backend.BackendException.Kind.UNAVAILABLE, "FileUnreadable", "The workspace is broken."));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.groupLines()).isEmpty();
        assertThat(page.placeholder()).isEqualTo("The workspace is broken.");
    }
}
