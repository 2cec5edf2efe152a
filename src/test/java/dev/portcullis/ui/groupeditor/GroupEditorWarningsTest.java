package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The group dialog warns, without blocking, when a rule it adds or changes raises a finding of the review. */
class GroupEditorWarningsTest {

    private static final Rule OPEN_SSH = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
            Remote.ANYWHERE, "ssh").withId("r-open");
    private static final SecurityGroup BASTION = new SecurityGroup("g-bastion", "p1", "bastion", "jump host", true,
            false, 2, List.of(GroupEditorViewModelTest.EGRESS_V4, GroupEditorViewModelTest.EGRESS_V6, OPEN_SSH),
            List.of(), null, null);

    private static GroupEditorViewModel create() {
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.create(List.of(
                GroupEditorViewModelTest.WEB)));
        vm.nameProperty().set("admin");
        return vm;
    }

    private static RuleRowViewModel tcpIn(GroupEditorViewModel vm, String ports, String remote) {
        RuleRowViewModel row = vm.addRule();
        row.portsProperty().set(ports);
        row.remoteProperty().set(remote);
        row.descriptionProperty().set("admins");
        return row;
    }

    @Test
    void sshOpenToTheWholeInternetIsAWarningThatDoesNotBlockAdd() {
        GroupEditorViewModel vm = create();

        tcpIn(vm, "22", "0.0.0.0/0");

        assertThat(vm.warnings()).extracting(RuleWarning::row, RuleWarning::severity, RuleWarning::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, Severity.HIGH,
                        "Rule 3: Remote administration is open to any address on the internet: SSH (22)."));
        assertThat(vm.warnings().get(0).fix()).contains("VPN");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(vm.hintProperty().get()).contains("do not stop Add");
    }

    /** A row of several values is reviewed as the rules it becomes: its world-open SSH warns like a row of one. */
    @Test
    void aRowOfSeveralValuesWarnsAboutTheRulesItBecomes() {
        GroupEditorViewModel vm = create();

        tcpIn(vm, "22, 3389", "0.0.0.0/0");

        assertThat(vm.warnings()).extracting(RuleWarning::row, RuleWarning::severity, RuleWarning::text)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3, Severity.HIGH,
                                "Rule 3: Remote administration is open to any address on the internet: SSH (22)."),
                        org.assertj.core.groups.Tuple.tuple(3, Severity.HIGH,
                                "Rule 3: Remote administration is open to any address on the internet: RDP (3389)."));
        assertThat(vm.canApplyProperty().get()).isTrue();
    }

    @Test
    void sshFromTheOfficeNetworkIsNoWarning() {
        GroupEditorViewModel vm = create();

        tcpIn(vm, "22", "10.20.0.0/16");

        assertThat(vm.warnings()).isEmpty();
        assertThat(vm.hintProperty().get()).isEmpty();
    }

    @Test
    void httpsFromEverywhereIsOnlyInformationAndNoWarningButKubernetesIs() {
        GroupEditorViewModel vm = create();

        tcpIn(vm, "443", "0.0.0.0/0");
        assertThat(vm.warnings()).isEmpty();

        tcpIn(vm, "6443", "0.0.0.0/0");
        assertThat(vm.warnings()).extracting(RuleWarning::severity).containsExactly(Severity.HIGH);
    }

    @Test
    void theWarningGoesWhenTheRuleIsNarrowed() {
        GroupEditorViewModel vm = create();
        RuleRowViewModel row = tcpIn(vm, "22", "0.0.0.0/0");

        row.remoteProperty().set("203.0.113.7/32");

        assertThat(vm.warnings()).isEmpty();
    }

    @Test
    void aRuleTheGroupAlreadyCoversIsReportedOnTheRuleAdded() {
        GroupEditorViewModel vm = create();
        tcpIn(vm, "1-1024", "10.0.0.0/8");

        tcpIn(vm, "443", "10.1.0.0/16");

        assertThat(vm.warnings()).extracting(RuleWarning::row).contains(4);
        assertThat(vm.warnings()).filteredOn(w -> w.row() == 4).extracting(RuleWarning::severity)
                .containsOnly(Severity.LOW);
    }

    @Test
    void whatTheGroupAlreadyHadIsNotTheDialogsDoing() {
        GroupEditorViewModel vm = new GroupEditorViewModel(GroupEditRequest.edit(BASTION, List.of(BASTION)));

        vm.descriptionProperty().set("jump host for the admins");

        assertThat(vm.warnings()).isEmpty();

        tcpIn(vm, "3389", "0.0.0.0/0");
        assertThat(vm.warnings()).extracting(RuleWarning::text).containsExactly(
                "Rule 4: Remote administration is open to any address on the internet: RDP (3389).");
    }

    @Test
    void aRowThatIsNotValidYetIsNotReviewed() {
        GroupEditorViewModel vm = create();

        tcpIn(vm, "22-", "0.0.0.0/0");

        assertThat(vm.problems()).isNotEmpty();
        assertThat(vm.warnings()).isEmpty();
    }
}
