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
            "ansible/cache-tasks.yml, ANSIBLE", "new-groups.tf, TERRAFORM", "neutron-sg-list.json, NEUTRON_JSON",
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
}
