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

class ValidateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<ConsoleOptions> consoles = new ArrayList<>();

    private int run(String... args) {
        return PortcullisCommand.commandLine(consoles::add, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static String resource(String name) {
        try {
            return Path.of(ValidateCommandTest.class.getResource("/dev/portcullis/files/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFileSavedFromNeutronIsValid() {
        int exit = run("validate", resource("neutron-sg-list.json"));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("valid (1 group, 4 rules)");
        assertThat(consoles).isEmpty();
    }

    @Test
    void theInterfacesAreCountedInWordsThatAgreeWithTheirNumber() throws URISyntaxException {
        String oneInterface = Path.of(ValidateCommandTest.class.getResource("/dev/portcullis/review/findings.json")
                .toURI()).toString();

        assertThat(run("validate", oneInterface)).isZero();
        assertThat(out.toString()).contains("valid (2 groups, 7 rules, 1 interface)");
    }

    @Test
    void brokenRulesGiveOneErrorEachWithNeutronsCodeAndExit1() {
        int exit = run("validate", resource("broken-rules.json"));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("8 problems (1 group, 8 rules)")
                .contains("security_groups[0].security_group_rules[1].port_range_max (group web)  "
                        + "[SecurityGroupInvalidPortValue]")
                .contains("[InvalidCIDR]", "[SecurityGroupRuleInvalidDirection]",
                        "[SecurityGroupRuleParameterConflict]", "[SecurityGroupRuleInvalidProtocol]",
                        "[DuplicateSecurityGroupRuleInPost]", "[UnrecognizedAttribute]", "[SecurityGroupMissingIcmpType]")
                .contains("The last port (or ICMP code) 70000 is not valid: it must be a whole number, a port from "
                        + "1 to 65535 or an ICMP code from 0 to 255.");
    }

    @Test
    void jsonSaysForEveryRuleWhetherItIsValidItsErrorsAndHowNeutronStoresIt() throws IOException {
        int exit = run("validate", "--format", "json", resource("broken-rules.json"));

        assertThat(exit).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("valid").asBoolean()).isFalse();
        JsonNode rules = root.get("security_groups").get(0).get("security_group_rules");
        assertThat(rules).hasSize(8);
        JsonNode ssh = rules.get(0);
        assertThat(ssh.get("valid").asBoolean()).isTrue();
        assertThat(ssh.get("errors")).isEmpty();
        JsonNode normalized = ssh.get("normalized");
        assertThat(normalized.get("direction").asText()).isEqualTo("ingress");
        assertThat(normalized.get("ethertype").asText()).isEqualTo("IPv4");
        assertThat(normalized.get("protocol").asText()).isEqualTo("tcp");
        assertThat(normalized.get("port_range_min").asInt()).isEqualTo(22);
        assertThat(normalized.get("port_range_max").asInt()).isEqualTo(22);
        assertThat(normalized.get("remote_ip_prefix").asText()).isEqualTo("0.0.0.0/0");
        assertThat(normalized.get("normalized_cidr").asText()).isEqualTo("0.0.0.0/0");
        assertThat(normalized.get("remote_group_id").isNull()).isTrue();
        assertThat(normalized.get("description").asText()).isEqualTo("ssh");
        JsonNode badPort = rules.get(1);
        assertThat(badPort.get("valid").asBoolean()).isFalse();
        assertThat(badPort.has("normalized")).isFalse();
        assertThat(badPort.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("code").asText()).isEqualTo("SecurityGroupInvalidPortValue");
            assertThat(e.get("field").asText()).isEqualTo("security_groups[0].security_group_rules[1].port_range_max");
            assertThat(e.get("message").asText()).isNotBlank();
        });
        assertThat(rules.get(7).get("errors")).hasSize(2);
    }

    @Test
    void anUnreadableFileExits2WithAMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"security_groups\": [");

        int exit = run("validate", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("cannot be read").contains("[MalformedRequestBody]");
    }

    @Test
    void aMissingFileExits2() {
        assertThat(run("validate", "/no/such/file.json")).isEqualTo(2);
        assertThat(out.toString()).contains("does not exist");
    }

    @Test
    void aUsageErrorExits2() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
        assertThat(run("validate", "--format", "yaml", "x.json")).isEqualTo(2);
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Portcullis ");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("validate").contains("Exit codes");
    }

    @Test
    void noCommandOpensTheConsoleOnTheGivenWorkspace() {
        assertThat(run("--workspace", "/tmp/ws.json")).isZero();
        assertThat(consoles).containsExactly(new ConsoleOptions(Path.of("/tmp/ws.json")));
    }

    @Test
    void noCommandOpensTheConsoleOnTheCloudNamed() {
        assertThat(run("--cloud", "prod")).isZero();
        assertThat(consoles).containsExactly(new ConsoleOptions(null, "prod"));
        assertThat(run("--cloud")).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
    }

    @Test
    void aFileWithoutACommandOpensTheConsoleOnIt(@TempDir Path dir) throws IOException {
        // the desktop entry runs "portcullis FILE" for a definition file opened with Portcullis
        Path file = Files.writeString(dir.resolve("groups.json"), "{\"security_groups\": []}");

        assertThat(run(file.toString())).isZero();

        assertThat(consoles).containsExactly(new ConsoleOptions(null, null, file));
    }

    @Test
    void aWordThatIsNeitherACommandNorAFileIsRefusedWithoutOpeningTheConsole() {
        assertThat(run("valdate")).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);

        assertThat(consoles).isEmpty();
        assertThat(err.toString()).contains("'valdate' is neither a command nor a file");
    }

    @Test
    void jsonIsPlainAsciiWhateverTheNamesHold(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("unicode.json"),
                "{\"security_groups\": [{\"name\": \"w\u00e9b \ud83d\ude00\", \"security_group_rules\": []}]}");

        assertThat(run("validate", "--format", "json", file.toString())).isZero();

        assertThat(out.toString()).matches("\\A\\p{ASCII}*\\z");
        assertThat(new ObjectMapper().readTree(out.toString()).get("security_groups").get(0).get("name").asText())
                .isEqualTo("w\u00e9b \ud83d\ude00");
    }

    @Test
    void textNeverPassesTerminalControlsThrough(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("escape.json"),
                "{\"security_groups\": [{\"name\": \"evil\\u001b[2J\\u202e\", \"stateful\": \"maybe\"}]}");

        assertThat(run("validate", file.toString())).isEqualTo(1);

        assertThat(out.toString()).doesNotContain("\u001b").doesNotContain("\u202e")
                .contains("(group evil\\u001b[2J\\u202e)");
    }
}
