package dev.portcullis.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

class SourceFormatTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"heat/web-stack.yaml, HEAT", "heat/unresolvable.yaml, HEAT", "ansible/shop-playbook.yml, ANSIBLE",
            "ansible/cache-tasks.yml, ANSIBLE", "ansible/debug-first-tasks.yml, ANSIBLE",
            "ansible/neither.yml, NEUTRON_JSON", "new-groups.tf, TERRAFORM", "neutron-sg-list.json, NEUTRON_JSON",
            "openstack-group-list.json, NEUTRON_JSON", "openstack-group-show.json, NEUTRON_JSON",
            "broken-rules.json, NEUTRON_JSON"})
    void theTestFilesAreTold(String file, SourceFormat format) {
        assertThat(SourceFormat.of(resource(file))).isEqualTo(format);
    }

    private SourceFormat of(String name, String content) throws IOException {
        return SourceFormat.of(Files.writeString(dir.resolve(name), content));
    }

    @Test
    void contentDecidesNotTheFileName() throws IOException {
        assertThat(of("a.json", "{\"resources\": {}, \"heat_template_version\": \"2018-08-31\"}"))
                .isEqualTo(SourceFormat.HEAT);
        assertThat(of("b.txt", "# a comment\n---\n- hosts: all\n  tasks: []\n")).isEqualTo(SourceFormat.ANSIBLE);
        assertThat(of("c.yaml", "- name: x\n  openstack.cloud.security_group_rule:\n    security_group: a\n"))
                .isEqualTo(SourceFormat.ANSIBLE);
        assertThat(of("d.yml", "- block:\n    - debug: {msg: hi}\n")).isEqualTo(SourceFormat.ANSIBLE);
        // What the OpenStack client prints is a list of rows, not of tasks.
        assertThat(of("e.json", "[{\"ID\": \"1\", \"Name\": \"web\"}]")).isEqualTo(SourceFormat.NEUTRON_JSON);
        assertThat(of("f.yaml", "security_groups: []\n")).isEqualTo(SourceFormat.NEUTRON_JSON);
        assertThat(of("g.json", "{ not json")).isEqualTo(SourceFormat.NEUTRON_JSON);
        assertThat(of("h.json", "")).isEqualTo(SourceFormat.NEUTRON_JSON);
        assertThat(SourceFormat.of(dir)).isEqualTo(SourceFormat.TERRAFORM);
        assertThat(SourceFormat.of(dir.resolve("missing.yaml"))).isEqualTo(SourceFormat.NEUTRON_JSON);
    }

    @Test
    void aHeatKeyAfterALargeMemberIsStillFound() throws IOException {
        StringBuilder big = new StringBuilder("{\"security_groups\": [");
        for (int i = 0; i < 20_000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"name\": \"g").append(i).append("\", \"security_group_rules\": []}");
        }
        big.append("], \"heat_template_version\": \"2018-08-31\"}");

        assertThat(of("big.json", big.toString())).isEqualTo(SourceFormat.HEAT);
    }

    @Test
    void aSecurityGroupTaskAfterOtherTasksIsFoundWithinTheBounds() throws IOException {
        String debug = "- name: show\n  debug: msg=hi\n";
        String rule = "- openstack.cloud.security_group_rule: {security_group: default, protocol: tcp}\n";

        assertThat(of("a.yml", debug + debug + rule)).isEqualTo(SourceFormat.ANSIBLE);
        // Near misses: no security group task at all, and one past the items looked at.
        assertThat(of("b.yml", debug + debug)).isEqualTo(SourceFormat.NEUTRON_JSON);
        assertThat(of("c.yml", debug.repeat(SourceFormat.MAX_ITEMS) + rule)).isEqualTo(SourceFormat.NEUTRON_JSON);
        assertThat(of("d.yml", debug.repeat(SourceFormat.MAX_ITEMS - 1) + rule)).isEqualTo(SourceFormat.ANSIBLE);
    }

    @Test
    void aYamlFileOfNoKnownFormatIsSaidToBeYamlNotBadJson() throws IOException {
        DefinitionReport neither = new SourceReader().read(resource("ansible/neither.yml"));

        assertThat(neither.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.UNSUPPORTED_FORMAT);
            assertThat(p.message()).contains("is YAML, but neither a Heat template (no heat_template_version) nor an "
                    + "Ansible playbook or task file with an OpenStack security group task").doesNotContain("JSON at");
        });
        // Near misses: the same bytes named .json are bad JSON; YAML that does not parse says so.
        Path json = Files.copy(resource("ansible/neither.yml"), dir.resolve("neither.json"));
        assertThat(new SourceReader().read(json).fileProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not valid JSON"));
        assertThat(new SourceReader().read(Files.writeString(dir.resolve("bad.yaml"), "a: [1,\n")).fileProblems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not valid YAML"));
        DefinitionReport tasks = new SourceReader().read(resource("ansible/debug-first-tasks.yml"));
        assertThat(tasks.allProblems()).isEmpty();
        assertThat(tasks.groups()).extracting(DefinitionReport.GroupReport::name).containsExactly("default");
    }

    @Test
    void aJsonObjectIsLookedThroughOnlyAsFarAsAHeatTemplateCanBe() throws IOException {
        String big = "\"" + "x".repeat((int) SourceFormat.MAX_OFFSET) + "\"";

        assertThat(of("small.json", "{\"description\": \"x\", \"heat_template_version\": \"2018-08-31\"}")).isEqualTo(
                SourceFormat.HEAT);
        assertThat(of("groups.json", "{\"security_groups\": [" + big + "], \"heat_template_version\": 1}"))
                .isEqualTo(SourceFormat.NEUTRON_JSON);
    }

    @Test
    void aYamlFileOfOneEndlessLineIsToldQuicklyAndReadAsNothingElse() throws IOException {
        Path file = Files.writeString(dir.resolve("one-line.yaml"), "a: " + "x".repeat(20 * 1024 * 1024) + "\n");

        assertThat(SourceFormat.of(file)).isEqualTo(SourceFormat.NEUTRON_JSON);
        assertThat(new SourceReader().read(file).fileProblems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("line 1: the line is longer than 524288 bytes"));
    }
}
