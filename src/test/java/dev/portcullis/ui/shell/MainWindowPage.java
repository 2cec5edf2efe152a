package dev.portcullis.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;

import java.util.List;

/** What a test reads off the main window, by role rather than by node lookups in each test. */
final class MainWindowPage {

    private final FxRobot robot;

    MainWindowPage(FxRobot robot) {
        this.robot = robot;
    }

    String status() {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }

    List<String> groupLines() {
        ListView<?> list = robot.lookup("#groupList").queryAs(ListView.class);
        return list.getItems().stream().map(String::valueOf).toList();
    }

    String placeholder() {
        return robot.lookup("#placeholder").queryAs(Label.class).getText();
    }
}
