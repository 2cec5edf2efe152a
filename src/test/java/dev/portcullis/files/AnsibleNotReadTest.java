package dev.portcullis.files;

import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.files.DefinitionReport.GroupReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.portcullis.files.HeatReaderTest.in;
import static dev.portcullis.files.HeatReaderTest.lineOf;
import static dev.portcullis.files.HeatReaderTest.rules;
import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** What the Ansible reader cannot read is a problem that keeps a review from passing, never only a note. */
class AnsibleNotReadTest {

    private static final Path KEYS = resource("ansible/task-keys.yml");
    private static final Path CONDITIONAL = resource("ansible/conditional.yml");
    private static final Path NOT_READ = resource("ansible/not-read.yml");
    private static final Path DEFAULTS = resource("ansible/defaults.yml");

    private static Rule tcp(int port) {
        return in(EtherType.IPV4, Protocol.TCP, PortRange.of(port), Remote.prefix("0.0.0.0/0"), null);
    }

    private static GroupReport group(DefinitionReport report, String name) {
        return report.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyKeywordAndEveryWithLoopIsNotTakenForTheModule() throws IOException {
        DefinitionReport report = new AnsibleReader().read(KEYS, ReadOptions.NONE);

        assertThat(report.fileProblems()).extracting(Problem::code, Problem::field).containsExactly(
                tuple(AnsibleReader.NOT_RESOLVED, "play 1 task 3 \"SSH from addresses in a file\" (line "
                        + lineOf(KEYS, "with_lines:") + ")"),
                tuple(AnsibleReader.NOT_RESOLVED, "play 1 task 4 \"Two modules in one task\" (line "
                        + lineOf(KEYS, "- name: Two modules in one task") + ")"));
        assertThat(report.fileProblems().get(0).message()).contains("with_lines");
        assertThat(report.fileProblems().get(1).message()).contains("openstack.cloud.security_group_rule, frobnicate");
        assertThat(FileErrorCode.unknowable(AnsibleReader.NOT_RESOLVED)).isTrue();
        // become_exe is a keyword: the task is read; with_items is read item by item.
        assertThat(rules(group(report, "web"))).contains(tcp(3389), tcp(80), tcp(443))
                .extracting(Rule::ports).doesNotContain(PortRange.of(22), PortRange.of(23));
    }

    @Test
    void aTaskThatMayNotRunAndDeletesIsAProblemOnItsGroupAndDeletesNothing() throws IOException {
        DefinitionReport report = new AnsibleReader().read(CONDITIONAL, ReadOptions.NONE);

        GroupReport web = group(report, "web");
        assertThat(web.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(AnsibleReader.NOT_RESOLVED);
            assertThat(p.field()).startsWith("play 1 task 3 \"Remove SSH in staging only\" (line "
                    + lineOf(CONDITIONAL, "- name: Remove SSH in staging only") + ")");
            assertThat(p.message()).contains("known only when the play runs", "when");
        });
        // Kept while it may still be there; the near misses: a conditional addition is read, an unconditional
        // removal is applied.
        assertThat(rules(web)).contains(tcp(22), tcp(80)).doesNotContain(tcp(23));
        assertThat(report.notices()).extracting(Problem::field).contains("play 1 task 4 \"HTTP when wanted\".when (line "
                + lineOf(CONDITIONAL, "when: http | bool") + ")");

        GroupReport db = group(report, "db");
        // The block's when: the rules it would replace stay, the one it adds is added; the rescue's deletion
        // of the group is not applied.
        assertThat(db.problems()).extracting(Problem::code, Problem::field).containsExactly(
                tuple(AnsibleReader.NOT_RESOLVED, "play 1 task 8 \"Replace the database rules\" (line "
                        + lineOf(CONDITIONAL, "- name: Replace the database rules") + ")"),
                tuple(AnsibleReader.NOT_RESOLVED, "play 1 task 10 \"Delete the database group when the block fails\""
                        + " (line " + lineOf(CONDITIONAL, "- name: Delete the database group") + ")"));
        assertThat(db.problems().get(1).message()).contains("rescue");
        assertThat(rules(db)).hasSize(3).contains(in(EtherType.IPV4, Protocol.TCP, PortRange.of(5432),
                Remote.group("draft:web"), null));
    }

    @Test
    void rolesIncludesImportsAreProblemsAndHandlersAreReadAsMayRun() throws IOException {
        DefinitionReport report = new AnsibleReader().read(NOT_READ, ReadOptions.NONE);

        assertThat(report.fileProblems()).extracting(Problem::code).containsOnly(AnsibleReader.NOT_RESOLVED);
        assertThat(report.fileProblems()).extracting(Problem::field).containsExactly(
                "play 1 roles[0] (line " + lineOf(NOT_READ, "- secgroups") + ")",
                "play 1 roles[1] (line " + lineOf(NOT_READ, "- role: firewall") + ")",
                "play 1 task 2 (line " + lineOf(NOT_READ, "- include_tasks") + ")",
                "play 1 task 3 (line " + lineOf(NOT_READ, "- ansible.builtin.import_role") + ")",
                "play 2 (line " + lineOf(NOT_READ, "- import_playbook") + ")");
        assertThat(report.fileProblems()).extracting(Problem::message).allSatisfy(m -> assertThat(m)
                .contains("not reviewed"));
        GroupReport web = group(report, "web");
        // A handler that adds is read as running; one that deletes is a problem and deletes nothing.
        assertThat(rules(web)).contains(tcp(3389), Rule.egressAnywhere(EtherType.IPV4));
        assertThat(web.problems()).extracting(Problem::field).containsExactly("play 1 handlers task 5 \"Remove SSH "
                + "when notified\" (line " + lineOf(NOT_READ, "- name: Remove SSH when notified") + ")");
    }

    @Test
    void aDefaultForAnUndefinedVariableIsNotedAtItsLine() throws IOException {
        DefinitionReport report = new AnsibleReader().read(DEFAULTS, ReadOptions.NONE);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.notices()).singleElement().satisfies(n -> {
            assertThat(n.field()).isEqualTo("remote_ip_prefix (line " + lineOf(DEFAULTS, "admin_cidr") + ")");
            assertThat(n.message()).contains("admin_cidr", "'10.0.0.0/8'", "inventory");
        });
        assertThat(rules(group(report, "web"))).extracting(Rule::remote).contains(Remote.prefix("10.0.0.0/8"),
                Remote.prefix("192.0.2.0/24"));
        assertThat(new AnsibleReader().read(DEFAULTS, new ReadOptions(java.util.Map.of("admin_cidr", "192.0.2.9/32"),
                List.of())).notices()).isEmpty();
    }

    @Test
    void variablesSetByTasksAreNotKnownOfflineAfterThem() throws IOException {
        Path facts = resource("ansible/facts.yml");

        DefinitionReport report = new AnsibleReader().read(facts, ReadOptions.NONE);

        assertThat(report.fileProblems()).extracting(Problem::code, Problem::field).containsExactly(
                tuple(AnsibleReader.NOT_RESOLVED, "play 1 task 3 \"SSH from the administrators\" (line "
                        + lineOf(facts, "{{ admin_cidr }}") + ")"),
                tuple(AnsibleReader.NOT_RESOLVED, "play 1 task 6 \"HTTPS, after include_vars\" (line "
                        + (lineOf(facts, "port_range_max: 443") + 1) + ")"));
        assertThat(report.fileProblems().get(0).message()).contains("admin_cidr", "set_fact at line "
                + lineOf(facts, "- name: Widen"));
        assertThat(report.fileProblems().get(1).message()).contains("web_cidr", "include_vars");
        // Not the play's 10.0.0.0/8: that is what set_fact replaces.
        assertThat(rules(group(report, "web"))).contains(tcp(80)).extracting(Rule::ports)
                .doesNotContain(PortRange.of(22), PortRange.of(443)).contains(PortRange.of(8080), PortRange.of(8443));
        // Extra vars win over set_fact.
        assertThat(new AnsibleReader().read(facts, new ReadOptions(java.util.Map.of("admin_cidr", "192.0.2.0/24",
                "web_cidr", "192.0.2.0/24"), List.of())).allProblems()).isEmpty();
    }
}
