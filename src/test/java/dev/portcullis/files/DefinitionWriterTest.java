package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionWriterTest {

    private final DefinitionWriter writer = new DefinitionWriter();

    private static SecurityGroup web() {
        return new SecurityGroup("g1", "p1", "web", "web servers", true, false, 3, List.of(
                new Rule("r1", Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("10.1.2.3/16"),
                        "ssh"),
                new Rule("r2", Direction.EGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null)),
                List.of("prod"), Instant.parse("2026-11-26T14:28:09Z"), Instant.parse("2026-11-26T14:30:00Z"));
    }

    @Test
    void writesNeutronsListShapeMarkedAsOurs() throws IOException {
        JsonNode root = new ObjectMapper().readTree(writer.toJson(new Definitions(List.of(web()), List.of())));

        assertThat(root.get("format").asText()).isEqualTo("portcullis/1");
        JsonNode group = root.get("security_groups").get(0);
        assertThat(group.get("revision_number").asLong()).isEqualTo(3);
        JsonNode rule = group.get("security_group_rules").get(0);
        assertThat(rule.get("security_group_id").asText()).isEqualTo("g1");
        assertThat(rule.get("remote_ip_prefix").asText()).isEqualTo("10.1.2.3/16");
        assertThat(rule.get("normalized_cidr").asText()).isEqualTo("10.1.0.0/16");
        assertThat(group.get("security_group_rules").get(1).get("protocol").isNull()).isTrue();
    }

    @Test
    void whatItWritesReadsBackEqual(@TempDir Path dir) throws IOException {
        Definitions definitions = new Definitions(List.of(web()), List.of(
                new dev.portcullis.domain.Port("port1", "web-1 eth0", "srv1", "compute:nova", List.of("10.0.0.11"),
                        List.of("g1"))));
        Path file = dir.resolve("defs.json");

        writer.write(file, definitions);
        DefinitionReport report = new DefinitionReader().read(file);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.definitions()).isEqualTo(definitions);
    }

    @Test
    void rewritingAFileKeepsWhatItDoesNotModelAndChangesOnlyWhatChanged() throws IOException {
        DefinitionReport read = new DefinitionReader().read(DefinitionReaderTest.resource("neutron-sg-list-with-ports.json"));
        Definitions before = read.definitions();
        SecurityGroup original = before.groups().get(0);
        SecurityGroup renamed = original.withNameAndDescription(original.name(), "changed here", 2,
                Instant.parse("2026-11-27T08:00:00Z"));
        dev.portcullis.domain.Port port = before.ports().get(0).withoutGroup(original.id());

        JsonNode written = new ObjectMapper().readTree(writer.toJson(
                new Definitions(List.of(renamed), List.of(port)), read.originals()));
        JsonNode originalJson = new ObjectMapper().readTree(
                java.nio.file.Files.readAllBytes(DefinitionReaderTest.resource("neutron-sg-list-with-ports.json")));

        JsonNode group = written.get("security_groups").get(0);
        assertThat(group.get("description").asText()).isEqualTo("changed here");
        assertThat(group.get("revision_number").asLong()).isEqualTo(2);
        assertThat(group.get("updated_at").asText()).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(group.get("created_at")).isEqualTo(originalJson.get("security_groups").get(0).get("created_at"));
        JsonNode rule = group.get("security_group_rules").get(0);
        JsonNode originalRule = originalJson.get("security_groups").get(0).get("security_group_rules").get(0);
        assertThat(rule).as("an unchanged rule is written exactly as it was read").isEqualTo(originalRule);
        JsonNode writtenPort = written.get("ports").get(0);
        JsonNode originalPort = originalJson.get("ports").get(0);
        assertThat(writtenPort.get("security_groups")).isEmpty();
        for (String kept : List.of("mac_address", "network_id", "status", "admin_state_up", "fixed_ips", "created_at")) {
            assertThat(writtenPort.get(kept)).as(kept).isEqualTo(originalPort.get(kept));
        }
    }
}
