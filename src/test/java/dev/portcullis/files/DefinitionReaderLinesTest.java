package dev.portcullis.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The line of each group and rule of a JSON definition file, under the paths of the report. */
class DefinitionReaderLinesTest {

    private final DefinitionReader reader = new DefinitionReader();

    @TempDir
    Path dir;

    private static final String LIST = """
            {"format": "portcullis/1",
             "ports": [{"id": "p1", "security_groups": ["g1"]}],
             "security_groups": [
              {"id": "g1", "name": "web", "description": "{[\\"security_group_rules\\"]}",
               "tags": [{"nested": [1, 2, {"security_group_rules": [{}]}]}],
               "security_group_rules": [
                {"id": "r1", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                 "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"},
                {"id": "r2", "direction": "egress", "ethertype": "IPv4"}
               ]},
              {"name": "no-id",
               "security_group_rules": [
                {"direction": "ingress", "ethertype": "IPv6"}]},
              "not a group"
             ]}
            """;

    @Test
    void eachGroupAndRuleOfAFileHasTheLineItStartsOnUnderItsReportPath() throws IOException {
        Path file = Files.writeString(dir.resolve("groups.json"), LIST);

        DefinitionReport report = reader.read(file);

        SourceLocations where = report.locations();
        assertThat(where.of("security_groups[0]")).contains(new SourceLocations.Location(file, 4));
        assertThat(where.of("security_groups[0].security_group_rules[0]"))
                .contains(new SourceLocations.Location(file, 7));
        assertThat(where.of("security_groups[0].security_group_rules[1]"))
                .contains(new SourceLocations.Location(file, 9));
        assertThat(where.of("security_groups[1]")).contains(new SourceLocations.Location(file, 11));
        assertThat(where.of("security_groups[1].security_group_rules[0]"))
                .contains(new SourceLocations.Location(file, 13));
        assertThat(where.of("security_groups[2]")).contains(new SourceLocations.Location(file, 14));
        // Nothing is recorded for what only looks like groups or rules deeper down, or for ports.
        assertThat(where.byPath()).hasSize(6);
        // The paths are the report's own, so a finding's group or rule id leads to its line.
        DefinitionReport.Reviewable reviewable = report.reviewable();
        assertThat(reviewable.path("r2").flatMap(where::of)).contains(new SourceLocations.Location(file, 9));
        assertThat(reviewable.path("draft:no-id").flatMap(where::of)).contains(new SourceLocations.Location(file, 11));
        assertThat(reviewable.path("draft:no-id#1").flatMap(where::of))
                .contains(new SourceLocations.Location(file, 13));
    }

    @Test
    void oneGroupAsNeutronShowsItAndAsTheOpenStackCliShowsIt() {
        DefinitionReport neutron = reader.read("""
                {
                  "security_group": {"id": "g1", "name": "web",
                    "security_group_rules": [
                      {"id": "r1", "direction": "egress", "ethertype": "IPv6"}]}}
                """.getBytes(StandardCharsets.UTF_8));
        DefinitionReport cli = reader.read("""
                {"id": "g1", "name": "web",
                 "rules": [

                   {"id": "r1", "direction": "egress", "ethertype": "IPv6"}]}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(neutron.locations().of("security_group")).contains(new SourceLocations.Location(null, 2));
        assertThat(neutron.locations().of("security_group.security_group_rules[0]"))
                .contains(new SourceLocations.Location(null, 4));
        assertThat(cli.groups().get(0).rules().get(0).path()).isEqualTo("security_group.security_group_rules[0]");
        assertThat(cli.locations().of("security_group")).contains(new SourceLocations.Location(null, 1));
        assertThat(cli.locations().of("security_group.security_group_rules[0]"))
                .contains(new SourceLocations.Location(null, 4));
    }

    @Test
    void theRowsOfTheOpenStackCliListAreGroupsWithTheirLines() {
        DefinitionReport report = reader.read("""
                [
                  {"ID": "g1", "Name": "web", "Description": "", "Project": "p", "Tags": []},
                  {"ID": "g2", "Name": "db", "Description": "", "Project": "p", "Tags": []}
                ]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(report.groups()).extracting(DefinitionReport.GroupReport::path)
                .containsExactly("security_groups[0]", "security_groups[1]");
        assertThat(report.locations().of("security_groups[1]")).contains(new SourceLocations.Location(null, 3));
    }

    @Test
    void aFileThatIsNotJsonHasNoLines() {
        assertThat(reader.read("{\"security_groups\": [".getBytes(StandardCharsets.UTF_8)).locations().byPath())
                .isEmpty();
    }
}
