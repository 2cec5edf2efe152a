package dev.portcullis.ui.network;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.groupeditor.GroupDialogPage;
import dev.portcullis.ui.groupeditor.RuleField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's create, edit and delete flows against the real neutron-server of
 * {@code scripts/neutron/neutron-up.sh}: the Network Configuration view and the real group dialog on a
 * {@link NeutronBackend}, as a member of a project of its own (trusted headers), checked by reading the
 * server back. Run by {@code mvn verify -Pneutron}; without the server's address it fails.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleNeutronIT {

    private NeutronBackend backend;
    private NeutronBackend reader;
    private NetworkConfigurationViewModel vm;

    @Start
    void start(Stage stage) {
        String url = System.getProperty("portcullis.neutron.url");
        assertThat(url).as("system property portcullis.neutron.url (run with -Pneutron)").isNotBlank();
        Map<String, Secret> member = Map.of("X-User-Id", Secret.of("portcullis-console-it"),
                "X-Project-Id", Secret.of(UUID.randomUUID().toString().replace("-", "")),
                "X-Roles", Secret.of("member"));
        backend = new NeutronBackend(FixedSession.open("console-it", URI.create(url), member));
        reader = new NeutronBackend(FixedSession.open("console-it reader", URI.create(url), member));
        vm = ConsoleWindow.show(stage, backend);
    }

    @AfterEach
    void close() {
        backend.close();
        reader.close();
    }

    @Test
    void aGroupIsCreatedEditedAndDeletedOnTheServerFromTheConsole(FxRobot robot) throws Exception {
        NetworkConfigurationPage page = new NetworkConfigurationPage(robot);
        robot.interact(vm::refresh);
        waitUntil(() -> page.defaultRows().contains("default"));

        page.pressNew();
        GroupDialogPage create = new GroupDialogPage(robot);
        create.setName("console-web").tabToDescriptionAndType("Made by the console");
        int https = create.addRule();
        create.editCell(https, RuleField.PORTS, "443").editCell(https, RuleField.REMOTE, "198.51.100.0/24");
        create.pressAdd().pressAdd();
        waitUntil(() -> page.rows().contains("console-web"));

        SecurityGroup created = onServer("console-web").orElseThrow();
        assertThat(created.description()).isEqualTo("Made by the console");
        assertThat(created.rules()).extracting(r -> r.summary(id -> null)).containsExactlyInAnyOrder(
                "Egress IPv4 all traffic to 0.0.0.0/0",
                "Egress IPv6 all traffic to ::/0",
                "Ingress IPv4 TCP 443 from 198.51.100.0/24");

        waitUntil(() -> page.editEnabled("console-web"));
        page.pressEdit("console-web");
        GroupDialogPage edit = new GroupDialogPage(robot);
        edit.setName("console-web-tls");
        int smtp = edit.addRule();
        edit.editCell(smtp, RuleField.PORTS, "25").editCell(smtp, RuleField.REMOTE, "10.0.0.0/8");
        edit.pressSave().pressSave();
        waitUntil(() -> page.rows().contains("console-web-tls"));

        SecurityGroup edited = onServer("console-web-tls").orElseThrow();
        assertThat(edited.id()).isEqualTo(created.id());
        assertThat(edited.revision()).isGreaterThan(created.revision());
        assertThat(edited.rules()).extracting(r -> r.summary(id -> null))
                .contains("Ingress IPv4 TCP 443 from 198.51.100.0/24", "Ingress IPv4 TCP 25 from 10.0.0.0/8")
                .hasSize(4);
        waitUntil(() -> page.detailsRevision().contains(String.valueOf(edited.revision())));

        page.pressDelete("console-web-tls");
        page.confirmDelete();
        waitUntil(() -> !page.rows().contains("console-web-tls"));
        assertThat(onServer("console-web-tls")).isEmpty();
    }

    private Optional<SecurityGroup> onServer(String name) throws Exception {
        return reader.load(ProgressListener.NONE).get(30, TimeUnit.SECONDS).groups().stream()
                .filter(g -> g.name().equals(name)).findFirst();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            try {
                return condition.getAsBoolean();
            } catch (AssertionError notYetLaidOut) {
                return false;
            }
        });
    }
}
