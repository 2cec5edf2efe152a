package dev.portcullis.ui.addressgroups;

import dev.portcullis.ui.WorkspaceProject;
import dev.portcullis.ui.common.FxDialogService;
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

/** The Address Groups view end to end, headless: the real view and dialog on a real local workspace. */
@ExtendWith(ApplicationExtension.class)
class AddressGroupsViewTest {

    private WorkspaceProject project;

    private static FxDialogService dialogs(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage, "Definition files", List.of("*.json"));
        AddressGroupDialog.register(dialogs);
        return dialogs;
    }

    @Start
    void start(Stage stage) throws IOException {
        Theme.LIGHT.apply();
        project = WorkspaceProject.open(Platform::runLater, ForkJoinPool.commonPool());
        AddressGroupsViewModel vm = new AddressGroupsViewModel(project.network, dialogs(stage));
        stage.setScene(Theme.styled(new Scene(AddressGroupsView.of(vm), 1000, 600)));
        stage.show();
    }

    @AfterEach
    void close() throws IOException {
        project.close();
    }

    @Test
    void anAddressGroupIsMadeInTheDialogWithWhatNeutronKeepsShownBeforeTheSave(FxRobot robot) throws Exception {
        AddressGroupsPage page = new AddressGroupsPage(robot);

        page.clickNew().typeName("office").typePrefixes("10.0.0.1");
        assertThat(page.canFinish()).isFalse();
        assertThat(page.problems()).contains("10.0.0.1/32");

        page.typePrefixes("192.0.2.5/24\n10.0.0.1/32");
        assertThat(page.canFinish()).isTrue();
        assertThat(page.outcome()).contains("192.0.2.0/24", "host bits cleared");
        page.finish();

        page.waitForRow("office");
        assertThat(page.prefixesOf("office")).isEqualTo("10.0.0.1/32, 192.0.2.0/24");
    }
}
