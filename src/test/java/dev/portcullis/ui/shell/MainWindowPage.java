package dev.portcullis.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;

/** What a test reads off the main window's frame, by role rather than by node lookups in each test. */
final class MainWindowPage {

    private final FxRobot robot;

    MainWindowPage(FxRobot robot) {
        this.robot = robot;
    }

    String status() {
        return text("#status");
    }

    String counts() {
        return text("#counts");
    }

    String backend() {
        return text("#backend");
    }

    boolean busy() {
        return robot.lookup("#busy").query().isVisible();
    }

    Node centre(String id) {
        return robot.lookup("#" + id).query();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
