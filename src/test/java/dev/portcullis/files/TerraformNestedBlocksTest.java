package dev.portcullis.files;

import dev.portcullis.domain.Problem;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.portcullis.files.HeatReaderTest.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

/** A block inside a group or rule resource is read, allowed (lifecycle, timeouts...) or a problem: never ignored. */
class TerraformNestedBlocksTest {

    private static final Path FILE = TerraformFieldTest.tf("nested-blocks.tf");

    private static String at(String text) throws IOException {
        return FILE.getFileName() + ":" + lineOf(FILE, text);
    }

    @Test
    void aDynamicOrUnknownBlockIsATerraformNotReadProblemAtItsLineAndMetaBlocksAreNot() throws IOException {
        DefinitionReport report = new TerraformReader().read(FILE);

        List<Problem> all = report.allProblems();
        assertThat(all).extracting(Problem::code).containsOnly("TerraformNotRead");
        assertThat(FileErrorCode.unknowable("TerraformNotRead")).isTrue();
        assertThat(all).extracting(Problem::field).containsExactlyInAnyOrder(
                at("dynamic \"rule\"") + " openstack_networking_secgroup_v2.web.dynamic",
                at("dynamic \"foo\"") + " openstack_networking_secgroup_rule_v2.ssh.dynamic",
                at("extra {") + " openstack_networking_secgroup_rule_v2.https.extra");
        assertThat(all).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("dynamic \"foo\""));

        // The rules' own arguments are still read: both rules are in the group, with their problems on them.
        GroupReport web = report.groups().get(0);
        assertThat(web.rules()).extracting(RuleReport::path)
                .contains("openstack_networking_secgroup_rule_v2.ssh", "openstack_networking_secgroup_rule_v2.https");
        assertThat(web.rules()).filteredOn(r -> r.path().endsWith(".ssh")).singleElement()
                .satisfies(r -> assertThat(r.problems()).singleElement()
                        .satisfies(p -> assertThat(p.field()).contains(".ssh.dynamic")));
        // Near miss: lifecycle, timeouts and provisioner blocks are no problem.
        assertThat(all).extracting(Problem::field).noneMatch(f -> f.contains("lifecycle") || f.contains("timeouts")
                || f.contains("provisioner"));
    }
}
