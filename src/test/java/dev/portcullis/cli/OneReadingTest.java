package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.backend.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point 1 of issue 11: a source yields the same groups and rules to every command and to the console, and
 * a group without an id is a group. Every sample source of the test resources goes through validate, lint,
 * export (read back), diff with itself, check (every group can be named) and the console's reading.
 */
class OneReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PortcullisCommand.commandLine(options -> { }, new PrintWriter(out), new PrintWriter(err))
                .execute(args);
    }

    static String resource(String path) {
        try {
            return Path.of(OneReadingTest.class.getResource("/dev/portcullis/" + path).toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + path, e);
        }
    }

    /** Every valid sample source of the tests, in every format the command line reads. */
    static Stream<String> sources() {
        return Stream.of("files/handwritten/no-ids.json", "files/handwritten/name-references.json",
                "files/neutron-sg-list.json", "files/neutron-sg-list-with-ports.json", "files/neutron-sg-show.json",
                "files/openstack-group-show.json", "files/openstack-group-list.json", "files/openstack-rule-list.json",
                "files/new-groups.tf", "files/terraform/provider-example.tf", "files/terraform/module",
                "files/terraform/icmp-zero.tf", "files/terraform/tcp-zero.tf", "files/terraform/compute-secgroup.tf",
                "review/findings.json", "review/traffic/project.json", "files/ansible/shop-playbook.yml",
                "files/heat/web-stack.yaml --var monitoring_cidr=10.9.0.0/24")
                .map(s -> resource(s.split(" ", 2)[0]) + (s.contains(" ") ? " " + s.split(" ", 2)[1] : ""));
    }

    /** The command's arguments, then the source and the options it needs (a Heat parameter, say). */
    private int command(String command, String source, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of(source.split(" ")));
        return run(all.toArray(String[]::new));
    }

    record Counts(int groups, int rules) {
    }

    @ParameterizedTest
    @MethodSource("sources")
    void everyCommandAndTheConsoleSeeTheSameGroupsAndRules(String sourceAndOptions) throws IOException {
        String source = sourceAndOptions.split(" ")[0];
        assertThat(command("validate", sourceAndOptions, "--format", "json")).as(out + err.toString()).isZero();
        JsonNode validated = JSON.readTree(out.toString());
        List<String> names = new ArrayList<>();
        int rules = 0;
        for (JsonNode g : validated.get("security_groups")) {
            names.add(g.get("name").asText());
            rules += g.get("security_group_rules").size();
        }
        Counts expected = new Counts(names.size(), rules);
        assertThat(expected.groups()).as("groups in " + source).isPositive();

        command("lint", sourceAndOptions, "--format", "json", "--fail-on", "critical");
        JsonNode lint = JSON.readTree(out.toString());
        assertThat(new Counts(lint.get("groups").asInt(), lint.get("rules").asInt())).as("lint").isEqualTo(expected);

        Path exported = dir.resolve("exported.json");
        assertThat(command("export", sourceAndOptions, "-o", exported.toString())).as(err.toString()).isZero();
        assertThat(run("validate", "--format", "json", exported.toString())).as(out.toString()).isZero();
        JsonNode back = JSON.readTree(out.toString());
        int backRules = 0;
        for (JsonNode g : back.get("security_groups")) {
            backRules += g.get("security_group_rules").size();
        }
        assertThat(new Counts(back.get("security_groups").size(), backRules)).as("export").isEqualTo(expected);

        assertThat(command("diff", sourceAndOptions, source)).as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("hold the same groups (" + expected.groups() + " group");

        for (String name : names.stream().distinct().filter(n -> names.indexOf(n) == names.lastIndexOf(n)).toList()) {
            int exit = command("check", sourceAndOptions, "--group", name, "--direction", "ingress", "--protocol", "tcp",
                    "--port", "22", "--remote", "192.0.2.10");
            assertThat(err.toString()).as("check --group " + name).doesNotContain("has no group");
            assertThat(exit).as("check --group " + name + ": " + err).isIn(0, 1, 2);
        }

        if (!sourceAndOptions.contains(" ")) {
            Snapshot console = new DefinitionFileIo().read(Path.of(source)).snapshot();
            int consoleRules = console.groups().stream().mapToInt(g -> g.rules().size()).sum();
            assertThat(new Counts(console.groups().size(), consoleRules)).as("console").isEqualTo(expected);
        }
    }

    @Test
    void aHandWrittenFileWithoutIdsIsReviewedAndFailsAPipelineOnWorldOpenSsh() throws IOException {
        String file = resource("files/handwritten/no-ids.json");

        int exit = run("lint", file, "--fail-on", "high");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("(1 high").contains("1 group, 3 rules")
                .contains("group bastion\n")
                .contains("HIGH [world-open-admin-port] Ingress IPv4 TCP 22 from 0.0.0.0/0\n");

        assertThat(run("check", file, "--group", "bastion", "--direction", "ingress", "--protocol", "tcp",
                "--port", "22", "--remote", "203.0.113.5")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("allowed: ").contains("SSH from anywhere");
        assertThat(run("check", file, "--group", "bastion", "--direction", "ingress", "--protocol", "tcp",
                "--port", "23", "--remote", "203.0.113.5")).isEqualTo(1);

        assertThat(run("export", file)).isZero();
        JsonNode exported = JSON.readTree(out.toString());
        assertThat(exported.get("security_groups")).hasSize(1);
        assertThat(exported.get("security_groups").get(0).has("id")).as("a draft id is never written").isFalse();
    }

    @Test
    void aGroupNamedInRemoteGroupIdIsTheGroupOfThatName() throws IOException {
        String file = resource("files/handwritten/name-references.json");

        assertThat(run("validate", "--format", "json", file)).as(out.toString()).isZero();
        JsonNode rule = JSON.readTree(out.toString()).get("security_groups").get(1).get("security_group_rules").get(0);
        assertThat(rule.get("normalized").get("remote_group_id").asText()).isEqualTo("draft:web");

        assertThat(run("check", file, "--group", "db", "--direction", "ingress", "--protocol", "tcp", "--port", "5432",
                "--remote", "192.0.2.10")).as("no interfaces: who is in web cannot be known").isEqualTo(2);
        assertThat(out.toString()).startsWith("unknown: ").contains("from group web");

        assertThat(run("export", file)).isZero();
        JsonNode db = JSON.readTree(out.toString()).get("security_groups").get(1);
        assertThat(db.get("security_group_rules").get(0).get("remote_group_id").asText()).isEqualTo("web");
    }

    @Test
    void anInvalidRuleIsAFindingAndTheRestOfTheSourceIsStillReviewed() throws IOException {
        String file = resource("files/handwritten/partly-invalid.json");

        assertThat(run("validate", file)).isEqualTo(1);
        int exit = run("lint", "--format", "json", file);

        assertThat(exit).isEqualTo(1);
        JsonNode lint = JSON.readTree(out.toString());
        assertThat(lint.get("groups").asInt()).isEqualTo(1);
        List<String> checks = lint.get("findings").findValuesAsText("check");
        assertThat(checks).contains("world-open-admin-port", "invalid-definition");
        JsonNode invalid = findings(lint, "invalid-definition").get(0);
        assertThat(invalid.get("group_name").asText()).isEqualTo("app");
        assertThat(invalid.get("explanation").asText()).contains("port_range_max").contains("70000")
                .contains("SecurityGroupInvalidPortValue");
        assertThat(findings(lint, "invalid-definition")).as("the rule pointing outside the file is reviewed, not refused")
                .noneMatch(f -> f.get("explanation").asText().contains("3f9a0a3c"));
        assertThat(lint.get("rules").asInt()).as("the RDP rule and the rule for another project's group").isEqualTo(2);
    }

    @Test
    void anIcmpZeroZeroTerraformRuleFromAnywhereLetsPingThrough() {
        String file = resource("files/terraform/icmp-zero.tf");

        int exit = run("check", file, "--group", "monitoring", "--direction", "ingress", "--protocol", "icmp",
                "--icmp-type", "8", "--remote", "198.51.100.7");

        assertThat(exit).as(out + err.toString()).isZero();
        assertThat(out.toString()).startsWith("allowed: ").contains("Ingress IPv4 ICMP from 0.0.0.0/0");
    }

    @Test
    void aTerraformModuleFolderIsReadWithItsVariablesAndTheValuesGivenOnTheCommandLine() throws IOException {
        String module = resource("files/terraform/module");

        assertThat(run("validate", "--format", "json", module)).as(out.toString()).isZero();
        JsonNode groups = JSON.readTree(out.toString()).get("security_groups");
        assertThat(groups.findValuesAsText("name")).contains("prod-app-web", "prod-app-db", "prod-app-bastion");

        assertThat(run("validate", "--format", "json", "--var", "env=dev", module)).as(out.toString()).isZero();
        assertThat(JSON.readTree(out.toString()).get("security_groups").findValuesAsText("name"))
                .contains("dev-app-web").doesNotContain("prod-app-bastion");
    }

    @Test
    void whatTerraformLeavesUnknownOfflineIsNamedWithItsLineAndTheRestIsReviewed() throws IOException {
        String folder = resource("files/terraform/unknowns");

        assertThat(run("validate", folder)).as("unknowns make the source invalid, not unreadable").isEqualTo(1);
        assertThat(out.toString()).contains("main.tf:").contains("[TerraformUnknown]");

        assertThat(run("lint", "--format", "json", folder)).isEqualTo(1);
        JsonNode lint = JSON.readTree(out.toString());
        assertThat(lint.get("groups").asInt()).isPositive();
        assertThat(findings(lint, "not-reviewed")).isNotEmpty().allSatisfy(f ->
                assertThat(f.get("explanation").asText()).contains("main.tf:").containsPattern("Terraform(Unknown|NotRead)"));
        assertThat(findings(lint, "not-reviewed")).anySatisfy(f ->
                assertThat(f.get("explanation").asText()).contains("module.bastion").contains("[TerraformNotRead]"));
    }

    @Test
    void aHeatParameterWithoutADefaultIsNamedWithItsLineUntilItIsGivenWithP() throws IOException {
        String template = resource("files/heat/web-stack.yaml");

        assertThat(run("validate", template)).isEqualTo(1);
        assertThat(out.toString()).contains("(line 72)").contains("[HeatNotResolved]");
        assertThat(run("lint", "--format", "json", template)).isEqualTo(1);
        assertThat(findings(JSON.readTree(out.toString()), "not-reviewed")).singleElement().satisfies(f ->
                assertThat(f.get("group_name").asText()).isEqualTo("shop-db"));

        assertThat(run("validate", "-P", "monitoring_cidr=10.9.0.0/24", template)).as(out.toString()).isZero();
        assertThat(run("check", template, "-P", "monitoring_cidr=10.9.0.0/24", "--group", "shop-db", "--direction",
                "ingress", "--protocol", "tcp", "--port", "9100", "--remote", "10.9.0.2")).as(out + err.toString())
                .isZero();
        assertThat(out.toString()).contains("node exporter");
    }

    private static List<JsonNode> findings(JsonNode lint, String check) {
        List<JsonNode> found = new ArrayList<>();
        lint.get("findings").forEach(f -> {
            if (f.get("check").asText().equals(check)) {
                found.add(f);
            }
        });
        return found;
    }
}
