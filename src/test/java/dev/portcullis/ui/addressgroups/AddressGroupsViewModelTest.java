package dev.portcullis.ui.addressgroups;

import dev.portcullis.backend.Backend;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.ui.WorkspaceProject;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.common.FakeDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.portcullis.ui.WorkspaceProject.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The Address Groups view model on a real local workspace, without a toolkit. */
class AddressGroupsViewModelTest {

    private WorkspaceProject project;
    private Backend backend;
    private NetworkConfigurationViewModel network;
    private AddressGroupsViewModel vm;
    private final FakeDialogService dialogs = new FakeDialogService();

    @BeforeEach
    void open() throws Exception {
        project = WorkspaceProject.open(Runnable::run, Runnable::run);
        backend = project.backend;
        network = project.network;
        vm = new AddressGroupsViewModel(network, dialogs);
        until(network.snapshotProperty(), s -> s != null);
    }

    @AfterEach
    void close() throws Exception {
        project.close();
    }

    private AddressGroup created(String name, String... addresses) throws Exception {
        AddressGroup group = vm.save(vm.newRequest(), new AddressGroupDraft(name, "", List.of(addresses)))
                .get(10, TimeUnit.SECONDS);
        until(network.snapshotProperty(), s -> s.addressGroups().contains(group));
        return group;
    }

    @Test
    void aNewAddressGroupIsARowWithItsPrefixesAsNeutronKeepsThemAndIsSelected() throws Exception {
        AddressGroup office = created("office", "192.0.2.5/24", "10.0.0.1/32");

        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("office");
            assertThat(row.prefixes()).isEqualTo("10.0.0.1/32, 192.0.2.0/24");
            assertThat(row.usedBy()).isEqualTo("no rule");
        });
        assertThat(vm.selectedProperty().get().group().id()).isEqualTo(office.id());
    }

    @Test
    void aRowSaysHowManyRulesNameItsGroupAndTheDeleteIsRefusedInWords() throws Exception {
        AddressGroup office = created("office", "192.0.2.0/24");
        Rule ssh = new Rule(null, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                new Remote.AddressGroup(office.id()), null);
        backend.create(new GroupDraft("web", "", true, List.of(ssh))).get(10, TimeUnit.SECONDS);
        network.refresh();
        until(network.snapshotProperty(), s -> s.groups().stream().anyMatch(g -> g.name().equals("web")));
        // the rows follow the snapshot on the thread that set it: wait for them, not only for the snapshot
        until(javafx.beans.binding.Bindings.createStringBinding(() -> vm.rows().isEmpty() ? null
                : vm.rows().get(0).usedBy(), vm.rows()), "1 rule"::equals);
        AddressGroupRow row = vm.rows().get(0);

        assertThat(row.usedBy()).isEqualTo("1 rule");
        assertThat(vm.deleteQuestion(row)).contains("Rules still name office", "refuse");
        vm.delete(row).handle((done, failed) -> null).get(10, TimeUnit.SECONDS);
        assertThat(vm.problemProperty().get()).contains("office", "rule names it");
        assertThat(vm.rows()).hasSize(1);
    }

    @Test
    void aSaveThatFailsOpensTheDialogAgainOnWhatTheUserTypedWithTheReason() throws Exception {
        AddressGroup office = created("office", "192.0.2.0/24");
        AddressGroupEditRequest request = vm.editRequest(vm.rows().get(0));
        backend.deleteAddressGroup(office).get(10, TimeUnit.SECONDS); // someone else deletes it meanwhile
        AddressGroupDraft typed = new AddressGroupDraft("office", "typed", List.of("198.51.100.0/24"));

        dialogs.answering(AddressGroupEditRequest.class, again -> Optional.empty());

        vm.save(request, typed).handle((done, failed) -> null).get(10, TimeUnit.SECONDS);

        assertThat(dialogs.requests()).singleElement().isInstanceOfSatisfying(AddressGroupEditRequest.class, again -> {
            assertThat(again.typed()).isEqualTo(typed);
            assertThat(again.error()).contains("office", "does not exist");
            assertThat(again.title()).isEqualTo("Edit address group office");
        });
        assertThat(vm.reopenProperty().get()).as("handled").isNull();
    }

    @Test
    void newSavesWhatTheDialogReturnsAndDeleteAsksFirst() throws Exception {
        dialogs.answering(AddressGroupEditRequest.class, request -> Optional.of(new AddressGroupDraft("office", "",
                List.of("192.0.2.0/24"))));
        vm.create();
        until(network.snapshotProperty(), s -> s.addressGroups().size() == 1);
        assertThat(vm.rows()).singleElement().satisfies(row -> assertThat(row.name()).isEqualTo("office"));
        vm.selectedProperty().set(vm.rows().get(0));

        dialogs.confirming(false);
        vm.deleteSelected();
        assertThat(vm.rows()).hasSize(1);

        dialogs.confirming(true);
        vm.deleteSelected();
        until(network.snapshotProperty(), s -> s.addressGroups().isEmpty());
        assertThat(dialogs.said()).filteredOn(line -> line.startsWith("confirm: ")).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("confirm: Delete address group: Delete address group office"));
    }

    @Test
    void theEditorSaysWhatIsWrongAndWhatNeutronWillKeep() {
        AddressGroupEditorViewModel editor = new AddressGroupEditorViewModel(AddressGroupEditRequest.create());

        editor.addressesProperty().set("10.0.0.1\n192.0.2.0/24");
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.problemsProperty().get()).contains("\"10.0.0.1\" has no length", "10.0.0.1/32");

        editor.addressesProperty().set("192.0.2.5/24, 10.0.0.0/8 10.0.0.1/8");
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.outcomeProperty().get()).isEqualTo("Neutron keeps 2 prefixes (host bits cleared, each once):"
                + " 10.0.0.0/8, 192.0.2.0/24.");
        assertThat(editor.draft().addresses()).containsExactly("192.0.2.5/24", "10.0.0.0/8", "10.0.0.1/8");
    }
}
