package dev.portcullis.ui.interfaces;

import dev.portcullis.backend.Backend;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.WorkspaceProject;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.common.FakeDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.portcullis.ui.WorkspaceProject.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The Interfaces view model on the local workspace's example project (two interfaces), without a toolkit. */
class InterfacesViewModelTest {

    private WorkspaceProject project;
    private Backend backend;
    private NetworkConfigurationViewModel network;
    private InterfacesViewModel vm;
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void open() throws Exception {
        project = WorkspaceProject.open(Runnable::run, Runnable::run);
        backend = project.backend;
        network = project.network;
        vm = new InterfacesViewModel(network, dialogs);
        until(network.snapshotProperty(), s -> s != null);
    }

    @AfterEach
    void close() throws Exception {
        project.close();
    }

    @Test
    void anInterfacesRulesAreTheUnionOfItsGroupsEachWithTheGroupItComesFrom() {
        assertThat(vm.rows()).hasSize(2);
        InterfaceRow row = vm.rows().get(0);

        vm.selectedProperty().set(row);

        int expectedIn = 0;
        for (SecurityGroup g : vm.groupsOnIt()) {
            expectedIn += (int) g.rules().stream().filter(r -> r.direction() == dev.portcullis.domain.Direction.INGRESS)
                    .count();
        }
        assertThat(vm.groupsOnIt()).extracting(SecurityGroup::id)
                .containsExactlyElementsOf(row.port().securityGroupIds());
        assertThat(vm.ingress()).hasSize(expectedIn);
        assertThat(vm.ingress()).extracting(EffectiveRule::group)
                .allMatch(name -> vm.groupsOnIt().stream().anyMatch(g -> g.name().equals(name)));
        assertThat(vm.groupsToAdd()).noneMatch(g -> row.port().uses(g.id()));
        assertThat(vm.summaryProperty().get()).contains(expectedIn + " inbound");
    }

    @Test
    void aGroupPutOnTheInterfaceAddsItsRulesAndTakingItOffRemovesThem() throws Exception {
        SecurityGroup extra = backend.create(new GroupDraft("extra", "", true,
                List.of(Rule.egressAnywhere(EtherType.IPV4)))).get(10, TimeUnit.SECONDS);
        network.refresh();
        until(network.snapshotProperty(), s -> s.group(extra.id()).isPresent());
        vm.selectedProperty().set(vm.rows().get(0));
        int outBefore = vm.egress().size();

        dialogs.confirming(false, true);
        assertThat(vm.putOn(extra)).as("the user said no").isEmpty();
        assertThat(network.snapshotProperty().get().portsUsing(extra.id())).isEmpty();
        vm.putOn(extra).orElseThrow().get(10, TimeUnit.SECONDS);
        until(network.snapshotProperty(), s -> !s.portsUsing(extra.id()).isEmpty());

        assertThat(vm.groupsOnIt()).extracting(SecurityGroup::name).contains("extra");
        assertThat(vm.egress()).hasSize(outBefore + 1);
        assertThat(vm.egress()).extracting(EffectiveRule::group).contains("extra");
        assertThat(vm.addQuestion(extra)).contains("at once");

        dialogs.confirming(true);
        vm.takeOff(extra).orElseThrow().get(10, TimeUnit.SECONDS);
        until(network.snapshotProperty(), s -> s.portsUsing(extra.id()).isEmpty());
        assertThat(vm.groupsOnIt()).extracting(SecurityGroup::name).doesNotContain("extra");
        assertThat(vm.egress()).hasSize(outBefore);
        assertThat(dialogs.said()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("confirm: Change interface: "));
        assertThat(dialogs.said().get(2)).contains("Take extra off");
    }
}
