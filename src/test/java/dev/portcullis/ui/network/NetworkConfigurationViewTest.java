package dev.portcullis.ui.network;

import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.shell.MainWindow;
import dev.portcullis.ui.shell.MainWindowViewModel;
import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The view end to end, headless: the real FXML, controller and view model on a fake backend. */
@ExtendWith(ApplicationExtension.class)
class NetworkConfigurationViewTest {

    private final FakeBackend backend = Fixtures.seededBackend();
    private final List<GroupEditRequest> editorCalls = new ArrayList<>();
    private final Deque<Optional<GroupDraft>> editorAnswers = new ArrayDeque<>();
    private NetworkConfigurationViewModel vm;
    private NetworkConfigurationPage page;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        backend.groups.add(Fixtures.group("g-old", "old-bastion", "Jump host, retired", List.of(
                Fixtures.tcpIn("r-old", 22, 22, "198.51.100.0/24"))));
        vm = new NetworkConfigurationViewModel(backend, Platform::runLater, Runnable::run);
        Parent view = ViewLoader.load(NetworkConfigurationController.class, "NetworkConfigurationView.fxml",
                () -> new NetworkConfigurationController(vm, TestDialogs.commands(vm, stage, this::editor)));
        MainWindow window = new MainWindow(new MainWindowViewModel(backend.describe(), vm), view);
        stage.setScene(Theme.styled(new Scene(window.root(), 1280, 800)));
        stage.show();
    }

    /** The group dialog's stand-in: records what it was opened on and answers what the test queued. */
    private Optional<GroupDraft> editor(GroupEditRequest request) {
        editorCalls.add(request);
        return editorAnswers.isEmpty() ? Optional.empty() : editorAnswers.poll();
    }

    private NetworkConfigurationPage load(FxRobot robot) {
        page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        return page;
    }

    @Test
    void showsTheGroupsSplitIntoTheirSections(FxRobot robot) {
        load(robot);

        assertThat(page.defaultRows()).containsExactly("default");
        assertThat(page.rows()).containsExactly("db-internal", "old-bastion", "web-server-public");
        assertThat(page.cells("web-server-public")).containsExactly("web-server-public",
                "Security group for a public web server. Allows SSH access and inbound HTTP/HTTPS traffic",
                "6 in / 2 out", "1 interface");
        assertThat(page.cells("old-bastion")).contains("1 in / 0 out", "Not used");
        assertThat(page.status()).isEqualTo("Loaded 4 security groups");
    }

    @Test
    void aNameAndDescriptionFromOutsideAreShownWithTheirControlsEscaped(FxRobot robot) {
        backend.groups.add(Fixtures.group("g-evil", "rel-\u001b]0;pwned\u0007\u202eevil", "line\u2028\u200bhidden",
                List.of()));
        load(robot);

        // the row keeps the name as it is; its cells show it escaped
        assertThat(page.cells("rel-\u001b]0;pwned\u0007\u202eevil")).contains("rel-\\u001b]0;pwned\\u0007\\u202eevil",
                "line\\u2028\\u200bhidden");
    }

    @Test
    void theColumnsSortTheCustomGroupsAndTheFilterKeepsTheOrder(FxRobot robot) {
        load(robot);

        page.sortBy("Rules");
        assertThat(page.rows()).containsExactly("old-bastion", "db-internal", "web-server-public");
        page.sortBy("Rules");
        assertThat(page.rows()).containsExactly("web-server-public", "db-internal", "old-bastion");

        page.filter("198.51.100.0/24");
        assertThat(page.rows()).containsExactly("web-server-public", "old-bastion");

        page.sortBy("Name");
        assertThat(page.rows()).containsExactly("old-bastion", "web-server-public");
    }

    @Test
    void theDetailsShowTheRulesInWordsAndTheInterfaces(FxRobot robot) {
        load(robot);

        page.selectGroup("db-internal");

        assertThat(page.detailsRules()).containsExactly("Egress IPv4 all traffic to 0.0.0.0/0",
                "Egress IPv6 all traffic to ::/0", "Ingress IPv4 TCP 5432 from group web-server-public",
                "Ingress IPv6 TCP 5432 from group web-server-public");
        assertThat(page.detailsInterfaces()).containsExactly("db-1 eth0");
        assertThat(page.detailsRevision()).isEqualTo("Revision 1 · stateful");
    }

    @Test
    void theFilterFindsAGroupByPort(FxRobot robot) {
        load(robot);

        page.filter("5432");

        assertThat(page.rows()).containsExactly("db-internal");
        assertThat(page.filterSummary()).isEqualTo("2 of 4");

        page.filter("443");

        assertThat(page.rows()).containsExactly("web-server-public");
    }

    @Test
    void deleteAsksWithTheWordsOfTheDocumentationThenRemovesTheGroup(FxRobot robot) {
        load(robot);

        page.pressDelete("old-bastion");

        assertThat(page.dialog("delete-confirmation")).hasValueSatisfying(texts -> assertThat(texts)
                .contains("Delete the security group \"old-bastion\"?", "This action is irreversible."));
        page.confirmDelete();

        assertThat(page.rows()).containsExactly("db-internal", "web-server-public");
        assertThat(backend.deleted).extracting(r -> r.name()).containsExactly("old-bastion");
        assertThat(page.status()).isEqualTo("Deleted \"old-bastion\"");
        assertThat(page.selected()).as("the row that took its place").isEqualTo("web-server-public");
        assertThat(page.tableFocused()).isTrue();
    }

    @Test
    void aGroupInUseCannotBeDeletedAndTheTooltipNamesTheInterface(FxRobot robot) {
        load(robot);

        assertThat(page.deleteEnabled("web-server-public")).isFalse();
        assertThat(page.deleteTooltip("web-server-public")).contains("web-1 eth0").contains("Remove from interface");
        assertThat(page.deleteEnabled("old-bastion")).isTrue();

        page.selectGroup("web-server-public");
        page.key(KeyCode.DELETE);

        assertThat(page.errorDialog()).hasValueSatisfying(text -> assertThat(text)
                .startsWith("\"web-server-public\" cannot be deleted").contains("web-1 eth0"));
        page.key(KeyCode.ESCAPE);
        assertThat(page.errorDialog()).isEmpty();
        assertThat(backend.deleted).isEmpty();
    }

    @Test
    void removeFromInterfaceThenDeleteTakesTheRulesThatPointAtIt(FxRobot robot) {
        load(robot);
        page.selectGroup("web-server-public");

        page.removeFromInterface("web-1 eth0");

        assertThat(backend.detached).containsExactly("web-1 eth0 - web-server-public");
        assertThat(page.detailsInterfaces()).isEmpty();
        assertThat(page.deleteEnabled("web-server-public")).isTrue();

        page.pressDelete("web-server-public");

        assertThat(page.dialog("delete-confirmation")).hasValueSatisfying(texts -> assertThat(texts)
                .contains("This action is irreversible.", "db-internal",
                        "Ingress IPv4 TCP 5432 from group web-server-public",
                        "Ingress IPv6 TCP 5432 from group web-server-public"));
        page.confirmDelete();

        assertThat(page.rows()).containsExactly("db-internal", "old-bastion");
        assertThat(page.cells("db-internal")).contains("0 in / 2 out");
    }

    @Test
    void aNewGroupFromTheDialogIsCreatedAndSelected(FxRobot robot) {
        load(robot);
        GroupDraft draft = new GroupDraft("app-tier", "Application servers", true, List.of(
                Rule.egressAnywhere(EtherType.IPV4), Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
                        PortRange.of(8080), Remote.prefix("10.0.0.0/24"), null)));
        editorAnswers.add(Optional.of(draft));

        page.pressNew();

        assertThat(editorCalls).hasSize(1);
        assertThat(editorCalls.get(0).isNew()).isTrue();
        assertThat(editorCalls.get(0).groups()).hasSize(4);
        assertThat(page.rows()).contains("app-tier");
        assertThat(page.detailsRules()).contains("Ingress IPv4 TCP 8080 from 10.0.0.0/24");
        assertThat(page.status()).isEqualTo("Created \"app-tier\"");
    }

    @Test
    void aFailedSaveOpensTheDialogAgainWithTheDraftAndTheReason(FxRobot robot) {
        load(robot);
        SecurityGroup db = backend.group("db-internal");
        GroupDraft draft = new GroupDraft("db-internal", "PostgreSQL and its replicas", true, db.rules());
        editorAnswers.add(Optional.of(draft));
        backend.failNextApply = FakeBackend.refusal(BackendException.Kind.CONFLICT, "SecurityGroupRuleExists",
                "Security group rule already exists. Rule id is r-db1.");

        page.pressEdit("db-internal");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(editorCalls).hasSize(2);
        assertThat(editorCalls.get(0).original()).contains(db);
        GroupEditRequest again = editorCalls.get(1);
        assertThat(again.original()).contains(db);
        assertThat(again.draft()).isEqualTo(draft);
        assertThat(again.error()).contains("Security group rule already exists. Rule id is r-db1.");
        assertThat(page.status()).isEqualTo("Could not save \"db-internal\"");
    }

    @Test
    void theDialogOpensAgainUntilTheSaveWorks(FxRobot robot) {
        load(robot);
        GroupDraft draft = GroupDraft.newGroup("web-server-public", "a second one");
        editorAnswers.add(Optional.of(draft));
        editorAnswers.add(Optional.of(GroupDraft.newGroup("web-server-public-2", "a second one")));
        backend.failNextCreate = FakeBackend.refusal(BackendException.Kind.INVALID, "DuplicateName",
                "A group named \"web-server-public\" already exists.");

        page.pressNew();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(editorCalls).hasSize(2);
        assertThat(editorCalls.get(1).draft()).isEqualTo(draft);
        assertThat(editorCalls.get(1).error()).contains("A group named \"web-server-public\" already exists.");
        assertThat(page.rows()).contains("web-server-public-2");
        assertThat(backend.created).hasSize(2);
    }

    @Test
    void keyboardRefreshFilterDeleteNewAndEdit(FxRobot robot) {
        load(robot);
        int loads = backend.loads;

        page.key(KeyCode.F5);
        assertThat(backend.loads).isEqualTo(loads + 1);

        page.key(KeyCode.CONTROL, KeyCode.F);
        assertThat(page.filterFocused()).isTrue();

        page.selectGroup("old-bastion");
        page.key(KeyCode.DELETE);
        assertThat(page.dialog("delete-confirmation")).isPresent();
        page.key(KeyCode.ESCAPE);
        assertThat(page.dialog("delete-confirmation")).isEmpty();
        assertThat(backend.deleted).isEmpty();

        page.key(KeyCode.ENTER);
        assertThat(editorCalls).hasSize(1);
        assertThat(editorCalls.get(0).original().map(SecurityGroup::name)).contains("old-bastion");

        page.key(KeyCode.CONTROL, KeyCode.N);
        assertThat(editorCalls).hasSize(2);
        assertThat(editorCalls.get(1).isNew()).isTrue();
    }

    @Test
    void theLoadingAndErrorStatesThenRetry(FxRobot robot) {
        page = new NetworkConfigurationPage(robot);
        backend.holdLoads = true;
        robot.interact(vm::refresh);

        assertThat(page.showing("loadingPane")).isTrue();
        assertThat(page.showing("content")).isFalse();

        robot.interact(() -> backend.heldLoads.get(0).completeExceptionally(FakeBackend.refusal(
                BackendException.Kind.UNAVAILABLE, "Unreachable", "The cloud did not answer in 30 seconds.")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.showing("loadingPane")).isFalse();
        assertThat(page.showing("errorPane")).isTrue();
        assertThat(page.errorText()).isEqualTo("The cloud did not answer in 30 seconds.");

        backend.holdLoads = false;
        page.retry();

        assertThat(page.showing("errorPane")).isFalse();
        assertThat(page.showing("content")).isTrue();
        assertThat(page.rows()).hasSize(3);
    }

    @Test
    void noCustomGroupYetIsADesignedEmptyStateWithTheNewButton(FxRobot robot) {
        backend.groups.removeIf(g -> !g.isDefault());
        backend.ports.clear();
        load(robot);

        assertThat(page.rows()).isEmpty();
        assertThat(page.emptyState()).contains("No custom security groups yet", "+ New Security Group");

        page.pressEmptyStateAction();

        assertThat(editorCalls).hasSize(1);
        assertThat(editorCalls.get(0).isNew()).isTrue();
    }

    @Test
    void aReadOnlyPlaceWithoutCustomGroupsSaysWhyInsteadOfOfferingAButtonThatDoesNothing(FxRobot robot) {
        backend.groups.removeIf(g -> !g.isDefault());
        backend.readOnlyReason = "groups.json is open read-only: import it into the workspace to change it.";
        load(robot);

        assertThat(page.emptyState()).contains("No custom security groups yet",
                "groups.json is open read-only: import it into the workspace to change it.")
                .doesNotContain("+ New Security Group");
    }

    @Test
    void anotherGroupsDetailsStartAtTheirHeader(FxRobot robot) {
        load(robot);
        page.selectGroup("web-server-public");
        javafx.scene.control.ScrollPane details = robot.lookup("#detailsScroll").queryAs(
                javafx.scene.control.ScrollPane.class);
        robot.interact(() -> details.setVvalue(1));

        page.selectGroup("db-internal");

        assertThat(details.getVvalue()).isZero();
    }

    @Test
    void at1024By700TheNamesAndTheDetailsButtonsAreWhole(FxRobot robot) {
        load(robot);
        page.atSize(1024, 700, () -> at1024(robot));
    }

    private void at1024(FxRobot robot) {
        page.selectGroup("web-server-public");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.cutCells("web-server-public")).doesNotContain("web-server-public");
        assertThat(page.cutCells("db-internal")).doesNotContain("db-internal");
        assertThat(robot.lookup(".details-actions .button").queryAllAs(javafx.scene.control.Button.class))
                .hasSize(3).allSatisfy(b -> assertThat(b.getWidth()).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5));
    }
}
