package dev.portcullis.ui.interfaces;

import dev.portcullis.domain.SecurityGroup;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Interfaces view as a user sees it: what a test reads off it and does to it. */
final class InterfacesPage {

    private final FxRobot robot;

    InterfacesPage(FxRobot robot) {
        this.robot = robot;
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    void waitForInterfaces(int count) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> this.<InterfaceRow>table("#interfacesTable")
                .getItems().size() == count);
    }

    InterfacesPage selectFirst() {
        robot.interact(() -> table("#interfacesTable").getSelectionModel().select(0));
        return this;
    }

    /** The names of the groups shown on the selected interface. */
    List<String> groups() {
        return robot.lookup("#interfaceGroups").queryAs(FlowPane.class).getChildren().stream()
                .map(chip -> chip.lookup(".label")).map(l -> ((javafx.scene.control.Label) l).getText()).toList();
    }

    List<String> inboundFrom() {
        return this.<EffectiveRule>table("#ingressRules").getItems().stream().map(EffectiveRule::group).toList();
    }

    /** The names the "put another group on it" choice offers. */
    @SuppressWarnings("unchecked")
    List<String> groupsToPutOn() {
        return ((ComboBox<SecurityGroup>) robot.lookup("#groupToAdd").queryAs(ComboBox.class)).getItems().stream()
                .map(SecurityGroup::name).toList();
    }

    @SuppressWarnings("unchecked")
    InterfacesPage putOn(String group) {
        ComboBox<SecurityGroup> choice = robot.lookup("#groupToAdd").queryAs(ComboBox.class);
        robot.interact(() -> choice.setValue(choice.getItems().stream().filter(g -> g.name().equals(group))
                .findFirst().orElseThrow()));
        robot.clickOn("#putGroupOn");
        return this;
    }

    void waitForGroup(String group) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> groups().contains(group));
    }
}
