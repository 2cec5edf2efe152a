package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    static String resource(String name) {
        try {
            return Path.of(CheckCommandTest.class.getResource("/dev/portcullis/review/traffic/" + name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int check(String file, String... more) {
        List<String> args = new ArrayList<>(List.of("check", resource(file)));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aPacketOneRuleAllowsExits0AndNamesTheGroupAndRule() {
        int exit = check("project.json", "--group", "web", "--direction", "ingress", "--protocol", "tcp",
                "--port", "22", "--remote", "203.0.113.5");

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(String.format(
                "allowed: Ingress TCP port 22 from 203.0.113.5, group web (g-web)%n"
                + "  by group web: Ingress IPv4 TCP 22 from 0.0.0.0/0 \"SSH\" (rule r-ssh)%n"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aPacketNoRuleAllowsExits1() {
        int exit = check("project.json", "--group", "web", "--direction", "ingress", "--protocol", "tcp",
                "--port", "23", "--remote", "203.0.113.5");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith("denied: Ingress TCP port 23 from 203.0.113.5, group web (g-web): "
                + "no rule allows it");
    }

    @Test
    void anInterfaceIsCheckedAgainstAllItsGroupsAndRemoteGroupsResolveThroughItsPorts() {
        int allowed = check("project.json", "--interface", "db-1 eth0", "--direction", "ingress",
                "--protocol", "tcp", "--port", "5432", "--remote", "10.0.0.11");
        String allowedText = out.toString();
        int denied = check("project.json", "--interface", "p-db-1", "--direction", "ingress",
                "--protocol", "tcp", "--port", "5432", "--remote", "10.0.0.99");

        assertThat(allowed).isZero();
        assertThat(allowedText).contains("interface db-1 eth0 (p-db-1)",
                "by group db: Ingress IPv4 TCP 5432 from group web \"Postgres from web\" (rule r-pg)");
        assertThat(denied).isEqualTo(1);
    }

    @Test
    void withoutInterfacesInTheFileARemoteGroupRuleGivesUnknownWithTheReason() {
        int exit = check("no-ports.json", "--group", "db", "--direction", "ingress", "--protocol", "tcp",
                "--port", "5432", "--remote", "10.0.0.11");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).startsWith("unknown: ")
                .contains("maybe by group db: Ingress IPv4 TCP 5432 from group web")
                .contains("the source does not list interfaces");
    }

    @Test
    void jsonGivesTheVerdictThePacketAndTheAllowingRules() throws IOException {
        int exit = check("project.json", "--group", "g-web", "--direction", "ingress", "--protocol", "icmp",
                "--icmp-type", "8", "--remote", "192.0.2.1", "--format", "json");

        assertThat(exit).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("verdict").asText()).isEqualTo("allowed");
        assertThat(root.get("target").get("group_name").asText()).isEqualTo("web");
        assertThat(root.get("packet").get("icmp_code").asInt()).isZero();
        JsonNode rule = root.get("allowing").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("r-ping");
        assertThat(rule.get("group_id").asText()).isEqualTo("g-web");
        assertThat(rule.get("rule").get("port_range_min").asInt()).isEqualTo(8);
        assertThat(root.get("undecided")).isEmpty();
    }

    @Test
    void anUnknownOrAmbiguousNameExits2SayingWhich() {
        int unknown = check("project.json", "--group", "nope", "--direction", "ingress", "--protocol", "tcp",
                "--port", "22", "--remote", "192.0.2.1");
        int ambiguous = check("project.json", "--group", "twin", "--direction", "ingress", "--protocol", "tcp",
                "--port", "22", "--remote", "192.0.2.1");
        int noInterface = check("project.json", "--interface", "web-2", "--direction", "ingress",
                "--protocol", "tcp", "--port", "22", "--remote", "192.0.2.1");

        assertThat(List.of(unknown, ambiguous, noInterface)).containsOnly(2);
        assertThat(err.toString())
                .contains("has no group named (or with the id) \"nope\"")
                .contains("has 2 groups named \"twin\": give the id of the one you mean (g-twin-1, g-twin-2)")
                .contains("has no interface named (or with the id) \"web-2\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aPacketThatCannotBeExits2SayingWhatIsWrong() {
        int direction = check("project.json", "--group", "web", "--direction", "in", "--protocol", "tcp",
                "--port", "22", "--remote", "192.0.2.1");
        int noPort = check("project.json", "--group", "web", "--direction", "ingress", "--protocol", "tcp",
                "--remote", "192.0.2.1");
        int prefix = check("project.json", "--group", "web", "--direction", "ingress", "--protocol", "tcp",
                "--port", "22", "--remote", "192.0.2.0/24");

        assertThat(List.of(direction, noPort, prefix)).containsOnly(2);
        assertThat(err.toString())
                .contains("--direction must be ingress or egress, not \"in\"")
                .contains("TCP traffic needs a port")
                .contains("\"192.0.2.0/24\" is not one IPv4 or IPv6 address");
    }

    @Test
    void anUnusableSourceOrBothTargetsExit2() {
        int broken = check("broken.json", "--group", "x", "--direction", "ingress", "--protocol", "tcp",
                "--port", "22", "--remote", "192.0.2.1");
        int both = check("project.json", "--group", "web", "--interface", "web-1 eth0", "--direction", "ingress",
                "--protocol", "tcp", "--port", "22", "--remote", "192.0.2.1");

        assertThat(broken).isEqualTo(2);
        assertThat(both).isEqualTo(2);
        assertThat(err.toString()).contains("broken.json cannot be used", "sideways")
                .contains("mutually exclusive");
    }
}
