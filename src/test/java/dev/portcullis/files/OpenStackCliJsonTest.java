package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

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
    void anUnknownColumnOfTheListIsReportedNotDropped() {
        DefinitionReport report = new DefinitionReader().read("""
                [{"ID": "a", "Name": "web", "Description": "", "Project": "p", "Tags": [], "Colour": "red"}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).isFalse();
        assertThat(report.allProblems()).singleElement().satisfies(p ->
                assertThat(p.field()).isEqualTo("security_groups[0].Colour"));
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
