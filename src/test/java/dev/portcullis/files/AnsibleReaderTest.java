package dev.portcullis.files;

import dev.portcullis.domain.ErrorCode;
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

import static dev.portcullis.files.HeatReaderTest.in;
import static dev.portcullis.files.HeatReaderTest.lineOf;
import static dev.portcullis.files.HeatReaderTest.out;
import static dev.portcullis.files.HeatReaderTest.rules;
import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class AnsibleReaderTest {

    private static final Path SHOP = resource("ansible/shop-playbook.yml");
    private static final Path CACHE = resource("ansible/cache-tasks.yml");

    @Test
    void thePlaybookGivesTheGroupsAndRulesTheModulesWouldLeave() {
        DefinitionReport report = new AnsibleReader().read(SHOP, ReadOptions.NONE);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).extracting(GroupReport::id, GroupReport::name, GroupReport::description)
                .containsExactly(tuple("draft:shop-web", "shop-web", "Public web servers"),
                        tuple("draft:shop-db", "shop-db", "PostgreSQL"));
        // Created without security_group_rules: Neutron's two egress rules stay; the loop makes a rule per item.
        assertThat(rules(report.groups().get(0))).containsExactly(
                Rule.egressAnywhere(EtherType.IPV4),
                Rule.egressAnywhere(EtherType.IPV6),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("198.51.100.0/24"), "SSH"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(80), Remote.prefix("0.0.0.0/0"), "HTTP"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(443), Remote.prefix("0.0.0.0/0"), "HTTPS"));
        // security_group_rules replaces every rule, Neutron's egress rules too; the old module adds one after.
        assertThat(rules(report.groups().get(1))).containsExactly(
                out(EtherType.IPV4, Protocol.UDP, PortRange.of(53), Remote.prefix("0.0.0.0/0"), "DNS"),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(5432), Remote.group("draft:shop-web"), null),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(9100), Remote.prefix("203.0.113.0/24"), null));
        assertThat(report.notices()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("not in shop-web", "nothing changes"));
    }

    @Test
    void rulesAreNamedByPlayTaskAndItemWithTheirLines() throws IOException {
        DefinitionReport report = new AnsibleReader().read(SHOP, ReadOptions.NONE);

        assertThat(report.groups()).extracting(GroupReport::path).containsExactly(
                "play 1 task 1 \"Create the web group\"", "play 1 task 4 \"Create the database group with its rules\"");
        assertThat(report.groups().get(0).rules()).extracting(RuleReport::path).containsExactly(
                "play 1 task 1 \"Create the web group\" (Neutron's default IPv4 egress rule)",
                "play 1 task 1 \"Create the web group\" (Neutron's default IPv6 egress rule)",
                "play 1 task 2 \"Allow SSH from the administrators\"",
                "play 1 task 3 \"Allow the web ports\" item 1",
                "play 1 task 3 \"Allow the web ports\" item 2");
        assertThat(report.groups().get(1).rules().get(1).path()).isEqualTo(
                "play 1 task 4 \"Create the database group with its rules\".security_group_rules[1]");
        assertThat(report.locations().of("play 1 task 3 \"Allow the web ports\" item 2").orElseThrow())
                .isEqualTo(new SourceLocations.Location(SHOP, lineOf(SHOP, "- name: Allow the web ports")));
        assertThat(report.locations().of("play 1 task 5 \"Monitoring from the operations network\"")
                .orElseThrow().line()).isEqualTo(lineOf(SHOP, "- name: Monitoring from the operations network"));
    }

    @Test
    void extraVarsWinOverPlayVarsAndVarsFiles(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.yml"), "db_port: 6432\n");

        DefinitionReport report = new AnsibleReader().read(SHOP,
                new ReadOptions(Map.of("app", "books", "monitoring_cidr", "192.0.2.0/24"), List.of(extra)));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).extracting(GroupReport::name).containsExactly("books-web", "books-db");
        assertThat(rules(report.groups().get(1))).extracting(Rule::ports, Rule::remote).containsExactly(
                tuple(PortRange.of(53), Remote.prefix("0.0.0.0/0")),
                tuple(PortRange.of(6432), Remote.group("draft:books-web")),
                tuple(PortRange.of(9100), Remote.prefix("192.0.2.0/24")));
    }

    @Test
    void whatCannotBeKnownOfflineIsAProblemAtItsLineAndTheRestIsRead() throws IOException {
        DefinitionReport report = new AnsibleReader().read(CACHE, ReadOptions.NONE);

        assertThat(report.fileProblems()).extracting(Problem::code, Problem::field).containsExactly(
                tuple(AnsibleReader.NOT_RESOLVED, "task 2 \"Memcached from an address in the environment\" (line "
                        + lineOf(CACHE, "lookup('env'") + ")"),
                tuple(AnsibleReader.NOT_RESOLVED, "task 3 \"Memcached from a network nobody defined\" (line "
                        + lineOf(CACHE, "{{ memcached_cidr }}") + ")"),
                tuple(AnsibleReader.NOT_RESOLVED, "task 7 \"More rules\" (line " + lineOf(CACHE, "- name: More rules")
                        + ")"));
        assertThat(report.fileProblems().get(0).message()).contains("lookup");
        assertThat(report.fileProblems().get(1).message()).contains("memcached_cidr", "not defined");
        GroupReport cache = report.groups().get(0);
        // The IPv6 egress rule listed matches Neutron's, which is kept; the IPv4 one is deleted.
        assertThat(rules(cache)).containsExactly(
                Rule.egressAnywhere(EtherType.IPV6),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(6379), Remote.group("default"), null),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(26379), Remote.prefix("10.0.0.0/8"), null),
                in(EtherType.IPV4, Protocol.ICMP, PortRange.ANY, Remote.group("default"), null));
        // A group the playbook does not create is looked up in the cloud: unknown offline, at its line.
        assertThat(cache.rules().get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND);
            assertThat(p.field()).isEqualTo("task 1 \"Create the cache group\".security_group_rules[1].remote_group"
                    + " (line " + lineOf(CACHE, "remote_group: default") + ")");
            assertThat(p.message()).contains(AnsibleReader.OUTSIDE);
        });
        assertThat(report.notices()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("when"))
                .anySatisfy(m -> assertThat(m).contains("legacy-cache", "absent"));
        assertThat(report.fileProblems().get(2).message()).contains("include_tasks", "not reviewed");
    }

    @Test
    void theModulesOwnRefusalsAreProblems(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                - openstack.cloud.security_group:
                    name: a
                    security_group_rules:
                      - ethertype: IPv6
                - openstack.cloud.security_group_rule:
                    security_group: a
                    direction: inbound
                - openstack.cloud.security_group_rule:
                    security_group: a
                    port_range_min: twenty-two
                """);

        DefinitionReport report = new AnsibleReader().read(file, ReadOptions.NONE);

        assertThat(report.fileProblems()).extracting(Problem::field).containsExactly(
                "task 1.security_group_rules[0].ethertype (line 4)", "task 2.direction (line 7)",
                "task 3.port_range_min (line 10)");
        assertThat(report.fileProblems()).extracting(Problem::code).containsOnly(AnsibleReader.INVALID);
    }

    @Test
    void theDefaultGroupExistsWithNeutronsFourRulesAndIsUpdated(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                - os_security_group_rule:
                    security_group: default
                    protocol: tcp
                    port_range_min: 22
                    port_range_max: 22
                    remote_ip_prefix: 192.0.2.0/24
                - os_security_group_rule:
                    security_group: default
                    direction: egress
                """);

        DefinitionReport report = new AnsibleReader().read(file, ReadOptions.NONE);

        assertThat(report.allProblems()).isEmpty();
        assertThat(rules(report.groups().get(0))).containsExactly(
                Rule.egressAnywhere(EtherType.IPV4), Rule.egressAnywhere(EtherType.IPV6),
                in(EtherType.IPV4, Protocol.ANY, PortRange.ANY, Remote.group("draft:default"), null),
                in(EtherType.IPV6, Protocol.ANY, PortRange.ANY, Remote.group("draft:default"), null),
                in(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("192.0.2.0/24"), null));
        assertThat(report.notices()).singleElement().asString().contains("creates nothing");
    }

    @Test
    void freeFormOptionsAreReadAndActionFormsAreSaid(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                - hosts: localhost
                  vars: {port: 8080}
                  tasks:
                    - openstack.cloud.security_group: name=app description=Application
                    - openstack.cloud.security_group_rule: security_group=app protocol=tcp port_range_min={{ port }} port_range_max={{ port }}
                    - local_action: openstack.cloud.security_group_rule security_group=app protocol=udp
                """);

        DefinitionReport report = new AnsibleReader().read(file, ReadOptions.NONE);

        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.description()).isEqualTo("Application");
            assertThat(rules(g)).endsWith(in(EtherType.IPV4, Protocol.TCP, PortRange.of(8080), Remote.ANYWHERE, null));
        });
        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("play 1 task 3.local_action (line 6)");
            assertThat(p.message()).contains("not read");
        });
    }

    @Test
    void blocksWithItemsLoopVarsAndUnsafeTextAreRead(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                - hosts: localhost
                  pre_tasks:
                    - openstack.cloud.security_group:
                        name: !unsafe "{{ not a template }}"
                  tasks:
                    - block:
                        - openstack.cloud.security_group_rule:
                            security_group: !unsafe "{{ not a template }}"
                            protocol: "{{ proto }}"
                            port_range_min: "{{ p }}"
                            port_range_max: "{{ p }}"
                          with_items:
                            - [22, 80]
                            - 443
                          loop_control: {loop_var: p}
                      vars: {proto: tcp}
                      rescue:
                        - debug: {msg: failed}
                """);

        DefinitionReport report = new AnsibleReader().read(file, ReadOptions.NONE);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("{{ not a template }}");
            assertThat(rules(g)).extracting(Rule::ports).containsExactly(PortRange.ANY, PortRange.ANY,
                    PortRange.of(22), PortRange.of(80), PortRange.of(443));
            assertThat(g.rules().get(4).path()).isEqualTo("play 1 task 2 item 3");
        });
    }
}
