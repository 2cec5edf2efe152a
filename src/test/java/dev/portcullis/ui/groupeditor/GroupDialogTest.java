package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import org.junit.jupiter.api.Test;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.DB;
import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.EGRESS_V4;
import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.EGRESS_V6;
import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.HTTP;
import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/** The group dialog end to end, headless, through {@link GroupDialogPage}: what a person does, what comes back. */
@ExtendWith(ApplicationExtension.class)
class GroupDialogTest extends GroupDialogHarness {

    @Test
    void createsAGroupWithThreeRulesByKeyboardAndMouse(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB, DB)));
        assertThat(page.ruleCount()).isEqualTo(2);
        assertThat(page.isApplyEnabled()).isFalse();

        page.setName("web-server-public").tabToDescriptionAndType("Public web server");
        int ssh = page.addRule();
        assertThat(page.hasFocusInRow(ssh)).isTrue();
        page.editCell(ssh, RuleField.PORTS, "22")
                .editCell(ssh, RuleField.REMOTE, "203.0.113.0/24")
                .editCell(ssh, RuleField.DESCRIPTION, "admins");
        int https = page.addRule();
        page.tabAndType(3, "443").choose(https, RuleField.IP_VERSION, "IPv6")
                .editCell(https, RuleField.REMOTE, "Anywhere");
        int ping = page.addRule();
        page.chooseProtocol(ping, ProtocolChoice.ICMP)
                .editCell(ping, RuleField.PORTS, "8/0")
                .choose(ping, RuleField.REMOTE, "Group db");

        assertThat(page.errors()).isEmpty();
        page.pressAdd();
        assertThat(page.changes()).containsExactly(
                "Create group \"web-server-public\" with 5 rules",
                "Add Egress IPv4 all traffic to 0.0.0.0/0",
                "Add Egress IPv6 all traffic to ::/0",
                "Add Ingress IPv4 TCP 22 from 203.0.113.0/24 (\"admins\")",
                "Add Ingress IPv6 TCP 443 from ::/0",
                "Add Ingress IPv4 ICMP type 8 code 0 from group db");
        assertThat(result).isNotDone();
        page.pressAdd();

        assertThat(answer()).contains(new GroupDraft("web-server-public", "Public web server", true, List.of(
                Rule.egressAnywhere(EtherType.IPV4),
                Rule.egressAnywhere(EtherType.IPV6),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                        Remote.prefix("203.0.113.0/24"), "admins"),
                Rule.draft(Direction.INGRESS, EtherType.IPV6, Protocol.TCP, PortRange.of(443), Remote.ANYWHERE, ""),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.ICMP, PortRange.icmp(8, 0),
                        Remote.group(DB.id()), ""))));
    }

    @Test
    void anInvalidCidrKeepsAddDisabledAndSaysWhyUnderTheTable(FxRobot robot) {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("web");
        int rule = page.addRule();
        page.editCell(rule, RuleField.PORTS, "22").editCell(rule, RuleField.REMOTE, "10.0.0.300/24");

        String message = "\"10.0.0.300/24\" is not an IP address or network: write it like 203.0.113.0/24, "
                + "198.51.100.7 or 2001:db8::/32.";
        assertThat(page.isApplyEnabled()).isFalse();
        assertThat(page.errors()).containsExactly("Rule 3: " + message);
        assertThat(page.isCellMarkedInvalid(rule, RuleField.REMOTE)).isTrue();
        assertThat(page.cellTooltip(rule, RuleField.REMOTE)).isEqualTo(message);
        assertThat(page.isCellMarkedInvalid(rule, RuleField.PORTS)).isFalse();
        assertThat(page.isRowMarkedInvalid(rule)).isTrue();
        assertThat(page.hint()).isEqualTo("Add is available once the problems above are corrected.");

        page.editCell(rule, RuleField.REMOTE, "10.0.0.0/24");

        assertThat(page.errors()).isEmpty();
        assertThat(page.isCellMarkedInvalid(rule, RuleField.REMOTE)).isFalse();
        assertThat(page.isRowMarkedInvalid(rule)).isFalse();
        assertThat(page.isApplyEnabled()).isTrue();
    }

    @Test
    void sshOpenToTheWorldIsAWarningInTheEditorAndTheListOfChangesButAddStillWorks(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("bastion").choosePreset("SSH");

        assertThat(page.errors()).isEmpty();
        assertThat(page.warnings()).containsExactly(
                "Rule 3: Remote administration is open to any address on the internet: SSH (22).",
                "Rule 4: Remote administration is open to any address on the internet: SSH (22).");
        assertThat(page.isApplyEnabled()).isTrue();

        page.pressAdd();
        assertThat(page.changes()).startsWith("Create group \"bastion\" with 4 rules");
        assertThat(page.reviewWarnings()).hasSize(2).allMatch(w -> w.contains("SSH (22)"));

        page.pressAdd();
        assertThat(answer()).hasValueSatisfying(draft -> assertThat(draft.rules()).hasSize(4));
    }

    @Test
    void aRuleFromTheOfficeNetworkRaisesNoWarning(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("bastion");
        int rule = page.addRule();
        page.editCell(rule, RuleField.PORTS, "22").editCell(rule, RuleField.REMOTE, "10.20.0.0/16")
                .editCell(rule, RuleField.DESCRIPTION, "admins");

        assertThat(page.errors()).isEmpty();
        assertThat(page.warnings()).isEmpty();
        page.pressEscape().confirmDiscard();
        assertThat(answer()).isEmpty();
    }

    @Test
    void aDuplicateRuleIsRefusedBeforeAnythingIsReturned(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("bastion").choosePreset("SSH");
        assertThat(page.ruleCount()).isEqualTo(4);
        int again = page.addRule();
        page.editCell(again, RuleField.PORTS, "22").editCell(again, RuleField.REMOTE, "Anywhere")
                .editCell(again, RuleField.DESCRIPTION, "ssh once more");

        assertThat(page.errors()).containsExactly(
                "Rule 3: Same rule as rule 5 (Ingress IPv4 TCP 22 from 0.0.0.0/0). Rules that differ only in their "
                        + "description count as one: remove one of them.",
                "Rule 5: Same rule as rule 3 (Ingress IPv4 TCP 22 from 0.0.0.0/0). Rules that differ only in their "
                        + "description count as one: remove one of them.");
        assertThat(page.isRowMarkedInvalid(3)).isTrue();
        assertThat(page.isRowMarkedInvalid(5)).isTrue();
        assertThat(page.rowTooltip(5)).startsWith("Same rule as rule 3 (Ingress IPv4 TCP 22 from 0.0.0.0/0).");
        assertThat(page.isRowMarkedInvalid(4)).isFalse();
        assertThat(page.isApplyEnabled()).isFalse();

        robot.clickOn(page.applyButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.changes()).isEmpty();
        assertThat(result).isNotDone();

        page.pressEscape().confirmDiscard();
        assertThat(answer()).isEmpty();
    }

    @Test
    void anEditRenamesAddsAndRemovesAndKeepsTheIdsOfRulesLeftAlone(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.edit(WEB, List.of(WEB, DB)));
        assertThat(page.isApplyEnabled()).isFalse();
        assertThat(page.hint()).isEqualTo("Nothing to save: nothing has changed yet.");

        page.setName("web-public").deleteRule(3);
        int https = page.addRule();
        page.editCell(https, RuleField.PORTS, "443").editCell(https, RuleField.REMOTE, "Anywhere");
        page.pressSave();
        assertThat(page.changes()).containsExactly(
                "Rename the group to \"web-public\"",
                "Add Ingress IPv4 TCP 443 from 0.0.0.0/0",
                "Remove Ingress IPv4 TCP 22 from 203.0.113.0/24");

        page.pressBack();
        assertThat(page.changes()).isEmpty();
        page.editCell(https, RuleField.DESCRIPTION, "TLS");
        page.pressSave().pressSave();

        assertThat(answer()).contains(new GroupDraft("web-public", WEB.description(), true, List.of(
                EGRESS_V4, EGRESS_V6, HTTP,
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443), Remote.ANYWHERE,
                        "TLS"))));
    }

    @Test
    void aFailedSaveComesBackWithWhatWasTypedAndTheServersMessage(FxRobot robot) throws Exception {
        GroupDraft typed = new GroupDraft("resolver", "DNS servers", true, List.of(EGRESS_V4.asDraft(),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.UDP, PortRange.of(53), Remote.ANYWHERE, "dns")));
        GroupEditRequest failed = GroupEditRequest.create(List.of(WEB)).withDraft(typed)
                .retry(Optional.empty(), "Quota exceeded for resources: ['security_group'].");

        GroupDialogPage page = open(robot, failed);

        assertThat(page.errorBanner()).isEqualTo("Quota exceeded for resources: ['security_group'].");
        assertThat(page.errorTitle()).as("true whether or not the group was made; the message says which")
                .isEqualTo("Creating the group did not finish");
        assertThat(page.ruleCount()).isEqualTo(2);
        page.chooseOtherProtocol(2, "udp");
        page.pressAdd().pressAdd();
        assertThat(answer()).contains(typed);
    }

    @Test
    void cancelWithNothingTypedReturnsNothingAtOnce(FxRobot robot) throws Exception {
        open(robot, GroupEditRequest.create(List.of(WEB)));
        robot.clickOn("Cancel");
        assertThat(answer()).isEmpty();
    }

    @Test
    void cancelAsksBeforeThrowingAwayWhatWasTyped(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("temporary");

        robot.clickOn("Cancel");
        page.keepEditing();
        assertThat(result).isNotDone();
        assertThat(robot.lookup("#nameField").queryTextInputControl().getText()).isEqualTo("temporary");

        page.pressEscape().confirmDiscard();
        assertThat(answer()).isEmpty();
    }

    @Test
    void escapeOnTheListOfChangesGoesBackToTheEditor(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("kept");
        page.pressAdd();
        assertThat(page.isReviewing()).isTrue();

        page.pressEscape();

        assertThat(page.isReviewing()).isFalse();
        assertThat(result).isNotDone();
        page.pressAdd().pressAdd();
        assertThat(answer()).hasValueSatisfying(draft -> assertThat(draft.name()).isEqualTo("kept"));
    }

    @Test
    void theKeyboardReplacesAnywhereAndShiftTabLeavesTheSourceCell(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("keyboard-only");
        int rule = page.addRule();

        page.tabAndType(4, "10.1.0.0/16");
        robot.press(KeyCode.SHIFT).push(KeyCode.TAB).release(KeyCode.SHIFT);
        robot.write("22");
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.ComboBox<?> remote = (javafx.scene.control.ComboBox<?>) page.control(rule, RuleField.REMOTE);
        javafx.scene.control.TextField ports = (javafx.scene.control.TextField) page.control(rule, RuleField.PORTS);
        assertThat(remote.getEditor().getText()).isEqualTo("10.1.0.0/16");
        assertThat(ports.getText()).isEqualTo("22");
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void aNewRuleBelowTheFoldGetsTheCursorAndWhatIsTypedGoesIntoIt(FxRobot robot) throws Exception {
        GroupDialogPage page = open(robot, GroupEditRequest.create(List.of(WEB)));
        page.setName("many-rules").choosePreset("HTTP");
        page.choosePreset("HTTPS");
        page.choosePreset("SSH");
        page.choosePreset("RDP");
        int last = page.addRule();

        // The cursor is placed once the table has laid the new row out, a pulse or two later.
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> page.hasFocusInRow(last));
        page.tabAndType(4, "10.1.0.0/16");

        javafx.scene.control.ComboBox<?> remote = (javafx.scene.control.ComboBox<?>) page.control(last, RuleField.REMOTE);
        assertThat(remote.getEditor().getText()).isEqualTo("10.1.0.0/16");
        assertThat(page.errors()).containsExactly("Rule " + last + ": Type the port (22), a range (8000-8080), or any.");
        page.editCell(last, RuleField.PORTS, "any");
        assertThat(page.errors()).isEmpty();
    }
}
