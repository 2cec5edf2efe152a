package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;
import dev.portcullis.review.TrafficCheck;
import dev.portcullis.review.TrafficCheckAnswer.Verdict;
import dev.portcullis.review.TrafficCheckPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Terraform configurations in the shapes found in public projects, read into what Terraform would create. */
class TerraformFieldTest {

    private static final String SG = "openstack_networking_secgroup_v2";
    private static final String RULE = "openstack_networking_secgroup_rule_v2";

    static Path tf(String name) {
        return TerraformRoundTripTest.resource("terraform/" + name);
    }

    private static Rule in(EtherType e, Protocol p, PortRange ports, Remote remote, String description) {
        return new Rule(null, Direction.INGRESS, e, p, ports, remote, description);
    }

    private static Rule out(EtherType e, Protocol p, PortRange ports, Remote remote, String description) {
        return new Rule(null, Direction.EGRESS, e, p, ports, remote, description);
    }

    private static List<Rule> rules(GroupReport g) {
        return g.rules().stream().map(RuleReport::rule).toList();
    }

    private static GroupReport group(DefinitionReport report, String address) {
        return report.groups().stream().filter(g -> g.path().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + address + " in " + report.groups()));
    }

    private static final Rule EGRESS_V4 = Rule.egressAnywhere(EtherType.IPV4);
    private static final Rule EGRESS_V6 = Rule.egressAnywhere(EtherType.IPV6);

    @Test
    void theProviderDocumentationsExampleIsSshFromAnywhereInAGroupWithNeutronsEgressRules() {
        DefinitionReport report = new TerraformReader().read(tf("provider-example.tf"));

        assertThat(report.allProblems()).isEmpty();
        GroupReport g = report.groups().get(0);
        assertThat(report.groups()).hasSize(1);
        assertThat(g.id()).isEqualTo(DraftIds.group(SG + ".secgroup_1"));
        assertThat(g.name()).isEqualTo("secgroup_1");
        assertThat(g.description()).isEqualTo("My neutron security group");
        assertThat(rules(g)).containsExactly(
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("0.0.0.0/0"), null),
                EGRESS_V4, EGRESS_V6);
        assertThat(g.rules().get(0).path()).isEqualTo(RULE + ".secgroup_rule_1");
        assertThat(report.locations().of(RULE + ".secgroup_rule_1")).contains(
                new SourceLocations.Location(tf("provider-example.tf"), 8));
        assertThat(report.locations().of(SG + ".secgroup_1")).contains(
                new SourceLocations.Location(tf("provider-example.tf"), 3));
    }

    @Test
    void aModuleWithVariablesTfvarsLocalsForEachCountAndGroupReferencesGivesWhatTerraformCreates() {
        DefinitionReport report = new TerraformReader().read(tf("module"));

        assertThat(report.allProblems()).isEmpty();
        String web = SG + ".tier[\"web\"]";
        String db = SG + ".tier[\"db\"]";
        String bastion = SG + ".bastion[0]";
        assertThat(report.groups()).extracting(GroupReport::path).containsExactly(db, web, bastion);
        assertThat(report.groups()).extracting(GroupReport::name)
                .containsExactly("prod-app-db", "prod-app-web", "prod-app-bastion");
        assertThat(report.groups()).extracting(GroupReport::id)
                .containsExactly(DraftIds.group(db), DraftIds.group(web), DraftIds.group(bastion));

        GroupReport dbGroup = group(report, db);
        assertThat(dbGroup.description()).isEqualTo("The db tier of PROD");
        assertThat(dbGroup.tags()).containsExactly("managed-by-terraform", "env:prod");
        assertThat(rules(dbGroup)).containsExactly( // delete_default_rules = each.key == "db": no default egress
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(6432), Remote.group(DraftIds.group(web)), null),
                out(EtherType.IPV4, Protocol.TCP, PortRange.of(873), Remote.prefix("10.20.3.0/24"), null));

        GroupReport webGroup = group(report, web);
        assertThat(rules(webGroup)).containsExactly(
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(443), Remote.prefix("0.0.0.0/0"), "public https"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("203.0.113.0/24"), "public ssh"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("198.51.100.0/24"),
                        "ssh from admin network 1"),
                in(EtherType.IPV6, Protocol.TCP, PortRange.of(22), Remote.prefix("2001:db8:100::/48"),
                        "ssh from admin network 2"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.group(DraftIds.group(bastion)), null),
                EGRESS_V4, EGRESS_V6);
        assertThat(webGroup.rules()).extracting(RuleReport::path).startsWith(RULE + ".public[\"https\"]",
                RULE + ".public[\"ssh\"]", RULE + ".admin_ssh[0]", RULE + ".admin_ssh[1]",
                RULE + ".web_ssh_from_bastion[0]");
        assertThat(rules(group(report, bastion))).isEmpty();

        assertThat(report.locations().of(RULE + ".admin_ssh[1]")).contains(
                new SourceLocations.Location(tf("module").resolve("main.tf"), 33));
        assertThat(report.locations().of(web)).contains(new SourceLocations.Location(tf("module").resolve("main.tf"), 7));
    }

    @Test
    void varFilesAndVarsOverrideTheFoldersValuesInTerraformsOrder(@TempDir Path dir) throws IOException {
        ReadOptions options = new ReadOptions(Map.of("admin_cidrs", "[\"10.0.0.0/8\"]", "db_port", "5433"),
                List.of(tf("staging.tfvars"), tf("staging.tfvars.json")));

        DefinitionReport report = new TerraformReader().read(tf("module"), options);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).extracting(GroupReport::name).containsExactly("staging-app-db", "staging-app-web");
        assertThat(rules(group(report, SG + ".tier[\"web\"]"))).containsExactly(
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(80), Remote.prefix("0.0.0.0/0"), "public http"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("10.0.0.0/8"), "ssh from admin network 1"),
                EGRESS_V4, EGRESS_V6);
        assertThat(rules(group(report, SG + ".tier[\"db\"]")).get(0).ports()).isEqualTo(PortRange.of(5433));

        // -var with a string-typed variable stays text; .terraform/ (downloaded modules) is not part of the module
        for (String f : List.of("main.tf", "variables.tf")) {
            Files.copy(tf("module").resolve(f), dir.resolve(f));
        }
        Files.createDirectories(dir.resolve(".terraform/modules/x"));
        Files.writeString(dir.resolve(".terraform/modules/x/main.tf"), "resource \"" + SG + "\" \"x\" {\n name = \"x\"\n}\n");
        DefinitionReport env = new TerraformReader().read(dir, new ReadOptions(Map.of("env", "42"), List.of()));
        assertThat(env.allProblems()).isEmpty();
        assertThat(env.groups()).extracting(GroupReport::name).containsExactly("42-app-db", "42-app-web");
    }

    @Test
    void aVarIsAnHclValueWhenItReadsAsOneElseText(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                variable "name" {}
                variable "port" {}
                variable "delete" {}
                resource "openstack_networking_secgroup_v2" "g" {
                  name                 = "${var.name}-${var.port + 1}"
                  delete_default_rules = var.delete
                }
                """);

        DefinitionReport report = new TerraformReader().read(dir, new ReadOptions(
                Map.of("name", "web", "port", "8079", "delete", "true"), List.of()));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups().get(0).name()).isEqualTo("web-8080");
        assertThat(report.groups().get(0).rules()).isEmpty();
    }

    @Test
    void icmpWithPortRangeZeroIsEveryIcmpTypeSoPingPasses() {
        DefinitionReport report = new TerraformReader().read(tf("icmp-zero.tf"));

        assertThat(report.allProblems()).isEmpty();
        assertThat(rules(report.groups().get(0))).containsExactly(
                in(EtherType.IPV4, Protocol.ICMP, PortRange.ANY, Remote.prefix("0.0.0.0/0"), null));
        List<SecurityGroup> groups = report.reviewable().definitions().groups();
        TrafficCheck check = new TrafficCheck(groups, List.of(), false);
        TrafficCheckPacket ping = TrafficCheckPacket.parse(Direction.INGRESS, "icmp", null, 8, null, "198.51.100.7");
        TrafficCheckPacket echoReply = TrafficCheckPacket.parse(Direction.INGRESS, "icmp", null, 0, 0, "198.51.100.7");
        assertThat(check.check(groups.get(0), ping).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(check.check(groups.get(0), echoReply).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void tcpWithPortRangeZeroIsEveryPortFromTheWorld() {
        DefinitionReport report = new TerraformReader().read(tf("tcp-zero.tf"));

        assertThat(report.allProblems()).isEmpty();
        assertThat(rules(report.groups().get(0))).containsExactly(in(EtherType.IPV4, Protocol.TCP, PortRange.ANY,
                Remote.prefix("0.0.0.0/0"), "everything, from everywhere"));
        List<SecurityGroup> groups = report.reviewable().definitions().groups();
        TrafficCheckPacket mysql = TrafficCheckPacket.parse(Direction.INGRESS, "tcp", 3306, null, null, "203.0.113.9");
        assertThat(new TrafficCheck(groups, List.of(), false).check(groups.get(0), mysql).verdict())
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void theOlderComputeSecgroupIsReadWithNovasSemantics() {
        DefinitionReport report = new TerraformReader().read(tf("compute-secgroup.tf"));

        assertThat(report.allProblems()).isEmpty();
        GroupReport g = report.groups().get(0);
        String id = DraftIds.group("openstack_compute_secgroup_v2.bastion");
        assertThat(g.id()).isEqualTo(id);
        assertThat(g.name()).isEqualTo("bastion");
        assertThat(g.description()).isEqualTo("SSH and ping from anywhere");
        assertThat(rules(g)).containsExactly(
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("0.0.0.0/0"), null),
                in(EtherType.IPV4, Protocol.ICMP, PortRange.ANY, Remote.prefix("0.0.0.0/0"), null),
                in(EtherType.IPV4, Protocol.TCP, PortRange.ANY, Remote.group(id), null),
                in(EtherType.IPV6, Protocol.TCP, PortRange.of(8080), Remote.prefix("2001:db8::/32"), null),
                in(EtherType.IPV6, Protocol.TCP, PortRange.of(8443), Remote.prefix("2001:db8::/32"), null),
                EGRESS_V4, EGRESS_V6);
        assertThat(g.rules()).extracting(RuleReport::path).startsWith("openstack_compute_secgroup_v2.bastion.rule[0]");
        assertThat(report.locations().of("openstack_compute_secgroup_v2.bastion.rule[3]")).contains(
                new SourceLocations.Location(tf("compute-secgroup.tf"), 32));
    }

    @Test
    void whatCannotBeKnownOfflineIsNamedWithFileAndLineAndEverythingElseIsStillRead() {
        DefinitionReport report = new TerraformReader().read(tf("unknowns"));

        assertThat(report.valid()).isFalse();
        assertThat(report.groups()).extracting(GroupReport::path).containsExactly(SG + ".app", SG + ".network_edge");
        GroupReport app = group(report, SG + ".app");
        assertThat(rules(app)).containsExactly(
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(443), Remote.prefix("0.0.0.0/0"), null),
                EGRESS_V4, EGRESS_V6);
        assertThat(app.problems()).extracting(Problem::code, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TerraformReader.UNKNOWN, "main.tf:27 " + RULE + ".from_shared.remote_group_id"),
                org.assertj.core.groups.Tuple.tuple(TerraformReader.UNKNOWN, "main.tf:37 " + RULE + ".office.remote_ip_prefix"));
        assertThat(app.problems().get(0).message()).contains("data.openstack_networking_secgroup_v2.shared.id",
                "data source", "cannot be known offline", "left out");
        assertThat(app.problems().get(1).message()).contains("var.office_cidr", "no default and no value", "left out");

        GroupReport edge = group(report, SG + ".network_edge");
        assertThat(edge.name()).isEqualTo("(unknown)");
        assertThat(edge.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(TerraformReader.UNKNOWN);
            assertThat(p.field()).isEqualTo("main.tf:51 " + SG + ".network_edge.name");
            assertThat(p.message()).contains("data.terraform_remote_state.network.outputs.edge_group_name",
                    "another configuration");
        });
        assertThat(rules(edge)).containsExactly(EGRESS_V4, EGRESS_V6);

        assertThat(report.fileProblems()).extracting(Problem::code, Problem::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(TerraformReader.UNKNOWN, "main.tf:55 " + RULE + ".into_shared.security_group_id"),
                org.assertj.core.groups.Tuple.tuple(TerraformReader.NOT_READ, "main.tf:64 module.bastion"),
                org.assertj.core.groups.Tuple.tuple(TerraformReader.NOT_READ, "main.tf:68 openstack_fw_rule_v2.allow_ssh"));
        assertThat(report.notices()).extracting(Problem::field).contains(
                "main.tf:5 data.openstack_networking_secgroup_v2.shared", "main.tf:74 openstack_networking_port_v2.app_1");
    }

    @Test
    void importBlocksGiveInstancesTheirIdsAndRemoteGroupsFollow() {
        DefinitionReport report = new TerraformReader().read("""
                resource "openstack_networking_secgroup_v2" "tier" {
                  for_each = toset(["db", "web"])
                  name     = each.key
                }
                import {
                  to = openstack_networking_secgroup_v2.tier["web"]
                  id = "6f1d2c3a-0000-4000-8000-000000000001"
                }
                resource "openstack_networking_secgroup_rule_v2" "db_from_web" {
                  security_group_id = openstack_networking_secgroup_v2.tier["db"].id
                  direction         = "ingress"
                  ethertype         = "IPv4"
                  protocol          = "tcp"
                  port_range_min    = 5432
                  port_range_max    = 5432
                  remote_group_id   = openstack_networking_secgroup_v2.tier["web"].id
                }
                """);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).extracting(GroupReport::id).containsExactly(
                DraftIds.group(SG + ".tier[\"db\"]"), "6f1d2c3a-0000-4000-8000-000000000001");
        assertThat(rules(report.groups().get(0)).get(0).remote())
                .isEqualTo(Remote.group("6f1d2c3a-0000-4000-8000-000000000001"));
    }

    @Test
    void aFolderWithoutTfFilesIsAProblemNotZeroGroups(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("modules/web"));
        Files.writeString(dir.resolve("modules/web/main.tf"), "resource \"" + SG + "\" \"a\" {\n  name = \"a\"\n}\n");

        DefinitionReport report = new TerraformReader().read(dir);

        assertThat(report.groups()).isEmpty();
        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(TerraformReader.NOT_READ);
            assertThat(p.message()).contains("no .tf file");
        });
    }

    @Test
    void aSyntaxErrorInOneFileOfAModuleLeavesTheOthersRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.tf"), "resource \"" + SG + "\" \"a\" {\n  name = \"a\"\n}\n");
        Files.writeString(dir.resolve("b.tf"), "resource \"" + SG + "\" \"b\" {\n  name = \"b\n}\n");

        DefinitionReport report = new TerraformReader().read(dir);

        assertThat(report.groups()).extracting(GroupReport::name).containsExactly("a");
        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(TerraformReader.SYNTAX);
            assertThat(p.field()).isEqualTo("b.tf:2");
        });
    }
}
