package dev.portcullis.ui.traffic;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.domain.Direction;
import dev.portcullis.review.TrafficCheckAnswer.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficCheckViewModelTest {

    static final Path PROJECT = Path.of("src/test/resources/dev/portcullis/review/traffic/project.json");

    static Snapshot project() {
        return new DefinitionFileIo().read(PROJECT).snapshot();
    }

    private static TrafficCheckViewModel askAbout(String target, boolean portsKnown) {
        TrafficCheckViewModel vm = new TrafficCheckViewModel(project(), portsKnown, null, Runnable::run, Runnable::run);
        vm.targetProperty().set(vm.targets().stream().filter(t -> t.label().equals(target)).findFirst().orElseThrow());
        return vm;
    }

    @Test
    void offersEveryGroupAndInterfaceTellingSameNamedGroupsApart() {
        TrafficCheckViewModel vm = new TrafficCheckViewModel(project(), true, null, Runnable::run, Runnable::run);

        assertThat(vm.targets()).extracting(TrafficCheckViewModel.Target::label).containsExactly("Group db",
                "Group twin (g-twin-1)", "Group twin (g-twin-2)", "Group web", "Interface db-1 eth0",
                "Interface web-1 eth0");
    }

    @Test
    void asksFirstAboutTheGroupSelectedInTheConsole() {
        assertThat(new TrafficCheckViewModel(project(), true, "g-twin-2", Runnable::run, Runnable::run).targetProperty().get().label())
                .isEqualTo("Group twin (g-twin-2)");
        assertThat(new TrafficCheckViewModel(project(), true, null, Runnable::run, Runnable::run).targetProperty().get().label())
                .isEqualTo("Group db");
    }

    @Test
    void namesTheRuleThatAllowsAPacket() {
        TrafficCheckViewModel vm = askAbout("Group web", true);
        vm.portProperty().set("22");
        vm.remoteProperty().set("203.0.113.5");

        vm.check();

        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.ALLOWED);
        assertThat(vm.headlineProperty().get()).isEqualTo("Allowed: Ingress TCP port 22 from 203.0.113.5, group web.");
        assertThat(vm.details()).containsExactly(
                "Allowed by group web: Ingress IPv4 TCP 22 from 0.0.0.0/0 (\u201cSSH\u201d)");
    }

    @Test
    void deniesAPacketNoRuleAllows() {
        TrafficCheckViewModel vm = askAbout("Group web", true);
        vm.portProperty().set("443");
        vm.remoteProperty().set("203.0.113.5"); // HTTPS is allowed from 198.51.100.0/24 only

        vm.check();

        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.DENIED);
        assertThat(vm.headlineProperty().get()).endsWith("No rule allows it.");
        assertThat(vm.details()).isEmpty();
    }

    @Test
    void anInterfaceIsTheUnionOfItsGroups() {
        TrafficCheckViewModel vm = askAbout("Interface db-1 eth0", true);
        vm.portProperty().set("5432");
        vm.remoteProperty().set("10.0.0.11"); // web-1, in group web

        vm.check();

        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.ALLOWED);
        assertThat(vm.details()).singleElement().asString().startsWith("Allowed by group db:")
                .contains("\u201cPostgres from web\u201d");
    }

    @Test
    void aRemoteGroupRuleIsUnknownWhenTheInterfacesAreNotKnownAndSaysWhy() {
        TrafficCheckViewModel vm = askAbout("Group db", false);
        vm.portProperty().set("5432");
        vm.remoteProperty().set("10.0.0.11");

        vm.check();

        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.UNKNOWN);
        assertThat(vm.details()).singleElement().asString().startsWith("Perhaps allowed by group db:")
                .contains(": ");
    }

    @Test
    void icmpIsAskedByTypeAndCode() {
        TrafficCheckViewModel vm = askAbout("Group web", true);
        vm.protocolProperty().set("icmp");
        vm.icmpTypeProperty().set("8");
        vm.remoteProperty().set("192.0.2.1");

        assertThat(vm.portsUsed().get()).isFalse();
        assertThat(vm.icmpUsed().get()).isTrue();
        vm.check();

        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.ALLOWED);
        vm.directionProperty().set(Direction.EGRESS);
        assertThat(vm.verdictProperty().get()).as("a changed question clears the answer").isNull();
    }

    @Test
    void saysNextToEachFieldWhatIsWrongAndAnswersNothing() {
        TrafficCheckViewModel vm = askAbout("Group web", true);
        vm.protocolProperty().set("tcpp");
        vm.remoteProperty().set("10.0.0.0/8");

        vm.check();

        assertThat(vm.verdictProperty().get()).isNull();
        assertThat(vm.protocolErrorProperty().get()).startsWith("\"tcpp\" is not a protocol");
        assertThat(vm.remoteErrorProperty().get()).isEqualTo("\"10.0.0.0/8\" is not one IPv4 or IPv6 address.");

        vm.protocolProperty().set("tcp");
        vm.portProperty().set("70000");
        vm.remoteProperty().set("10.0.0.1");
        vm.check();
        assertThat(vm.protocolErrorProperty().get()).isEmpty();
        assertThat(vm.remoteErrorProperty().get()).isEmpty();
        assertThat(vm.portErrorProperty().get()).isEqualTo("\"70000\" is not a whole number from 1 to 65535.");

        vm.portProperty().set("");
        vm.check();
        assertThat(vm.portErrorProperty().get()).isEqualTo("TCP traffic needs a port.");

        vm.portProperty().set("65535");
        vm.check();
        assertThat(vm.portErrorProperty().get()).as("the highest port is a port").isEmpty();
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.DENIED);
    }

    /**
     * The check over every group and interface is made on the worker, not on the thread that opens the dialog
     * (the FX thread); meanwhile the dialog says it is preparing, offers nothing to choose and answers nothing.
     */
    @Test
    void preparesTheCheckOnTheWorkerAndSaysSoMeanwhile() {
        Queue<Runnable> onWorker = new ArrayDeque<>();
        Queue<Runnable> onFx = new ArrayDeque<>();
        Executor worker = onWorker::add;
        Executor fx = onFx::add;

        TrafficCheckViewModel vm = new TrafficCheckViewModel(project(), true, "g-twin-2", fx, worker);

        assertThat(onWorker).as("the set-up is handed to the worker").hasSize(1);
        assertThat(onFx).isEmpty();
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.preparationProperty().get()).isEqualTo("Preparing the check of 4 groups and 2 interfaces\u2026");
        assertThat(vm.targets()).as("nothing prepared on the caller's thread").isEmpty();
        vm.portProperty().set("22");
        vm.remoteProperty().set("203.0.113.5");
        vm.check();
        assertThat(vm.verdictProperty().get()).as("no answer before the check is ready").isNull();

        onWorker.remove().run();
        assertThat(vm.targets()).as("the result comes back through fx only").isEmpty();
        assertThat(onFx).hasSize(1);

        onFx.remove().run();
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.preparationProperty().get()).isEmpty();
        assertThat(vm.targets()).hasSize(6);
        assertThat(vm.targetProperty().get().label()).isEqualTo("Group twin (g-twin-2)");
        vm.check();
        assertThat(vm.verdictProperty().get()).isNotNull();
    }

    /**
     * A set-up that fails says why where "Preparing…" was, and the check stays off: nothing to choose, no answer
     * (the Check button is bound to {@code ready}).
     */
    @Test
    void aFailedSetUpSaysWhyAndLeavesTheCheckOff() {
        Queue<Runnable> onWorker = new ArrayDeque<>();
        Queue<Runnable> onFx = new ArrayDeque<>();
        TrafficCheckViewModel vm = new TrafficCheckViewModel(project(), () -> {
            throw new IllegalStateException("Java heap space");
        }, onFx::add, onWorker::add);

        onWorker.remove().run();
        onFx.remove().run();

        assertThat(vm.preparationProperty().get()).isEqualTo("Check traffic could not be prepared: Java heap space");
        assertThat(vm.readyProperty().get()).as("Check stays off").isFalse();
        assertThat(vm.targets()).isEmpty();
        vm.portProperty().set("22");
        vm.remoteProperty().set("203.0.113.5");
        vm.check();
        assertThat(vm.verdictProperty().get()).isNull();
        assertThat(vm.targetErrorProperty().get()).as("no field complains about a check that cannot run").isEmpty();
    }
}
