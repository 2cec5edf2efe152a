package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.DB;
import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/** "Copy to new…", the interfaces an edit reaches, and stateful locked while interfaces use the group. */
class CloneAndReachTest {

    static final Rule FROM_ITSELF = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
            Remote.group("g-web"), "peers").withId("r9");

    @Test
    void theCopysNameIsTheFirstNoGroupHasAndACopyOfACopyCountsOn() {
        assertThat(CloneName.next("web", Set.of("web"))).isEqualTo("web (copy)");
        assertThat(CloneName.next("web", Set.of("web", "web (copy)", "web (copy 2)"))).isEqualTo("web (copy 3)");
        assertThat(CloneName.next("web (copy)", Set.of("web", "web (copy)"))).isEqualTo("web (copy 2)");
        String longName = "x".repeat(255);
        assertThat(CloneName.next(longName, Set.of(longName))).hasSize(255).endsWith(" (copy)");
    }

    @Test
    void aCopyOpensAsANewGroupWithTheRulesWithoutIdsAndSavesAsACreate() {
        GroupEditorViewModel vm = new GroupEditorViewModel(CloneRequest.of(WEB, List.of(WEB, DB)));

        assertThat(vm.isNew()).isTrue();
        assertThat(vm.nameProperty().get()).isEqualTo("web (copy)");
        assertThat(vm.descriptionProperty().get()).isEqualTo("web servers");
        GroupDraft draft = vm.toDraft();
        assertThat(draft.rules()).hasSize(4).allMatch(Rule::isDraft);
        assertThat(draft.rules()).containsExactlyElementsOf(WEB.rules().stream().map(Rule::asDraft).toList());
        assertThat(vm.changes().get(0)).isEqualTo("Create group \"web (copy)\" with 4 rules");
        assertThat(vm.notes().copy()).startsWith("A copy of \"web\"").doesNotContain("itself");
        assertThat(vm.canApplyProperty().get()).isTrue();
    }

    @Test
    void rulesFromTheGroupItselfAreSaidToPointAtTheNewGroupAndAreRetargetedOnSave() {
        List<Rule> rules = new ArrayList<>(WEB.rules());
        rules.add(FROM_ITSELF);
        SecurityGroup web = new SecurityGroup("g-web", "p1", "web", "web servers", true, false, 4, rules, List.of(),
                null, null);
        GroupEditorViewModel vm = new GroupEditorViewModel(CloneRequest.of(web, List.of(web, DB)));

        assertThat(vm.problems()).isEmpty();
        assertThat(vm.notes().copy()).contains("1 rule points at \"web\" itself")
                .contains("it points at the new group instead");
        GroupDraft draft = vm.toDraft();
        assertThat(CloneRequest.selfRules(draft, "g-web")).isEqualTo(1);
        assertThat(CloneRequest.withoutSelfRules(draft, "g-web").rules()).hasSize(4);
        GroupDraft saved = CloneRequest.retarget(draft, "g-web", "g-new");
        assertThat(saved.rules().get(4).remoteGroupId()).isEqualTo("g-new");
        assertThat(saved.rules().subList(0, 4)).isEqualTo(draft.rules().subList(0, 4));
    }

    @Test
    void theReviewOfAnEditNamesTheInterfacesItReachesAtOnce() {
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.edit(WEB, List.of(WEB),
                InterfaceReach.of(List.of("web-1 eth0", "web-2 eth0"))));

        assertThat(vm.notes().reach())
                .isEqualTo("These changes apply immediately to 2 interfaces: web-1 eth0, web-2 eth0.");
    }

    @Test
    void nothingIsSaidOfInterfacesWhenThePortsAreUnknownAndManyAreCounted() {
        GroupEditorViewModel unknown = new GroupEditorViewModel(GroupEditRequest.edit(WEB, List.of(WEB)));
        assertThat(unknown.notes().reach()).isEmpty();
        assertThat(unknown.notes().statefulLock()).isEmpty();

        List<String> seven = List.of("a", "b", "c", "d", "e", "f", "g");
        GroupEditorViewModel many = new GroupEditorViewModel(GroupEditRequest.edit(WEB, List.of(WEB),
                InterfaceReach.of(seven)));
        assertThat(many.notes().reach()).isEqualTo("These changes apply immediately to 7 interfaces: a, b, c, d, e "
                + "and 2 more.");

        GroupEditorViewModel none = new GroupEditorViewModel(GroupEditRequest.edit(WEB, List.of(WEB),
                InterfaceReach.of(List.of())));
        assertThat(none.notes().reach()).startsWith("No interface uses this group");
        assertThat(none.notes().statefulLock()).isEmpty();
    }

    @Test
    void statefulIsLockedWithTheReasonWhileInterfacesUseTheGroupAndNeverForANewGroup() {
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.edit(WEB, List.of(WEB),
                InterfaceReach.of(List.of("web-1 eth0"))));

        assertThat(vm.notes().statefulLock()).startsWith("Neutron changes \"stateful\" only while no interface uses "
                + "the group; it is on 1 interface: web-1 eth0.");
        GroupEditorViewModel copy = new GroupEditorViewModel(CloneRequest.of(WEB, List.of(WEB)));
        assertThat(copy.notes().statefulLock()).isEmpty();
        assertThat(copy.notes().reach()).isEmpty();
    }

    @Test
    void aRetryKeepsTheInterfacesAndTheCopysOrigin() {
        GroupEditRequest copy = CloneRequest.of(WEB, List.of(WEB)).retry(java.util.Optional.empty(), "refused");
        assertThat(copy.copyOf()).contains("g-web");
        GroupEditRequest edit = GroupEditRequest.edit(WEB, List.of(WEB), InterfaceReach.of(List.of("p")))
                .withDraft(GroupDraft.of(WEB));
        assertThat(edit.reach().labels()).containsExactly("p");
    }
}
