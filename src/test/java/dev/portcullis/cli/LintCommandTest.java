package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LintCommandTest {

    private static final String SAMPLE = sample();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<ConsoleOptions> consoles = new ArrayList<>();

    @TempDir
    Path dir;

    private int run(String... args) {
        return PortcullisCommand.commandLine(consoles::add, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static String sample() {
        try {
            return Path.of(LintCommandTest.class.getResource("/dev/portcullis/review/findings.json").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void sshOpenToTheWorldAShadowedRuleAndAnUnusedGroupAreReportedWithTheirSeveritiesAndExit1() {
        int exit = run("lint", SAMPLE);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("5 findings (1 high, 2 low, 2 info; 2 groups, 7 rules)")
                .contains("group web (5d1c6a4e-0000-4000-8000-000000000001)")
                .contains("  HIGH [world-open-admin-port] Ingress IPv4 TCP 22 from 0.0.0.0/0 "
                        + "(rule a0000000-0000-4000-8000-000000000001)")
                .contains("  INFO [world-open-port] Ingress IPv4 TCP 443 from 0.0.0.0/0 "
                        + "(rule a0000000-0000-4000-8000-000000000002)\n"
                        + "    A public service is open to any address on the internet: HTTPS (TCP 443).")
                .contains("  LOW [shadowed-rule] Ingress IPv4 TCP 443 from 10.0.0.0/8 "
                        + "(rule a0000000-0000-4000-8000-000000000003)")
                .contains("group old-batch (5d1c6a4e-0000-4000-8000-000000000002)\n  LOW [unused-group]\n")
                .contains("    fix: Delete it if nobody needs it any more.");
        assertThat(err.toString()).isEmpty();
        assertThat(consoles).isEmpty();
    }

    @Test
    void jsonListsTheSameFindingsForPrograms() throws IOException {
        int exit = run("lint", "--format", "json", SAMPLE);

        assertThat(exit).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("failed").asBoolean()).isTrue();
        assertThat(root.get("fail_on").asText()).isEqualTo("low");
        assertThat(root.get("counts").get("high").asInt()).isEqualTo(1);
        assertThat(root.get("counts").get("low").asInt()).isEqualTo(2);
        assertThat(root.get("counts").get("info").asInt()).isEqualTo(2);
        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(5);
        assertThat(findings.get(0).get("check").asText()).isEqualTo("world-open-admin-port");
        assertThat(findings.get(0).get("severity").asText()).isEqualTo("high");
        assertThat(findings.get(0).get("group_name").asText()).isEqualTo("web");
        assertThat(findings.get(0).get("rule_id").asText()).isEqualTo("a0000000-0000-4000-8000-000000000001");
        assertThat(findings.get(1).get("check").asText()).isEqualTo("world-open-port");
        assertThat(findings.get(1).get("severity").asText()).isEqualTo("info");
        assertThat(findings.get(4).get("check").asText()).isEqualTo("unused-group");
        assertThat(findings.get(4).get("rule_id").isNull()).isTrue();
    }

    @Test
    void failOnHighStillFailsOnSshButFailOnCriticalDoesNot() {
        assertThat(run("lint", "--fail-on", "high", SAMPLE)).isEqualTo(1);
        assertThat(run("lint", "--fail-on", "CRITICAL", SAMPLE)).isZero();
    }

    @Test
    void aSettingsFileDisablesACheck() throws IOException {
        Path settings = file("review.json", "{\"disabled\": [\"world-open-admin-port\"]}");

        int exit = run("lint", "--fail-on", "high", "--settings", settings.toString(), SAMPLE);

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("4 findings (2 low, 2 info;").doesNotContain("world-open-admin-port");
    }

    @Test
    void aBadSettingsFileIsUnusableInputWithThePathOfEachProblem() throws IOException {
        Path settings = file("review.json", "{\"disabled\": [\"no-such-check\"], \"adminPorts\": [0]}");

        int exit = run("lint", "--settings", settings.toString(), SAMPLE);

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains("review.json: disabled[0]: There is no check \"no-such-check\"; the checks are ")
                .contains("review.json: adminPorts[0]: 0 is not a port");
    }

    @Test
    void aCleanFileHasNoFindingsAndExits0() throws IOException {
        Path clean = file("clean.json", """
                {"security_groups": [{"id": "g1", "name": "web", "description": "Web servers", "security_group_rules": [
                  {"id": "r1", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "port_range_min": 443,
                   "port_range_max": 443, "remote_ip_prefix": "10.0.0.0/8", "description": "HTTPS from the office"},
                  {"id": "r2", "direction": "ingress", "ethertype": "IPv6", "protocol": "tcp", "port_range_min": 443,
                   "port_range_max": 443, "remote_ip_prefix": "fd00::/8", "description": "HTTPS from the office"}]}]}
                """);

        int exit = run("lint", clean.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).endsWith("clean.json: no findings (1 group, 2 rules)\n");
    }

    @Test
    void aSourceThatCannotBeReadOrABadSeverityIsUnusable() {
        assertThat(run("lint", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("portcullis lint: ").contains("missing.json");

        assertThat(run("lint", "--fail-on", "severe", SAMPLE)).isEqualTo(2);
        assertThat(err.toString()).contains("'severe' is not a severity; use critical, high, medium, low or info");
    }
}
