package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portcullis.ui.groupeditor.GroupEditorViewModelTest.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/** Several ports and addresses in one row: the rules it becomes, duplicates merged, bad values named. */
class RowValuesTest {

    private static GroupEditorViewModel edit() {
        return new GroupEditorViewModel(GroupEditRequest.edit(WEB, List.of(WEB)));
    }

    private static RuleRowViewModel row(GroupEditorViewModel vm, String ports, String remote) {
        return GroupEditorViewModelTest.tcp(vm, ports, remote);
    }

    @Test
    void valuesAreSplitOnCommasAndLinesInTheOrderTypedWithRepeatsAndBlanksLeftOut() {
        assertThat(RowValues.split("22, 80,\n443\r\n\n80 ,")).containsExactly("22", "80", "443");
        assertThat(RowValues.split("  ")).containsExactly("");
        assertThat(RowValues.several("8000-8080")).isFalse();
        assertThat(RowValues.several("22,80")).isTrue();
    }

    @Test
    void aRowOfTwoPortsAndTwoAddressesBecomesFourRulesAndTheReviewSaysSo() {
        GroupEditorViewModel vm = edit();
        row(vm, "443, 8443", "10.0.0.0/8\n192.168.0.0/16");

        assertThat(vm.isValid()).isTrue();
        List<String> added = vm.changes().stream().filter(c -> c.startsWith("Add ")).toList();
        assertThat(added).containsExactly(
                "Add Ingress IPv4 TCP 443 from 10.0.0.0/8", "Add Ingress IPv4 TCP 443 from 192.168.0.0/16",
                "Add Ingress IPv4 TCP 8443 from 10.0.0.0/8", "Add Ingress IPv4 TCP 8443 from 192.168.0.0/16");
        assertThat(vm.expansionNotices()).containsExactly("Rule 5 becomes 4 rules (4 values combined).");
    }

    @Test
    void duplicatesWithinTheRowAndWithTheGroupsRulesAreMergedWithANoticeNotReportedAsProblems() {
        GroupEditorViewModel vm = edit();
        // 80 from anywhere is WEB's rule 4; 22 and 22-22 are the same rule
        row(vm, "80, 22, 22-22", "Anywhere");

        assertThat(vm.problems()).isEmpty();
        GroupDraft draft = vm.toDraft();
        assertThat(draft.rules()).hasSize(5);
        assertThat(draft.rules().stream().filter(Rule::isDraft).map(r -> r.summary(id -> id)))
                .containsExactly("Ingress IPv4 TCP 22 from 0.0.0.0/0");
        assertThat(vm.expansionNotices()).containsExactly("Rule 5 becomes 1 rule (3 values combined); duplicates "
                + "merged: 1 the same as another of its values, 1 the group already has in another row.");
    }

    @Test
    void aBadValueIsNamedWithItsRowAndTheOthersDoNotHideIt() {
        GroupEditorViewModel vm = edit();
        row(vm, "22, 70000, http", "10.0.0.0/8, 10.0.0.300/32");

        assertThat(vm.isValid()).isFalse();
        assertThat(vm.problems()).hasSize(2);
        assertThat(vm.problems().get(0)).startsWith("Rule 5: Port value \"70000\": ").contains("\"http\"");
        assertThat(vm.problems().get(1)).startsWith("Rule 5: Source/destination \"10.0.0.300/32\": ");
        assertThat(vm.problems()).noneMatch(p -> p.contains("\"22\"") || p.contains("\"10.0.0.0/8\""));
    }

    @Test
    void anIpv6RowWithAnIpv4AddressAmongItsValuesSaysWhichOne() {
        GroupEditorViewModel vm = edit();
        RuleRowViewModel row = row(vm, "22", "2001:db8::/32, 10.0.0.0/8");
        row.ipVersionProperty().set(EtherType.IPV6);

        assertThat(vm.problems()).singleElement().asString()
                .startsWith("Rule 5: Source/destination \"10.0.0.0/8\": ");
    }

    @Test
    void aRowOfOneValueIsStillOneRuleAndTwoSuchRowsTheSameRuleAreStillAProblem() {
        GroupEditorViewModel vm = edit();
        row(vm, "80", "Anywhere");

        assertThat(vm.problems()).hasSize(2);
        assertThat(vm.problems().get(1)).startsWith("Rule 5: Same rule as rule 4, which the group already has");
        assertThat(vm.expansionNotices()).isEmpty();
    }

    @Test
    void tooManyCombinationsAreRefusedWithTheCount() {
        GroupEditorViewModel vm = edit();
        StringBuilder ports = new StringBuilder();
        for (int p = 1; p <= 101; p++) {
            ports.append(p).append(',');
        }
        StringBuilder sources = new StringBuilder();
        for (int a = 1; a <= 10; a++) {
            sources.append("10.0.0.").append(a).append("/32\n");
        }
        row(vm, ports.toString(), sources.toString());

        assertThat(vm.problems()).singleElement().asString()
                .isEqualTo("Rule 5: 101 ports and 10 sources make 1010 rules: at most 1000 in one row.");
    }

    @Test
    void theWarningsUnderTheTableNameRowsNotTheRulesARowBecomes() {
        GroupEditorViewModel vm = edit();
        row(vm, "443, 8443", "10.0.0.0/8, 192.168.0.0/16");

        assertThat(vm.warnings()).extracting(RuleWarning::text).noneMatch(t -> t.startsWith("Rule 6")
                || t.startsWith("Rule 7") || t.startsWith("Rule 8"));
    }
}
