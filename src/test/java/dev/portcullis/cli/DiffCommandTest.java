package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

import static dev.portcullis.cli.CheckCommandTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void theSameGroupsUnderOtherIdsAreTheSameAndExit0() {
        int exit = run("diff", resource("project.json"), resource("same-other-ids.json"));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("hold the same groups (4 groups)");
    }

    @Test
    void differencesArePrintedGroupByGroupAndExit1() {
        String first = resource("project.json");
        String second = resource("changed.json");

        int exit = run("diff", first, second);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(String.format(
                first + " and " + second + " differ: 2 groups changed, 2 only in " + first + ", 1 only in " + second
                        + ", 0 the same%n%n"
                + "group web (g-web)%n"
                + "  - Ingress IPv4 TCP 443 from 198.51.100.0/24 \"HTTPS from the office\"%n"
                + "  + Ingress IPv4 TCP 8443 from 198.51.100.0/24 \"HTTPS from the office\"%n"
                + "  ~ Ingress IPv4 TCP 22 from 0.0.0.0/0: description \"SSH\" -> \"SSH for admins\"%n%n"
                + "group db (g-db)%n"
                + "  stateful: \"true\" -> \"false\"%n%n"
                + "only in " + first + ":%n"
                + "  group twin (g-twin-1), 0 rules%n"
                + "  group twin (g-twin-2), 0 rules%n%n"
                + "only in " + second + ":%n"
                + "  group cache (g-cache), 0 rules%n"));
    }

    @Test
    void jsonListsEachKindOfDifference() throws IOException {
        int exit = run("diff", "--format", "json", resource("project.json"), resource("changed.json"));

        assertThat(exit).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("same").asBoolean()).isFalse();
        JsonNode web = root.get("changed").get(0);
        assertThat(web.get("first").get("name").asText()).isEqualTo("web");
        assertThat(web.get("rules_only_in_first").get(0).get("rule").get("port_range_min").asInt()).isEqualTo(443);
        assertThat(web.get("rules_only_in_second").get(0).get("rule").get("port_range_min").asInt()).isEqualTo(8443);
        JsonNode redescribed = web.get("descriptions_changed").get(0);
        assertThat(redescribed.get("first_description").asText()).isEqualTo("SSH");
        assertThat(redescribed.get("second_description").asText()).isEqualTo("SSH for admins");
        JsonNode db = root.get("changed").get(1);
        assertThat(db.get("fields").get(0).get("field").asText()).isEqualTo("stateful");
        assertThat(root.get("groups_only_in_first")).hasSize(2);
        assertThat(root.get("groups_only_in_second").get(0).get("name").asText()).isEqualTo("cache");
    }

    @Test
    void jsonForTheSameGroupsSaysSame() throws IOException {
        int exit = run("diff", "--format", "json", resource("project.json"), resource("project.json"));

        assertThat(exit).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("same").asBoolean()).isTrue();
        assertThat(root.get("unchanged").asInt()).isEqualTo(4);
        assertThat(root.get("changed")).isEmpty();
    }

    @Test
    void anUnusableSourceExits2NamingIt() {
        int broken = run("diff", resource("project.json"), resource("broken.json"));
        int missing = run("diff", resource("project.json"), resource("project.json") + ".gone");

        assertThat(broken).isEqualTo(2);
        assertThat(missing).isEqualTo(2);
        assertThat(err.toString()).contains("broken.json cannot be used").contains("project.json.gone");
        assertThat(out.toString()).isEmpty();
    }

    private static String groupFile(java.nio.file.Path dir, String file, String id, String tags) throws IOException {
        return java.nio.file.Files.writeString(dir.resolve(file), "{\"security_groups\": [{\"id\": \"" + id
                + "\", \"name\": \"" + file.replace(".json", "") + "\", \"description\": \"\", \"tags\": " + tags
                + ", \"security_group_rules\": []}]}").toString();
    }

    @Test
    void tagsThatChangedAndTheTagsOfAGroupOnlyInOneAreShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("b"));
        String first = groupFile(dir, "a.json", "g-1", "[\"prod\", \"Team\"]");
        String second = groupFile(dir.resolve("b"), "a.json", "g-1", "[\"team\", \"eu\"]");
        String elsewhere = groupFile(dir, "c.json", "g-2", "[\"eu\"]");

        int changed = run("diff", first, second);
        String changedText = out.toString();
        out.getBuffer().setLength(0);
        run("diff", elsewhere, resource("project.json"));

        assertThat(changed).isEqualTo(1);
        assertThat(changedText).contains("  tags: \"prod, Team\" -> \"eu, team\"");
        assertThat(out.toString()).contains("group c (g-2), 0 rules, tags eu");
    }
}
