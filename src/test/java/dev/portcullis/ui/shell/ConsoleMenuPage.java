package dev.portcullis.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

/** The menu bar and the dialogs it opens, by what a person reads and does. */
final class ConsoleMenuPage {

    private final FxRobot robot;

    ConsoleMenuPage(FxRobot robot) {
        this.robot = robot;
    }

    ConsoleMenuPage choose(String menu, String item) {
        robot.clickOn(menu);
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The texts of the notes shown (ControlsFX notifications): title and text, in order. */
    List<String> note() {
        return robot.lookup(".notification-bar .label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && !t.isEmpty()).toList();
    }

    ConsoleMenuPage pick(String combo, String item) {
        robot.clickOn("#" + combo);
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    ConsoleMenuPage type(String field, String text) {
        TextField input = robot.lookup("#" + field).queryAs(TextField.class);
        robot.clickOn(input);
        robot.interact(input::clear);
        robot.write(text);
        return this;
    }

    ConsoleMenuPage pressEnter() {
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    ConsoleMenuPage click(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    String text(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    /** True when the node and everything holding it are visible. */
    boolean shows(String id) {
        javafx.scene.Node node = robot.lookup("#" + id).tryQuery().orElse(null);
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    List<String> differences() {
        @SuppressWarnings("unchecked")
        ListView<dev.portcullis.ui.compare.CompareViewModel.Line> list = robot.lookup("#differences")
                .queryAs(ListView.class);
        return list.getItems().stream().map(dev.portcullis.ui.compare.CompareViewModel.Line::text).toList();
    }

    List<String> answerLines() {
        return robot.lookup("#details").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }
}
