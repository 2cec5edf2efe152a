package dev.portcullis.ui.network;

import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.ui.groupeditor.GroupDialogPage;
import dev.portcullis.ui.groupeditor.ProtocolChoice;
import dev.portcullis.ui.groupeditor.RuleField;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as it runs: the Network Configuration view, the real group dialog and the local workspace
 * on a file, wired as the composition root wires them.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleEndToEndTest {

    @TempDir
    Path dir;

    private WorkspaceBackend backend;
    private NetworkConfigurationViewModel vm;

    @Start
    void start(Stage stage) {
        backend = WorkspaceBackend.open(dir.resolve("workspace.json"));
        vm = ConsoleWindow.show(stage, backend);
    }

    @AfterEach
    void closeWorkspace() {
        backend.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    private static boolean onScreen(NetworkConfigurationPage page, String group) {
        try {
            return !page.cells(group).isEmpty();
        } catch (AssertionError notYetLaidOut) {
            return false;
        }
    }

    @Test
    void aGroupWithThreeRulesIsCreatedSavedToTheWorkspaceAndFoundByItsPort(FxRobot robot) throws Exception {
        NetworkConfigurationPage page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        waitUntil(() -> page.rows().contains("web-server-public"));

        page.pressNew();
        GroupDialogPage dialog = new GroupDialogPage(robot);
        dialog.setName("ssh-admins").tabToDescriptionAndType("Administrators' jump hosts");
        int ssh = dialog.addRule();
        dialog.editCell(ssh, RuleField.PORTS, "22").editCell(ssh, RuleField.REMOTE, "203.0.113.0/24");
        int tls = dialog.addRule();
        dialog.editCell(tls, RuleField.PORTS, "8443").choose(tls, RuleField.IP_VERSION, "IPv6")
                .editCell(tls, RuleField.REMOTE, "Anywhere");
        int ping = dialog.addRule();
        dialog.chooseProtocol(ping, ProtocolChoice.ICMP).editCell(ping, RuleField.PORTS, "8/0")
                .editCell(ping, RuleField.REMOTE, "10.0.0.0/8");
        assertThat(dialog.errors()).isEmpty();
        dialog.pressAdd();
        assertThat(dialog.changes()).first().asString().isEqualTo("Create group \"ssh-admins\" with 5 rules");
        dialog.pressAdd();

        waitUntil(() -> page.rows().contains("ssh-admins"));
        page.filter("8443");
        assertThat(page.rows()).containsExactly("ssh-admins");

        SecurityGroup saved = new DefinitionReader().read(dir.resolve("workspace.json")).definitions().groups()
                .stream().filter(g -> g.name().equals("ssh-admins")).findFirst().orElseThrow();
        assertThat(saved.description()).isEqualTo("Administrators' jump hosts");
        assertThat(saved.rules()).extracting(r -> r.summary(id -> null)).containsExactlyInAnyOrder(
                "Egress IPv4 all traffic to 0.0.0.0/0",
                "Egress IPv6 all traffic to ::/0",
                "Ingress IPv4 TCP 22 from 203.0.113.0/24",
                "Ingress IPv6 TCP 8443 from ::/0",
                "Ingress IPv4 ICMP type 8 code 0 from 10.0.0.0/8");
    }

    @Test
    void aGroupChangedElsewhereWhileEditingComesBackWithWhatWasTypedThenSaves(FxRobot robot) throws Exception {
        NetworkConfigurationPage page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        waitUntil(() -> page.rows().contains("web-server-public"));
        SecurityGroup web = backend.load(dev.portcullis.backend.ProgressListener.NONE).get(5, TimeUnit.SECONDS)
                .groups().stream().filter(g -> g.name().equals("web-server-public")).findFirst().orElseThrow();

        waitUntil(() -> onScreen(page, "web-server-public"));
        page.pressEdit("web-server-public");
        GroupDialogPage dialog = new GroupDialogPage(robot);
        // Meanwhile a colleague changes the group's description.
        backend.apply(dev.portcullis.domain.ChangePlan.between(web, new dev.portcullis.domain.GroupDraft(
                web.name(), "Changed by a colleague", true, web.rules()))).get(5, TimeUnit.SECONDS);
        dialog.setName("web-public");
        int smtp = dialog.addRule();
        dialog.editCell(smtp, RuleField.PORTS, "25").editCell(smtp, RuleField.REMOTE, "10.0.0.0/8");
        dialog.pressSave().pressSave();

        // The save is refused: what the colleague changed is listed, and the user reapplies their changes.
        waitUntil(() -> !robot.lookup("#conflictContent").queryAll().isEmpty());
        assertThat(robot.lookup(".conflict-change").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .containsExactly("• Description changed to \"Changed by a colleague\"");
        robot.clickOn("#reapplyButton");

        GroupDialogPage again = new GroupDialogPage(robot);
        waitUntil(() -> again.errorBanner() != null);
        assertThat(again.errorBanner()).startsWith("Your changes were carried over onto \"web-server-public\"");
        assertThat(robot.lookup("#nameField").queryTextInputControl().getText()).isEqualTo("web-public");
        assertThat(again.ruleCount()).as("the typed rule is still there").isEqualTo(web.rules().size() + 1);
        again.pressSave().pressSave();

        waitUntil(() -> page.rows().contains("web-public"));
        SecurityGroup saved = new DefinitionReader().read(dir.resolve("workspace.json")).definitions().groups()
                .stream().filter(g -> g.name().equals("web-public")).findFirst().orElseThrow();
        assertThat(saved.rules()).extracting(r -> r.summary(id -> null))
                .contains("Ingress IPv4 TCP 25 from 10.0.0.0/8").hasSize(web.rules().size() + 1);
        assertThat(saved.description()).as("the colleague's change stays").isEqualTo("Changed by a colleague");
    }

    private List<String> savedTags() {
        SecurityGroup saved = new DefinitionReader().read(dir.resolve("workspace.json")).definitions().groups()
                .stream().filter(g -> g.name().equals("web-server-public")).findFirst().orElseThrow();
        return saved.tags();
    }

    private static void addTag(FxRobot robot, String tag) {
        robot.clickOn("#tagInput").write(tag).type(javafx.scene.input.KeyCode.ENTER);
    }

    private static List<String> chipsIn(FxRobot robot, String container) {
        return robot.lookup(container).lookup(".tag-chip .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }

    /** The chips of the group list: labels of their own. */
    private static List<String> listChips(FxRobot robot) {
        return robot.lookup(".table-view .tag-chip").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    /** Tags: added and removed in the dialog, kept in the file, shown in the list, found with tag:NAME. */
    @Test
    void aTagIsAddedFilteredOnAndRemoved(FxRobot robot) throws Exception {
        NetworkConfigurationPage page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        waitUntil(() -> onScreen(page, "web-server-public"));

        page.pressEdit("web-server-public");
        GroupDialogPage dialog = new GroupDialogPage(robot);
        addTag(robot, "prod");
        addTag(robot, "Team/Web");
        addTag(robot, "PROD");
        assertThat(robot.lookup("#tagMessage").queryAs(Label.class).getText())
                .contains("\"PROD\" is there already").contains("letter case");
        assertThat(chipsIn(robot, "#tagChips")).containsExactly("prod", "Team/Web");
        dialog.pressSave();
        assertThat(dialog.changes()).contains("Set the tags to prod, Team/Web");
        dialog.pressSave();

        waitUntil(() -> savedTags().size() == 2);
        assertThat(savedTags()).containsExactly("prod", "Team/Web");
        waitUntil(() -> listChips(robot).containsAll(List.of("prod", "Team/Web")));
        page.filter("tag:PROD");
        waitUntil(() -> page.rows().equals(List.of("web-server-public")));

        page.filter("");
        waitUntil(() -> onScreen(page, "web-server-public"));
        page.pressEdit("web-server-public");
        GroupDialogPage again = new GroupDialogPage(robot);
        Node prodChip = robot.lookup("#tagChips .tag-chip").match(n -> "prod".equals(n.getUserData())).query();
        robot.clickOn(prodChip.lookup(".tag-remove"));
        assertThat(chipsIn(robot, "#tagChips")).containsExactly("Team/Web");
        again.pressSave().pressSave();

        waitUntil(() -> savedTags().size() == 1);
        assertThat(savedTags()).containsExactly("Team/Web");
        page.filter("tag:prod");
        waitUntil(() -> page.rows().isEmpty());
    }
}
