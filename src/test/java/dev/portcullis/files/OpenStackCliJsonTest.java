package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The test data is what python-openstackclient printed against a real Neutron. */
class OpenStackCliJsonTest {

    @Test
    void securityGroupShowIsOneGroupWithItsRules() {
        DefinitionReport report = new DefinitionReader().read(resource("openstack-group-show.json"));

        assertThat(report.allProblems()).isEmpty();
        SecurityGroup group = report.definitions().groups().get(0);
        assertThat(group.name()).isEqualTo("files5-9239-web");
        assertThat(group.description()).isEqualTo("web \"front\" tier");
        assertThat(group.projectId()).isEqualTo("fake_project_id");
        assertThat(group.revision()).isEqualTo(4);
        assertThat(group.rules()).hasSize(5);
        Rule ping = group.rules().get(0);
        assertThat(ping.direction()).isEqualTo(Direction.INGRESS);
        assertThat(ping.ports()).isEqualTo(PortRange.icmp(8, null));
        assertThat(ping.remote()).isEqualTo(Remote.group(group.id()));
        assertThat(group.rules().get(1).remote()).isEqualTo(Remote.prefix("203.0.113.0/24"));
    }

    @Test
    void securityGroupListIsTheGroupsWithoutRulesAndSaysSo() {
        DefinitionReport report = new DefinitionReader().read(resource("openstack-group-list.json"));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.definitions().groups()).extracting(SecurityGroup::name)
                .containsExactly("files5-9239-db", "files5-9239-web");
        assertThat(report.definitions().groups()).allSatisfy(g -> {
            assertThat(g.rules()).isEmpty();
            assertThat(g.projectId()).isEqualTo("fake_project_id");
        });
        assertThat(report.notices()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo(FileErrorCode.RULES_NOT_LISTED);
            assertThat(n.message()).contains("openstack security group list", "without rules");
        });
    }

    @Test
    void anUnknownColumnOfTheListIsANoticeAndTheRestIsRead() {
        DefinitionReport report = new DefinitionReader().read("""
                [{"ID": "a", "Name": "web", "Description": "", "Project": "p", "Tags": [], "Colour": "red"}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).isTrue();
        assertThat(report.groups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("web"));
        assertThat(report.notices()).filteredOn(n -> n.code().equals(OpenStackCliJson.COLUMN_NOT_READ))
                .singleElement().satisfies(n -> assertThat(n.message()).contains("\"Colour\"", "not read"));
    }

    @Test
    void theSdkNameIsSharedOfTheCurrentClientsShowIsRead() {
        DefinitionReport report = new DefinitionReader().read("""
                {"id": "g", "name": "web", "description": "", "is_shared": true, "stateful": true,
                 "location": {"cloud": "prod"}, "rules": [], "default_rule_count": 2}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).as(report.allProblems().toString()).isTrue();
        assertThat(report.groups().get(0).shared()).isTrue();
        assertThat(report.notices()).singleElement().satisfies(n -> assertThat(n.message())
                .contains("default_rule_count"));
    }

    @Test
    void ruleListIsReadAsRulesInTheirGroups() {
        DefinitionReport report = new DefinitionReader().read(resource("openstack-rule-list.json"));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).hasSize(2);
        List<Rule> web = report.groups().get(0).rules().stream().map(DefinitionReport.RuleReport::rule).toList();
        assertThat(report.groups().get(0).id()).isEqualTo("7c1f0d2e-3b4a-4e5f-8a9b-0c1d2e3f4a01");
        assertThat(web).hasSize(4);
        assertThat(web.get(0).ports()).isEqualTo(PortRange.of(22, 22));
        assertThat(web.get(0).remote()).isEqualTo(Remote.prefix("0.0.0.0/0"));
        assertThat(web.get(1).ports()).as("type 8, any code: the table cannot show code 0")
                .isEqualTo(PortRange.icmp(8, null));
        assertThat(web.get(2).protocol().isAny()).isTrue();
        List<Rule> db = report.groups().get(1).rules().stream().map(DefinitionReport.RuleReport::rule).toList();
        assertThat(db.get(0).remote()).as("the remote group wins over the IP Range the table prints for it")
                .isEqualTo(Remote.group("7c1f0d2e-3b4a-4e5f-8a9b-0c1d2e3f4a01"));
        assertThat(db.get(1).remote()).isEqualTo(Remote.prefix("2001:db8::/32"));
        assertThat(report.notices()).extracting(dev.portcullis.domain.Problem::code)
                .containsExactly(OpenStackCliJson.CLI_LOSSY);
    }

    @Test
    void aRuleListForOneGroupIsOneGroupAndSaysSo() {
        DefinitionReport report = new DefinitionReader().read("""
                [{"ID": "r", "IP Protocol": "tcp", "Ethertype": "IPv4", "IP Range": "10.0.0.0/8",
                  "Port Range": "80:80", "Direction": "ingress", "Remote Security Group": null,
                  "Remote Address Group": null}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).singleElement().satisfies(g -> assertThat(g.rules()).hasSize(1));
        assertThat(report.notices()).singleElement().satisfies(n -> assertThat(n.message())
                .contains("does not say which group"));
    }

    @Test
    void aListOfSomethingElseIsStillRefusedAsTheWrongShape() {
        DefinitionReport report = new DefinitionReader().read("[{\"id\": \"a\"}]".getBytes(StandardCharsets.UTF_8));

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.WRONG_SHAPE);
            assertThat(p.message()).contains("openstack security group show/list -f json");
        });
    }
}
