package dev.portcullis.ui.addressgroups;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Address Groups view and its dialog as a user sees them: what a test reads off them and does to them. */
final class AddressGroupsPage {

    private final FxRobot robot;

    AddressGroupsPage(FxRobot robot) {
        this.robot = robot;
    }

    @SuppressWarnings("unchecked")
    private TableView<AddressGroupRow> table() {
        return robot.lookup("#addressGroupsTable").queryAs(TableView.class);
    }

    List<String> names() {
        return table().getItems().stream().map(AddressGroupRow::name).toList();
    }

    String prefixesOf(String name) {
        return table().getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().prefixes();
    }

    /** Waits until the table lists a group of this name (the workspace answers on its own thread). */
    void waitForRow(String name) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> names().contains(name));
    }

    AddressGroupsPage clickNew() {
        robot.clickOn("#newAddressGroup");
        return this;
    }

    AddressGroupsPage typeName(String name) {
        robot.clickOn("#addressGroupName").write(name);
        return this;
    }

    AddressGroupsPage typePrefixes(String text) {
        robot.interact(() -> robot.lookup("#addressGroupAddresses").queryAs(TextArea.class).setText(text));
        return this;
    }

    String problems() {
        return robot.lookup("#addressGroupProblems").queryAs(Label.class).getText();
    }

    String outcome() {
        return robot.lookup("#addressGroupOutcome").queryAs(Label.class).getText();
    }

    boolean canFinish() {
        return !robot.lookup("#addressGroupDone").query().isDisabled();
    }

    void finish() {
        robot.clickOn("#addressGroupDone");
    }

    String typedName() {
        return robot.lookup("#addressGroupName").queryAs(TextField.class).getText();
    }
}
