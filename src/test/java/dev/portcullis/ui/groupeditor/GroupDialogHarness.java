package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An owner window for the group dialog, the dialog opened as the application opens it, and its answer. */
abstract class GroupDialogHarness {

    Stage owner;
    final CompletableFuture<Optional<GroupDraft>> result = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        owner = stage;
        stage.setScene(Theme.styled(new Scene(new Label("owner"), 1200, 800)));
        stage.show();
    }

    @AfterEach
    void closeWhatIsLeftOpen(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner).toList()
                .forEach(w -> {
                    if (w instanceof Stage stage) {
                        stage.close();
                    } else {
                        w.hide(); // a tooltip the pointer left open
                    }
                }));
    }

    /** Shows the dialog the way the application does (showAndWait on the FX thread) and returns its page. */
    GroupDialogPage open(FxRobot robot, GroupEditRequest request) {
        Platform.runLater(() -> result.complete(dev.portcullis.ui.network.TestDialogs.real(owner).show(request)));
        WaitForAsyncUtils.waitForFxEvents();
        return new GroupDialogPage(robot);
    }

    Optional<GroupDraft> answer() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return result.get(10, TimeUnit.SECONDS);
    }

}
