package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

class HeatReaderTest {

    static Rule in(EtherType e, Protocol p, PortRange ports, Remote remote, String description) {
        return Rule.draft(Direction.INGRESS, e, p, ports, remote, description);
    }

    static Rule out(EtherType e, Protocol p, PortRange ports, Remote remote, String description) {
        return Rule.draft(Direction.EGRESS, e, p, ports, remote, description);
    }

    static List<Rule> rules(GroupReport g) {
        return g.rules().stream().map(RuleReport::rule).toList();
    }

    /** The line (from 1) of the first line of the file that contains {@code text}. */
    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static final Path STACK = resource("heat/web-stack.yaml");

    @Test
    void theTemplateGivesTheGroupsAndRulesHeatWouldCreateWithItsDefaults() throws IOException {
        DefinitionReport report = new HeatReader().read(STACK,
                new ReadOptions(Map.of("monitoring_cidr", "203.0.113.0/24"), List.of()));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).extracting(GroupReport::id, GroupReport::name, GroupReport::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("draft:web_sg", "shop-web", "Public web servers"),
                        org.assertj.core.groups.Tuple.tuple("draft:db_sg", "shop-db", "PostgreSQL"));
        GroupReport web = report.groups().get(0);
        // No egress rule among its rules: Heat keeps the two egress rules Neutron adds.
        assertThat(rules(web)).containsExactly(
                Rule.egressAnywhere(EtherType.IPV4),
                Rule.egressAnywhere(EtherType.IPV6),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("198.51.100.0/24"),
                        "SSH from the administrators"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(80), Remote.ANYWHERE, null),
                in(EtherType.IPV6, Protocol.TCP, PortRange.of(443), Remote.prefix("::/0"), null),
                in(EtherType.IPV4, Protocol.ICMP, PortRange.ANY, Remote.group("draft:web_sg"), null));
        assertThat(web.stateful()).isTrue();
        // An egress rule among its rules: Heat deletes Neutron's egress rules. The standalone rule's protocol is tcp.
        assertThat(rules(report.groups().get(1))).containsExactly(
                out(EtherType.IPV4, Protocol.UDP, PortRange.of(53), Remote.prefix("0.0.0.0/0"), "DNS"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(5432), Remote.group("draft:web_sg"), null),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(9100), Remote.prefix("203.0.113.0/24"), "node exporter"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(5432), Remote.prefix("198.51.100.0/24"),
                        "psql for the administrators"));
    }

    @Test
    void groupsAndRulesAreNamedByTheirPlaceInTheTemplateWithTheirLines() throws IOException {
        DefinitionReport report = new HeatReader().read(STACK,
                new ReadOptions(Map.of("monitoring_cidr", "203.0.113.0/24"), List.of()));

        GroupReport db = report.groups().get(1);
        assertThat(db.path()).isEqualTo("resources.db_sg");
        assertThat(db.rules()).extracting(RuleReport::path).containsExactly(
                "resources.db_sg.properties.rules[0]", "resources.db_sg.properties.rules[1]",
                "resources.db_sg.properties.rules[2]", "resources.db_from_admins");
        assertThat(report.locations().of("resources.db_sg")).contains(
                new SourceLocations.Location(STACK, lineOf(STACK, "  db_sg:")));
        assertThat(report.locations().of("resources.db_sg.properties.rules[2]").orElseThrow().line())
                .isEqualTo(lineOf(STACK, "port_range_min: 9100") - 1); // its "- protocol: tcp"
        assertThat(report.locations().of("resources.db_from_admins").orElseThrow().line())
                .isEqualTo(lineOf(STACK, "db_from_admins:"));
        assertThat(report.notices()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("web_server (OS::Nova::Server)", "not read"));
    }

    @Test
    void aParameterWithoutValueIsAProblemAtItsLineAndTheRestIsRead() throws IOException {
        DefinitionReport report = new HeatReader().read(STACK, ReadOptions.NONE);

        assertThat(report.valid()).isFalse();
        assertThat(report.allProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(HeatReader.NOT_RESOLVED);
            assertThat(p.field()).isEqualTo("resources.db_sg.properties.rules[2].remote_ip_prefix.get_param (line "
                    + lineOf(STACK, "{get_param: monitoring_cidr}") + ")");
            assertThat(p.message()).contains("monitoring_cidr", "no default");
        });
        assertThat(report.groups()).hasSize(2);
        assertThat(report.groups().get(1).rules()).hasSize(3);
        assertThat(report.groups().get(0).rules()).hasSize(6);
    }

    @Test
    void overridesAndEnvironmentFilesTakeHeatsOrder(@TempDir Path dir) throws IOException {
        Path env = dir.resolve("env.yaml");
        Files.writeString(env, """
                parameter_defaults:
                  app_name: books
                  monitoring_cidr: 192.0.2.0/24
                parameters:
                  web_ports: [8080, 8443]
                """);

        DefinitionReport report = new HeatReader().read(STACK,
                new ReadOptions(Map.of("app_name", "news"), List.of(env)));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).extracting(GroupReport::name).containsExactly("news-web", "news-db");
        assertThat(rules(report.groups().get(0))).extracting(r -> r.ports().min()).containsSubsequence(22, 8080, 8443);
        assertThat(rules(report.groups().get(1)).get(2).remote()).isEqualTo(Remote.prefix("192.0.2.0/24"));
    }

    @Test
    void whatCannotBeKnownOfflineIsNamedAndTheRestKeepsHeatsMeaning() throws IOException {
        Path file = resource("heat/unresolvable.yaml");

        DefinitionReport report = new HeatReader().read(file, ReadOptions.NONE);

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("resources.allow_from_elsewhere.properties.security_group (line "
                    + lineOf(file, "security_group: ops-shared") + ")");
            assertThat(p.message()).contains("ops-shared", "not created by this template");
        });
        GroupReport backend = report.groups().get(0);
        assertThat(backend.name()).isEqualTo("backend_sg");
        assertThat(backend.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).startsWith("resources.backend_sg.properties.rules[0].remote_ip_prefix")
                    .endsWith("(line " + lineOf(file, "get_attr") + ")");
            assertThat(p.message()).contains("get_attr");
        });
        // remote_group_id without remote_mode: Heat drops it, and the rule is open to every address.
        assertThat(rules(backend)).containsExactly(
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(8443), Remote.ANYWHERE, null),
                Rule.egressAnywhere(EtherType.IPV6));
        assertThat(report.notices()).extracting(Problem::field).contains(
                "resources.backend_sg.properties.rules[1].remote_group_id (line "
                        + lineOf(file, "remote_group_id: {get_resource: frontend_sg}") + ")");
        assertThat(report.notices()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("Heat names it after the stack", "backend_sg"));
        // An empty rules list: Neutron's egress rules stay.
        assertThat(rules(report.groups().get(1))).containsExactly(Rule.egressAnywhere(EtherType.IPV4),
                Rule.egressAnywhere(EtherType.IPV6));
    }

    @Test
    void heatsOwnRefusalsAreProblems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                heat_template_version: 2018-08-31
                resources:
                  sg:
                    type: OS::Neutron::SecurityGroup
                    properties:
                      name: default
                      rules:
                        - protocol: TCP
                          colour: red
                """);

        DefinitionReport report = new HeatReader().read(file, ReadOptions.NONE);

        assertThat(report.groups().get(0).problems()).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("resources.sg.properties.name (line 6)", HeatReader.INVALID),
                org.assertj.core.groups.Tuple.tuple("resources.sg.properties.rules[0].protocol (line 8)", HeatReader.INVALID),
                org.assertj.core.groups.Tuple.tuple("resources.sg.properties.rules[0].colour (line 9)", HeatReader.INVALID));
    }

    @Test
    void aFileThatIsNotATemplateIsUnusable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "resources: [\n");

        assertThat(new HeatReader().read(file, ReadOptions.NONE).fileProblems()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(HeatReader.SYNTAX));
    }

    @Test
    void conditionsIfAndRepeatAreWorkedOut(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                heat_template_version: 2018-08-31
                parameters:
                  env: {type: string, default: prod}
                  ports: {type: json, default: [80, 443]}
                conditions:
                  is_prod: {equals: [{get_param: env}, prod]}
                  is_dev: {not: is_prod}
                resources:
                  web:
                    type: OS::Neutron::SecurityGroup
                    properties:
                      name: {if: [is_prod, web-prod, web-dev]}
                      rules:
                        repeat:
                          for_each:
                            <%port%>: {get_param: ports}
                          template:
                            protocol: tcp
                            port_range_min: <%port%>
                            port_range_max: <%port%>
                  debug:
                    type: OS::Neutron::SecurityGroup
                    condition: is_dev
                    properties:
                      name: debug
                """);

        DefinitionReport prod = new HeatReader().read(file, ReadOptions.NONE);
        DefinitionReport dev = new HeatReader().read(file, new ReadOptions(Map.of("env", "dev"), List.of()));

        assertThat(prod.allProblems()).isEmpty();
        assertThat(prod.groups()).extracting(GroupReport::name).containsExactly("web-prod");
        assertThat(rules(prod.groups().get(0))).extracting(Rule::ports).containsExactly(PortRange.ANY, PortRange.ANY,
                PortRange.of(80), PortRange.of(443));
        assertThat(prod.groups().get(0).rules()).extracting(RuleReport::path).endsWith(
                "resources.web.properties.rules[0]", "resources.web.properties.rules[1]");
        assertThat(dev.groups()).extracting(GroupReport::name).containsExactly("web-dev", "debug");
    }

    @Test
    void aJsonTemplateIndentedWithTabsIsRead(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.json"), "{\n\t\"heat_template_version\": \"2018-08-31\",\n"
                + "\t\"resources\": {\n\t\t\"sg\": {\n\t\t\t\"type\": \"OS::Neutron::SecurityGroup\",\n"
                + "\t\t\t\"properties\": {\"name\": \"sg\", \"rules\": [{\"direction\": \"egress\"}]}\n"
                + "\t\t}\n\t}\n}\n");

        DefinitionReport report = new HeatReader().read(file, ReadOptions.NONE);

        assertThat(report.allProblems()).isEmpty();
        assertThat(rules(report.groups().get(0))).containsExactly(Rule.egressAnywhere(EtherType.IPV4));
        assertThat(report.locations().of("resources.sg.properties.rules[0]").orElseThrow().line()).isEqualTo(6);
    }

    @Test
    void theStackNameIsReadAsAStandInAndSaid(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                heat_template_version: 2018-08-31
                resources:
                  sg:
                    type: OS::Neutron::SecurityGroup
                    properties:
                      name: {list_join: ["-", [{get_param: "OS::stack_name"}, web]]}
                      description: {get_param: "OS::project_id"}
                """);

        DefinitionReport report = new HeatReader().read(file, ReadOptions.NONE);

        assertThat(report.groups().get(0).name()).isEqualTo("STACK-web");
        assertThat(report.notices()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("OS::stack_name", "\"STACK\""));
        assertThat(report.allProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("resources.sg.properties.description.get_param (line 7)");
            assertThat(p.message()).contains("OS::project_id");
        });
    }

    @Test
    void aValueForAParameterTheTemplateLacksIsRefusedAsHeatRefusesIt(@TempDir Path dir) throws IOException {
        Path env = Files.writeString(dir.resolve("env.yaml"), "resource_registry: {}\nparameters: {}\n");

        DefinitionReport report = new HeatReader().read(STACK, new ReadOptions(Map.of("monitoring_cidr",
                "203.0.113.0/24", "colour", "red"), List.of(env)));

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("-P colour");
            assertThat(p.code()).isEqualTo(HeatReader.INVALID);
        });
        // An empty resource_registry maps nothing: it is read and says nothing.
        assertThat(report.notices()).extracting(Problem::message)
                .noneSatisfy(m -> assertThat(m).contains("resource_registry"));
        assertThat(report.groups()).hasSize(2);
    }
}
