package dev.portcullis.cli;

import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.TerraformReader;
import dev.portcullis.files.TerraformRoundTripTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportPlanApplyCommandTest {

    @TempDir
    Path dir;

    private WorkspaceCli cli;
    private Path workspace;

    @BeforeEach
    void seedWorkspace() {
        cli = new WorkspaceCli(dir);
        workspace = cli.workspace;
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private List<SecurityGroup> workspaceGroups() {
        return new DefinitionReader().read(workspace).definitions().groups();
    }

    @Test
    void exportWritesTheWorkspaceAsADefinitionFileThatReadsBackTheSame() {
        List<SecurityGroup> written = new DefinitionReader().read(cli.seed).definitions().groups();

        assertThat(cli.err()).contains("Wrote 3 groups to");
        assertThat(written).isEqualTo(workspaceGroups());
    }

    @Test
    void exportToTerraformOnStdoutReadsBackToTheSameGroupsAndRules() {
        int exit = run("--workspace", workspace.toString(), "export", "workspace", "--format", "terraform");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("resource \"openstack_networking_secgroup_v2\" \"web_server_public\"",
                "delete_default_rules = true");
        List<SecurityGroup> back = new TerraformReader().read(cli.out()).definitions().groups();
        assertThat(back).extracting(SecurityGroup::id, SecurityGroup::name, SecurityGroup::rules)
                .isEqualTo(workspaceGroups().stream().map(g -> org.assertj.core.groups.Tuple.tuple(g.id(), g.name(),
                        g.rules())).toList());
    }

    @Test
    void aTfOutputFileChoosesTerraformAndPlanAgainstTheSameProjectHasNothingToDo() {
        Path tf = dir.resolve("groups.tf");
        assertThat(run("--workspace", workspace.toString(), "export", "workspace", "-o", tf.toString())).isZero();

        int exit = run("plan", tf.toString(), "--workspace", workspace.toString());

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("Nothing to do", "(3 unchanged)");
    }

    @Test
    void aDefinitionFileExportedToTerraformAndBackThroughDiffShowsNoDifference() {
        Path file = Path.of("src/test/resources/dev/portcullis/review/findings.json");
        Path tf = dir.resolve("findings.tf");
        assertThat(run("export", file.toString(), "-o", tf.toString())).isZero();

        int exit = run("diff", file.toString(), tf.toString());

        assertThat(exit).as(cli.out()).isZero();
        assertThat(cli.out()).contains("hold the same groups (2 groups)");
    }

    @Test
    void exportOfABrokenFileSaysWhatIsWrongAndExits2() throws IOException {
        Path broken = dir.resolve("broken.tf");
        Files.writeString(broken, "resource \"openstack_networking_secgroup_v2\" \"a\" {\n  name = \"a\"\n");

        int exit = run("export", broken.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("broken.tf cannot be used", "line 1", "not closed");
    }

    private Path changedFile() throws IOException {
        String json = Files.readString(cli.seed);
        assertThat(json).contains("\"port_range_min\" : 22,");
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, json.replace("\"port_range_min\" : 22,", "\"port_range_min\" : 2222,")
                .replace("\"port_range_max\" : 22,", "\"port_range_max\" : 2222,"));
        return changed;
    }

    @Test
    void planListsTheRulesToAddAndRemoveAndExits1() throws IOException {
        int exit = run("plan", changedFile().toString(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out())
                .contains("Group web-server-public (")
                .contains("  + add Ingress IPv4 TCP 2222 from 0.0.0.0/0")
                .contains("  - remove Ingress IPv4 TCP 22 from 0.0.0.0/0")
                .contains("0 to create, 1 to change, 2 unchanged.");
    }

    @Test
    void applyWithoutYesChangesNothing() throws IOException {
        List<SecurityGroup> before = workspaceGroups();

        int exit = run("apply", changedFile().toString(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("Nothing was changed: run again with --yes");
        assertThat(workspaceGroups()).isEqualTo(before);
    }

    @Test
    void applyWithYesRunsThePlanAndThenThereIsNothingLeftToDo() throws IOException {
        Path changed = changedFile();

        int exit = run("apply", changed.toString(), "--workspace", workspace.toString(), "--yes");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("  applied: Add 2 rules", "  applied: Remove Ingress IPv4 TCP 22 from",
                "Done: every change was applied.");
        assertThat(run("plan", changed.toString(), "--workspace", workspace.toString())).isZero();
    }

    @Test
    void applyCreatesNewGroupsWhoseRulesPointAtEachOtherAndDeletesNoGroup() throws IOException {
        Path tf = dir.resolve("new-groups.tf");
        Files.copy(TerraformRoundTripTest.resource("new-groups.tf"), tf);

        int exit = run("apply", tf.toString(), "--workspace", workspace.toString(), "--yes");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("Group cache: create, with 1 rule", "+ add Ingress IPv4 TCP 6379 from group app",
                "Left as they are (in the project, not in the file): 3 groups", "applied: create group app");
        List<SecurityGroup> groups = workspaceGroups();
        assertThat(groups).hasSize(5);
        String app = groups.stream().filter(g -> g.name().equals("app")).findFirst().orElseThrow().id();
        SecurityGroup cache = groups.stream().filter(g -> g.name().equals("cache")).findFirst().orElseThrow();
        assertThat(cache.rules()).singleElement().satisfies(r -> assertThat(r.remoteGroupId()).isEqualTo(app));
        assertThat(run("plan", tf.toString(), "--workspace", workspace.toString())).isZero();
    }

    @Test
    void anOperationTheProjectRefusesIsReportedAsFailedAndExits1() throws IOException {
        String json = Files.readString(cli.seed);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replaceFirst("\"remote_group_id\" : \"[^\"]+\"", "\"remote_group_id\" : \"gone\""));
        assertThat(Files.readString(bad)).contains("\"gone\"");

        int exit = run("apply", bad.toString(), "--workspace", workspace.toString(), "--yes");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("  FAILED: Add 1 rule", "Not everything was applied");
    }

    @Test
    void theOpenStackListOutputHasNoRulesSoItIsNeverPlannedOrApplied() {
        int exit = run("apply", TerraformRoundTripTest.resource("openstack-group-list.json").toString(),
                "--workspace", workspace.toString(), "--yes");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("cannot be planned or applied", "without rules");
    }

    @Test
    void theOpenStackShowOutputCanBePlanned() {
        int exit = run("plan", TerraformRoundTripTest.resource("openstack-group-show.json").toString(),
                "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("Group files5-9239-web: create, with 5 rules");
    }

    @Test
    void planNeedsACloudOrAWorkspace() {
        int exit = run("plan", cli.seed.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("--cloud", "--workspace");
        assertThat(cli.out()).isEmpty();
    }
}
