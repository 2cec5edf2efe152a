package dev.portcullis.ui.interfaces;

import dev.portcullis.ui.WorkspaceProject;
import dev.portcullis.ui.common.FakeDialogService;
import dev.portcullis.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

/** The Interfaces view end to end, headless, on the local workspace's example project. */
@ExtendWith(ApplicationExtension.class)
class InterfacesViewTest {

    private WorkspaceProject project;
    private final FakeDialogService dialogs = new FakeDialogService().confirmingAlways(true);

    @Start
    void start(Stage stage) throws IOException {
        Theme.LIGHT.apply();
        project = WorkspaceProject.open(Platform::runLater, ForkJoinPool.commonPool());
        InterfacesViewModel vm = new InterfacesViewModel(project.network, dialogs);
        stage.setScene(Theme.styled(new Scene(InterfacesView.of(vm), 1200, 700)));
        stage.show();
    }

    @AfterEach
    void close() throws IOException {
        project.close();
    }

    @Test
    void aGroupPutOnAnInterfaceAfterTheQuestionShowsWithItsRulesAmongThoseInForce(FxRobot robot) throws Exception {
        InterfacesPage page = new InterfacesPage(robot);
        page.waitForInterfaces(2);
        page.selectFirst();
        List<String> before = page.groups();
        String other = page.groupsToPutOn().get(0);

        page.putOn(other);
        page.waitForGroup(other);

        assertThat(dialogs.said()).singleElement().asString().contains("confirm: Change interface: ", "Put " + other, "at once");
        assertThat(page.groups()).containsAll(before).contains(other);
    }

    @Test
    void aTextCutShortByANarrowColumnIsWholeInItsTooltip(FxRobot robot) throws Exception {
        new InterfacesPage(robot).waitForInterfaces(2);

        List<javafx.scene.control.Labeled> cells = robot.lookup(".table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> c.getText() != null && !c.getText().isEmpty())
                .queryAll().stream().map(n -> (javafx.scene.control.Labeled) n).toList();

        assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.getTooltip()).isNotNull()
                .satisfies(t -> assertThat(t.getText()).isEqualTo(c.getText())));
    }
}
