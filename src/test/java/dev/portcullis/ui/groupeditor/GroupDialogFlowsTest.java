package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;

import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.DB;
import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 in the dialog, headless: copy to new, a row of several values, stateful locked. */
@ExtendWith(ApplicationExtension.class)
class GroupDialogFlowsTest extends GroupDialogHarness {

    @Test
    void copyToNewOpensTheCreateDialogOnTheGroupsRulesUnderAnUnusedNameAndAddsANewGroup(FxRobot robot)
            throws Exception {
        GroupDialogPage page = open(robot, CloneRequest.of(WEB, List.of(WEB, DB)));

        assertThat(robot.lookup("#nameField").queryTextInputControl().getText()).isEqualTo("web (copy)");
        assertThat(page.ruleCount()).isEqualTo(4);
        assertThat(page.note("copyNote")).startsWith("A copy of \"web\"");
        assertThat(page.isApplyEnabled()).isTrue();

        page.pressAdd();
        assertThat(page.changes().get(0)).isEqualTo("Create group \"web (copy)\" with 4 rules");
        assertThat(page.reviewNotes()).anyMatch(n -> n.startsWith("A copy of \"web\""));
        page.pressAdd();

        GroupDraft copy = answer().orElseThrow();
        assertThat(copy.name()).isEqualTo("web (copy)");
        assertThat(copy.description()).isEqualTo(WEB.description());
        assertThat(copy.rules()).allMatch(Rule::isDraft).hasSize(4);
    }

    @Test
    void aRowOfTypedPortsAndPastedAddressesShowsTheRulesItBecomesBeforeItIsSaved(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.edit(WEB, List.of(WEB, DB)));
        int rule = page.addRule();
        page.editCell(rule, RuleField.PORTS, "443, 8443")
                .pasteInto(rule, RuleField.REMOTE, "10.0.0.0/8\n192.168.0.0/16\n");
        assertThat(page.cellText(rule, RuleField.REMOTE)).isEqualTo("10.0.0.0/8, 192.168.0.0/16");
        assertThat(page.errors()).isEmpty();

        page.pressSave();
        assertThat(page.reviewNotes()).contains("Rule 5 becomes 4 rules (4 values combined).");
        assertThat(page.changes()).containsExactly(
                "Add Ingress IPv4 TCP 443 from 10.0.0.0/8", "Add Ingress IPv4 TCP 443 from 192.168.0.0/16",
                "Add Ingress IPv4 TCP 8443 from 10.0.0.0/8", "Add Ingress IPv4 TCP 8443 from 192.168.0.0/16");
        page.pressSave();
        assertThat(answer().orElseThrow().rules()).hasSize(8);
    }

    @Test
    void aBadValueAmongSeveralIsNamedWithItsRuleUnderTheTable(FxRobot robot) {
        GroupDialogPage page = open(robot, GroupEditRequest.edit(WEB, List.of(WEB, DB)));
        int rule = page.addRule();
        page.pasteInto(rule, RuleField.PORTS, "22\n99999\n");

        assertThat(page.cellText(rule, RuleField.PORTS)).isEqualTo("22, 99999");
        assertThat(page.errors()).singleElement().asString().startsWith("Rule 5: Port value \"99999\": ");
        assertThat(page.isApplyEnabled()).isFalse();
    }

    @Test
    void statefulSaysWhyItIsLockedWhileInterfacesUseTheGroupAndTheReviewNamesThem(FxRobot robot) {
        GroupDialogPage page = open(robot, GroupEditRequest.edit(WEB, List.of(WEB, DB),
                InterfaceReach.of(List.of("web-1 eth0", "web-2 eth0"))));

        assertThat(page.isStatefulDisabled()).isTrue();
        assertThat(page.note("statefulNote")).contains("2 interfaces: web-1 eth0, web-2 eth0");
        page.setName("web-2");
        page.pressSave();
        assertThat(page.reviewNotes())
                .contains("These changes apply immediately to 2 interfaces: web-1 eth0, web-2 eth0.");
    }

    @Test
    void typingOnInAtTheBottomOfTheTableWhenTheProblemListAppearsKeepsGoingIntoThatRule(FxRobot robot) {
        GroupDialogPage page = open(robot, GroupEditRequest.edit(WEB, List.of(WEB, DB)));
        int last = 0;
        for (int i = 0; i < 4; i++) {
            last = page.addRule();
            page.editCell(last, RuleField.PORTS, Integer.toString(1000 + i)).editCell(last, RuleField.REMOTE, "Anywhere");
        }
        assertThat(page.errors()).isEmpty();

        // the first letter makes the address wrong: the problem list appears and the table gets shorter
        page.editCell(last, RuleField.REMOTE, "xyz");

        assertThat(page.errors()).singleElement().asString().startsWith("Rule " + last + ": \"xyz\"");
        assertThat(page.cellText(last, RuleField.REMOTE)).isEqualTo("xyz");
        assertThat(page.cellText(last - 1, RuleField.REMOTE)).isEqualTo("Anywhere");
    }

    @Test
    void theRuleTableTakesTheHeightTheDialogGainsAndTheProblemAreaSaysWhenAllIsWell(FxRobot robot) {
        GroupDialogPage page = open(robot, GroupEditRequest.edit(WEB, List.of(WEB, DB)));
        javafx.stage.Window dialog = robot.window(w -> w != owner && w instanceof javafx.stage.Stage && w.isShowing());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(dialog.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        assertThat(dialog.getHeight()).isLessThanOrEqualTo(screen.getHeight());
        assertThat(page.allWell()).isEqualTo("Every rule is complete, and the review has no warning about them.");
        double before = page.table().getHeight();

        robot.interact(() -> dialog.setHeight(dialog.getHeight() - 120));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.table().getHeight()).isCloseTo(before - 120, org.assertj.core.data.Offset.offset(2.0));
        page.editCell(page.addRule(), RuleField.PORTS, "99999");
        assertThat(page.allWell()).isNull();
        assertThat(page.table().getHeight()).isCloseTo(before - 120, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void aNewRowKeepsAddOffUntilItsPortAndSourceAreChosenAndCtrlEnterReviewsThenAdds(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB, DB)));
        page.setName("open-web");
        int rule = page.addRule();

        assertThat(page.isApplyEnabled()).isFalse();
        assertThat(page.errors()).containsExactly("Rule 3: Type the port (22), a range (8000-8080), or any.",
                "Rule 3: Choose where the traffic comes from: an address range (10.0.0.0/8), a group, or Anywhere.");
        page.editCell(rule, RuleField.PORTS, "22").editCell(rule, RuleField.REMOTE, "Anywhere");
        assertThat(page.isApplyEnabled()).isTrue();
        assertThat(page.rowWarning(rule)).startsWith("Rule 3: Remote administration is open to any address");

        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(page.changes()).first().asString().isEqualTo("Create group \"open-web\" with 3 rules");
        assertThat(result).isNotDone();
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.CONTROL);

        assertThat(answer().orElseThrow().rules()).hasSize(3);
    }

    @Test
    void typingPartOfAGroupsNameOffersItUnderTheCellAndAPickFillsTheCell(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.edit(WEB, List.of(WEB, DB)));
        int rule = page.addRule();
        page.editCell(rule, RuleField.PORTS, "5432").editCell(rule, RuleField.REMOTE, "d");

        // the suggestions are worked out off the FX thread and shown a moment after the last keystroke
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> offer = () -> robot
                .lookup(".auto-complete-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> "Group db".equals(c.getText())).tryQuery();
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> offer.get().isPresent());
        javafx.scene.Node offered = offer.get().orElseThrow();
        robot.clickOn(offered);

        assertThat(page.cellText(rule, RuleField.REMOTE)).isEqualTo("Group db");
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void manyLongWarningsScrollInTheirAreaAndNeverRunOverTheHintBelowIt(FxRobot robot) {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB, DB)));
        page.setName("remote-admin").choosePreset("SSH");
        page.choosePreset("RDP");

        assertThat(page.warnings()).hasSizeGreaterThanOrEqualTo(4);
        javafx.scene.Node area = robot.lookup(".problem-scroll").query();
        javafx.scene.Node hint = robot.lookup(".hint").query();
        double areaBottom = area.localToScene(area.getBoundsInLocal()).getMaxY();
        double hintTop = hint.localToScene(hint.getBoundsInLocal()).getMinY();
        assertThat(hintTop).isGreaterThanOrEqualTo(areaBottom);
        assertThat(page.hint()).startsWith("The warnings do not stop Add");
    }
}
