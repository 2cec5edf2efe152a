package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Quotas;
import dev.portcullis.domain.Remote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialog picks an address group by name and says before the save what the quota will not take. */
class DialogProjectFactsTest {

    private static final AddressGroup OFFICE = new AddressGroup("ag-1", "p", "office", "",
            List.of(Cidr.parse("192.0.2.0/24").orElseThrow()));

    @Test
    void aRuleFromAnAddressGroupPickedByNameKeepsItsId() {
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.create(List.of())
                .withFacts(new ProjectFacts(List.of(OFFICE), null)));
        vm.nameProperty().set("web");
        RuleRowViewModel row = vm.addRule();
        row.protocolProperty().set(ProtocolChoice.TCP);
        row.portsProperty().set("22");

        row.remoteProperty().set("Address group office");

        GroupDraft draft = vm.toDraft();
        assertThat(draft.rules()).anySatisfy(r -> assertThat(r.remote()).isEqualTo(new Remote.AddressGroup("ag-1")));
    }

    @Test
    void sshFromAnAddressGroupHoldingTheInternetIsWarnedOfAsTyped() {
        AddressGroup everyone = new AddressGroup("ag-2", "p", "everyone", "",
                List.of(Cidr.parse("0.0.0.0/0").orElseThrow()));
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.create(List.of())
                .withFacts(new ProjectFacts(List.of(OFFICE, everyone), null)));
        vm.nameProperty().set("web");
        RuleRowViewModel row = vm.addRule();
        row.protocolProperty().set(ProtocolChoice.TCP);
        row.portsProperty().set("22");

        row.remoteProperty().set("Address group everyone");

        assertThat(vm.warnings()).anySatisfy(w -> assertThat(w.text()).contains("Remote administration", "SSH"));
        assertThat(vm.warnings()).noneSatisfy(w -> assertThat(w.text()).contains("does not hold"));
    }

    @Test
    void aNewGroupPastTheGroupQuotaIsSaidBeforeTheSaveAndAFittingOneShowsTheUsage() {
        Quotas full = new Quotas(new Quotas.Usage(10, 10), new Quotas.Usage(20, 100));
        Quotas roomy = new Quotas(new Quotas.Usage(3, 10), new Quotas.Usage(20, 100));
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.create(List.of())
                .withFacts(new ProjectFacts(List.of(), full)));
        vm.nameProperty().set("web");

        assertThat(vm.notes().quota(vm.toDraft())).contains("10 of 10 security groups", "OverQuota");
        GroupEditorViewModel fits = new GroupEditorViewModel(GroupEditRequest.create(List.of())
                .withFacts(new ProjectFacts(List.of(), roomy)));
        fits.nameProperty().set("web");
        assertThat(fits.notes().quota(fits.toDraft())).isEqualTo("Quota: 3 of 10 security groups, 20 of 100 rules.");
        assertThat(new GroupEditorViewModel(GroupEditRequest.create(List.of())).notes().quota(null)).isEmpty();
    }

    /**
     * Changing a rule's port is a new rule made before the old one is deleted: at the rule quota's limit Neutron
     * refuses it, though the count at the end is the same. Removing a rule needs no room.
     */
    @Test
    void anEditAtTheRuleQuotaIsWarnedOfWhenItMakesARuleBeforeDeletingTheOneItReplaces() {
        Quotas full = new Quotas(new Quotas.Usage(3, 10), new Quotas.Usage(100, 100));
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.edit(GroupEditorViewModelTest.WEB,
                List.of(GroupEditorViewModelTest.WEB)).withFacts(new ProjectFacts(List.of(), full)));

        vm.rows().get(2).portsProperty().set("2222");

        assertThat(vm.notes().quota(vm.toDraft())).contains("This adds 1 rule", "OverQuota");
        vm.rows().get(2).portsProperty().set("22");
        vm.removeRule(vm.rows().get(3));
        assertThat(vm.notes().quota(vm.toDraft())).isEqualTo("Quota: 3 of 10 security groups, 100 of 100 rules.");
    }
}
