package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Rule;
import dev.portcullis.files.DefinitionReport.GroupReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.portcullis.files.HeatReaderTest.lineOf;
import static dev.portcullis.files.HeatReaderTest.rules;
import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** Resources that create other resources: read when Portcullis can, a problem when it cannot. */
class HeatResourceTypesTest {

    private static final Path GROUPS = resource("heat/resource-group.yaml");
    private static final Path UNREAD = resource("heat/unread-resources.yaml");

    private static List<Integer> ports(GroupReport g) {
        return rules(g).stream().filter(r -> r.direction() == Direction.INGRESS).map(Rule::ports)
                .map(PortRange::min).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void aResourceGroupOfRulesAndGroupsWithAStaticCountIsExpandedAsHeatNamesItsMembers() throws IOException {
        DefinitionReport report = new HeatReader().read(GROUPS, ReadOptions.NONE);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).extracting(GroupReport::id)
                .containsExactly("draft:web", "draft:teams.0", "draft:teams.1");
        GroupReport web = report.groups().get(0);
        assertThat(ports(web)).containsExactly(22);
        assertThat(rules(web)).filteredOn(r -> r.direction() == Direction.INGRESS).singleElement().satisfies(r -> {
            assertThat(r.description()).isEqualTo("ssh 0");
            assertThat(r.remote().toString()).contains("0.0.0.0/0");
        });
        assertThat(web.rules().get(web.rules().size() - 1).path()).isEqualTo("resources.ssh_rules[0]");
        assertThat(report.groups().get(1).name()).isEqualTo("team-0");
        assertThat(rules(report.groups().get(2))).extracting(Rule::description).contains("https for 1");
        assertThat(report.groups().get(2).path()).isEqualTo("resources.teams[1]");
        // Near misses: servers made by a ResourceGroup and a port create no group: notes, not problems.
        assertThat(report.notices()).extracting(Problem::field)
                .contains("resources.servers (line " + lineOf(GROUPS, "  servers:") + ")",
                        "resources.port (line " + lineOf(GROUPS, "  port:") + ")");
    }

    @Test
    void whatCreatesResourcesPortcullisDoesNotReadIsAProblemAtItsLine() throws IOException {
        DefinitionReport report = new HeatReader().read(UNREAD, ReadOptions.NONE);

        for (String name : List.of("counted", "nested_group", "scaled", "chain", "stack", "more", "custom")) {
            assertThat(report.fileProblems()).as(name).anySatisfy(p -> {
                assertThat(p.code()).isEqualTo(HeatReader.NOT_RESOLVED);
                assertThat(p.field()).isEqualTo("resources." + name + " (line " + lineOf(UNREAD, "  " + name + ":") + ")");
                assertThat(p.message()).contains("its security groups are not reviewed");
            });
            assertThat(FileErrorCode.unknowable(HeatReader.NOT_RESOLVED)).isTrue();
        }
        assertThat(report.fileProblems()).hasSize(7);
        // None of the rules they would create is taken to be in the group.
        assertThat(report.groups()).singleElement().satisfies(web -> assertThat(ports(web)).isEmpty());
        // Near misses: a server and a network are notes.
        assertThat(report.notices()).extracting(Problem::field)
                .contains("resources.server (line " + lineOf(UNREAD, "  server:") + ")",
                        "resources.net (line " + lineOf(UNREAD, "  net:") + ")");
    }

    @Test
    void aCountGivenAsAParameterIsReadAndALargeOneIsAProblem() throws IOException {
        DefinitionReport read = new HeatReader().read(UNREAD, new ReadOptions(Map.of("rule_count", "3"), List.of()));
        assertThat(read.fileProblems()).extracting(Problem::field).noneMatch(f -> f.startsWith("resources.counted "));
        assertThat(ports(read.groups().get(0))).containsExactly(22, 22, 22);

        DefinitionReport tooMany = new HeatReader().read(UNREAD, new ReadOptions(Map.of("rule_count", "5000"), List.of()));
        assertThat(tooMany.fileProblems()).anySatisfy(p -> {
            assertThat(p.field()).startsWith("resources.counted ");
            assertThat(p.code()).isEqualTo(HeatReader.NOT_RESOLVED);
        });
        assertThat(ports(tooMany.groups().get(0))).isEmpty();
    }

    @Test
    void aTypeTheEnvironmentMapsIsAProblemAndAnUnmappedOneStaysANote(@TempDir Path dir) throws IOException {
        Path env = Files.writeString(dir.resolve("env.yaml"), """
                resource_registry:
                  OS::Nova::Server: server-with-rules.yaml
                  "OS::Neutron::SecurityGroupR*": my-rule.yaml
                  resources:
                    web:
                      OS::Neutron::SecurityGroup: my-group.yaml
                """);

        DefinitionReport report = new HeatReader().read(GROUPS, new ReadOptions(Map.of(), List.of(env)));

        assertThat(report.fileProblems()).extracting(Problem::code, Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple(HeatReader.NOT_RESOLVED,
                        "resources.web (line " + lineOf(GROUPS, "  web:") + ")"),
                org.assertj.core.groups.Tuple.tuple(HeatReader.NOT_RESOLVED,
                        "resources.servers (line " + lineOf(GROUPS, "  servers:") + ")"),
                org.assertj.core.groups.Tuple.tuple(HeatReader.NOT_RESOLVED,
                        "resources.ssh_rules (line " + lineOf(GROUPS, "  ssh_rules:") + ")"));
        // Near miss: the ResourceGroup of groups is still read member by member.
        assertThat(report.groups()).extracting(GroupReport::id).contains("draft:teams.0", "draft:teams.1");
        assertThat(report.groups()).extracting(GroupReport::id).doesNotContain("draft:web");
        assertThat(report.notices()).extracting(Problem::field)
                .contains("resources.port (line " + lineOf(GROUPS, "  port:") + ")");
    }
}
