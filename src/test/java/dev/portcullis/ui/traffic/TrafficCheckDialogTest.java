package dev.portcullis.ui.traffic;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayDeque;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialog while its check is prepared on the worker, and once it is ready (headless TestFX). */
@ExtendWith(ApplicationExtension.class)
class TrafficCheckDialogTest {

    private Stage stage;
    private TrafficCheckDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null) {
                dialog.close();
            }
        });
    }

    @Test
    void saysItIsPreparingWithCheckDisabledUntilTheWorkerIsDone(FxRobot robot) {
        Queue<Runnable> onWorker = new ArrayDeque<>();
        robot.interact(() -> {
            TrafficCheckViewModel vm = new TrafficCheckViewModel(TrafficCheckViewModelTest.project(), true, null,
                    Platform::runLater, onWorker::add);
            dialog = new TrafficCheckDialog(vm, stage);
            dialog.show();
        });

        Label preparation = robot.lookup("#preparation").queryAs(Label.class);
        assertThat(preparation.isVisible()).isTrue();
        assertThat(preparation.getText()).isEqualTo("Preparing the check of 4 groups and 2 interfaces\u2026");
        assertThat(node(robot, "#check").isDisabled()).isTrue();
        assertThat(node(robot, "#target").isDisabled()).isTrue();

        onWorker.remove().run(); // the worker, here on the test's thread: never the FX thread
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(preparation.isVisible()).isFalse();
        assertThat(node(robot, "#check").isDisabled()).isFalse();
        assertThat(robot.lookup("#target").queryAs(ComboBox.class).getValue()).hasToString("Group db");
        robot.clickOn("#port").write("22").clickOn("#remote").write("203.0.113.5");
        robot.clickOn(robot.lookup("#check").queryAs(Button.class));
        assertThat(robot.lookup("#verdict").queryAs(Label.class).getText()).startsWith("Denied:");
    }

    private static Node node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }
}
