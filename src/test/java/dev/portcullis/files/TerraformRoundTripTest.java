package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class TerraformRoundTripTest {

    /** What Terraform can carry of a group: everything but its project, sharing, revision and times. */
    record Carried(String id, String name, String description, boolean stateful, List<String> tags, List<Rule> rules) {
        static Carried of(SecurityGroup g) {
            return new Carried(g.id(), g.name(), g.description(), g.stateful(), g.tags(), g.rules());
        }
    }

    public static Path resource(String name) {
        try {
            return Path.of(TerraformRoundTripTest.class.getResource("/dev/portcullis/files/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Carried> roundTrip(List<SecurityGroup> groups) {
        String tf = new TerraformWriter().write(groups);
        DefinitionReport back = new TerraformReader().read(tf);
        assertThat(back.allProblems()).as(tf).isEmpty();
        return back.definitions().groups().stream().map(Carried::of).toList();
    }

    @Test
    void neutronsOwnAnswerComesBackExactlyWithItsIdsEgressRulesAndRemoteGroups() {
        List<SecurityGroup> groups = new DefinitionReader().read(resource("neutron-sg-list-with-ports.json"))
                .definitions().groups();
        assertThat(groups).isNotEmpty();

        assertThat(roundTrip(groups)).isEqualTo(groups.stream().map(Carried::of).toList());
    }

    @Test
    void theOpenStackCliShowOutputComesBackExactlyIncludingNullAndEmptyDescriptions() {
        List<SecurityGroup> groups = new DefinitionReader().read(resource("openstack-group-show.json"))
                .definitions().groups();

        assertThat(roundTrip(groups)).isEqualTo(groups.stream().map(Carried::of).toList());
        assertThat(groups.get(0).rules()).extracting(Rule::description).contains(null, "", "ssh");
    }

    private static SecurityGroup group(String id, String name, String description, List<Rule> rules) {
        return new SecurityGroup(id, "p", name, description, false, false, 1, rules, List.of("a \"tag\""), null, null);
    }

    @Test
    void everyKindOfRuleIsWrittenWithTheProvidersArgumentsAndReadBack() {
        SecurityGroup db = group("g-db", "db", "databases", List.of(
                new Rule("r1", Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432, 5433),
                        Remote.group("g-web"), "from web"),
                new Rule("r2", Direction.INGRESS, EtherType.IPV4, Protocol.ICMP, PortRange.icmp(8, null),
                        Remote.prefix("10.0.0.5/24"), null),
                new Rule("r3", Direction.INGRESS, EtherType.IPV6, Protocol.of("47"), PortRange.ANY,
                        Remote.group("elsewhere-id"), null),
                new Rule("r4", Direction.EGRESS, EtherType.IPV4, Protocol.UDP, PortRange.of(53),
                        new Remote.AddressGroup("ag-1"), "dns")));
        SecurityGroup web = group("g-web", "web", "", List.of());

        String tf = new TerraformWriter().write(List.of(db, web));

        assertThat(tf).contains("resource \"openstack_networking_secgroup_rule_v2\" \"db_ingress_tcp_5432_5433\" {",
                "  remote_group_id   = openstack_networking_secgroup_v2.web.id",
                "  remote_group_id   = \"elsewhere-id\"",
                "  remote_ip_prefix  = \"10.0.0.5/24\"",
                "  remote_address_group_id = \"ag-1\"",
                "  delete_default_rules = true",
                "  tags                 = [\"a \\\"tag\\\"\"]",
                "  to = openstack_networking_secgroup_rule_v2.db_ingress_icmp_8\n  id = \"r2\"");
        assertThat(roundTrip(List.of(db, web))).containsExactly(Carried.of(db), Carried.of(web));
    }

    @Test
    void withoutImportBlocksGroupsGetTheDraftIdOfTheirAddressAndRulesHaveNoId() {
        SecurityGroup web = group("g-web", "web", "w", List.of(new Rule("r1", Direction.INGRESS, EtherType.IPV4,
                Protocol.TCP, PortRange.of(443), Remote.group("g-web"), null)));

        String tf = new TerraformWriter(false).write(List.of(web));
        DefinitionReport report = new TerraformReader().read(tf);
        DefinitionReport.GroupReport back = report.newGroups().get(0);

        assertThat(tf).doesNotContain("import");
        assertThat(report.allProblems()).isEmpty();
        assertThat(back.id()).isEqualTo(DraftIds.group("openstack_networking_secgroup_v2.web"));
        assertThat(back.rules()).extracting(DefinitionReport.RuleReport::id).containsOnlyNulls();
        assertThat(back.draft().orElseThrow().rules()).containsExactly(new Rule(null, Direction.INGRESS, EtherType.IPV4,
                Protocol.TCP, PortRange.of(443), Remote.group("draft:openstack_networking_secgroup_v2.web"), null));
    }

    @Test
    void resourceNamesAreSafeIdentifiersAndUniqueEvenForAwkwardGroupNames() {
        String tf = new TerraformWriter().write(List.of(group("1", "Web Server", null, List.of()),
                group("2", "web-server", null, List.of()), group("3", "42 ${evil}", null, List.of()),
                group("4", "", null, List.of())));

        assertThat(tf).contains("\"web_server\" {", "\"web_server_2\" {", "\"sg_42_evil\" {", "\"group\" {",
                "name                 = \"42 $${evil}\"");
    }

    @Property(tries = 200)
    void anyNameAndDescriptionSurviveTheTrip(@ForAll @StringLength(min = 1, max = 60) String name,
                                             @ForAll @StringLength(max = 60) String description) {
        SecurityGroup g = group("id", name, description, List.of());

        DefinitionReport back = new TerraformReader().read(new TerraformWriter().write(List.of(g)));

        assertThat(back.groups().get(0).name()).isEqualTo(name);
        assertThat(back.groups().get(0).description()).isEqualTo(description);
    }

    @Test
    void aGroupTerraformCreatesWithDefaultRulesKeepsNeutronsTwoEgressRules() {
        DefinitionReport report = new TerraformReader().read("""
                resource "openstack_networking_secgroup_v2" "web" {
                  name = "web" # no delete_default_rules: Neutron's egress rules stay
                }
                resource "openstack_networking_secgroup_rule_v2" "v4_out" {
                  security_group_id = openstack_networking_secgroup_v2.web.id
                  direction = "egress"
                  ethertype = "IPv4"
                }
                """);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.newGroups().get(0).draft().orElseThrow().rules()).containsExactly(
                Rule.egressAnywhere(EtherType.IPV4), Rule.egressAnywhere(EtherType.IPV6));
    }

    @Test
    void syntaxErrorsSayTheLine() {
        DefinitionReport report = new TerraformReader().read("""
                resource "openstack_networking_secgroup_v2" "web" {
                  name = "web"
                  description = "not closed
                }
                """);

        assertThat(report.valid()).isFalse();
        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(TerraformReader.SYNTAX);
            assertThat(p.message()).contains("line 3", "not closed");
        });
    }

    @Test
    void unknownArgumentsAreProblemsOfTheirGroupWithFileAndLineAndTheGroupIsStillRead() {
        DefinitionReport unknown = new TerraformReader().read("resource \"openstack_networking_secgroup_v2\" \"a\" {\n"
                + "  name = \"a\"\n  colour = \"red\"\n}\n");

        assertThat(unknown.groups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("a");
            assertThat(g.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("<text>:3 openstack_networking_secgroup_v2.a.colour");
                assertThat(p.code()).isEqualTo(TerraformReader.NOT_READ);
            });
        });
    }

    @Test
    void aRuleNeutronWouldRefuseIsReportedAtItsResourceAndLine() throws java.io.IOException {
        String tf = java.nio.file.Files.readString(resource("new-groups.tf"))
                .replace("port_range_max    = 6379", "port_range_max    = 70000");

        DefinitionReport report = new TerraformReader().read(tf);

        assertThat(report.valid()).isFalse();
        assertThat(report.allProblems()).singleElement().satisfies(p -> assertThat(p.field())
                .isEqualTo("<text>:16 openstack_networking_secgroup_rule_v2.cache_from_app.port_range_max"));
    }

    @Test
    void aRuleOfAGroupNotInTheFileIsRefused() {
        DefinitionReport report = new TerraformReader().read("""
                resource "openstack_networking_secgroup_rule_v2" "ssh" {
                  security_group_id = openstack_networking_secgroup_v2.missing.id
                  direction         = "ingress"
                  ethertype         = "IPv4"
                }
                """);

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("<text>:2 openstack_networking_secgroup_rule_v2.ssh.security_group_id");
            assertThat(p.message()).contains("there is no resource openstack_networking_secgroup_v2.missing", "left out");
        });
    }

    @Test
    void otherResourcesAreNotedAndSkippedAndProviderBlocksIgnored() {
        DefinitionReport report = new TerraformReader().read("""
                terraform {
                  required_providers {
                    openstack = { source = "terraform-provider-openstack/openstack" }
                  }
                }
                provider "openstack" {
                  cloud = "prod"
                }
                resource "openstack_compute_instance_v2" "vm" {
                  name = "vm"
                }
                """);

        assertThat(report.valid()).isTrue();
        assertThat(report.notices()).singleElement().satisfies(n -> assertThat(n.message())
                .contains("openstack_compute_instance_v2.vm", "not read"));
    }
}
