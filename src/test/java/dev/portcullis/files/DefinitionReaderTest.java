package dev.portcullis.files;

import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DefinitionReaderTest {

    private final DefinitionReader reader = new DefinitionReader();

    static Path resource(String name) {
        try {
            return Path.of(DefinitionReaderTest.class.getResource("/dev/portcullis/files/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private DefinitionReport read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatNeutronAnswersToAGroupList() {
        DefinitionReport report = reader.read(resource("neutron-sg-list.json"));

        assertThat(report.allProblems()).isEmpty();
        SecurityGroup group = report.definitions().groups().get(0);
        assertThat(group.name()).isEqualTo("default");
        assertThat(group.id()).isEqualTo("366a622d-9efd-4db3-8aea-c03f7ce77354");
        assertThat(group.revision()).isEqualTo(1);
        assertThat(group.rules()).hasSize(4);
        assertThat(group.rules()).filteredOn(r -> r.remote() instanceof Remote.Group)
                .extracting(Rule::remoteGroupId).containsOnly(group.id());
        assertThat(group.rules()).extracting(Rule::description).containsOnlyNulls();
    }

    @Test
    void readsOneGroupAsNeutronShowsIt() {
        DefinitionReport report = reader.read(resource("neutron-sg-show.json"));

        assertThat(report.valid()).isTrue();
        assertThat(report.definitions().groups()).extracting(SecurityGroup::name).containsExactly("default");
    }

    @Test
    void readsInterfacesAndTheirGroups() {
        DefinitionReport report = reader.read(resource("neutron-sg-list-with-ports.json"));

        assertThat(report.valid()).isTrue();
        assertThat(report.notices()).isEmpty();
        assertThat(report.ports()).singleElement().satisfies(port -> {
            assertThat(port.securityGroupIds()).containsExactly("366a622d-9efd-4db3-8aea-c03f7ce77354");
            assertThat(port.name()).isEqualTo("port-a");
            assertThat(port.fixedIps()).as("the recorded network has no subnet").isEmpty();
        });
    }

    @Test
    void reportsEveryBrokenRuleWithNeutronsCodeAndItsPath() {
        DefinitionReport report = reader.read(resource("broken-rules.json"));

        assertThat(report.valid()).isFalse();
        assertThat(report.allProblems()).extracting(Problem::field, Problem::code).containsExactly(
                tuple("security_groups[0].security_group_rules[1].port_range_max", ErrorCode.INVALID_PORT_VALUE),
                tuple("security_groups[0].security_group_rules[2].remote_ip_prefix", ErrorCode.INVALID_CIDR),
                tuple("security_groups[0].security_group_rules[3].direction", ErrorCode.INVALID_DIRECTION),
                tuple("security_groups[0].security_group_rules[4].remote_ip_prefix", ErrorCode.PARAMETER_CONFLICT),
                tuple("security_groups[0].security_group_rules[5].protocol", ErrorCode.INVALID_PROTOCOL),
                tuple("security_groups[0].security_group_rules[6]", ErrorCode.DUPLICATE_RULE_IN_POST),
                tuple("security_groups[0].security_group_rules[7].colour", ErrorCode.UNRECOGNIZED_ATTRIBUTE),
                tuple("security_groups[0].security_group_rules[7].port_range_min", ErrorCode.MISSING_ICMP_TYPE));
        assertThat(report.groups().get(0).rules().get(0).valid()).isTrue();
    }

    @Test
    void acceptsWhatNeutronAcceptsAndStoresWhatNeutronStores() {
        DefinitionReport report = read("""
                {"security_groups": [{"name": "lenient", "security_group_rules": [
                  {"direction": "ingress", "ethertype": "ipv4", "protocol": "TCP",
                   "port_range_min": "22", "port_range_max": 22.0, "remote_ip_prefix": "10.1.2.3"},
                  {"direction": "ingress", "ethertype": "IPv6", "protocol": "icmp", "port_range_min": 8},
                  {"direction": "ingress", "protocol": "udp", "port_range_min": 1, "port_range_max": 65535}
                ]}]}""");

        assertThat(report.allProblems()).isEmpty();
        List<Rule> rules = report.groups().get(0).draft().orElseThrow().rules();
        assertThat(rules.get(0).protocol()).isEqualTo(Protocol.TCP);
        assertThat(rules.get(0).ports().min()).isEqualTo(22);
        assertThat(rules.get(0).ports().max()).isEqualTo(22);
        assertThat(rules.get(0).remoteIpPrefix()).isEqualTo("10.1.2.3/32");
        assertThat(rules.get(1).protocol()).isEqualTo(Protocol.IPV6_ICMP);
        assertThat(rules.get(2).ports().isAny()).isTrue();
    }

    @Test
    void reportsUnknownMembersAtEveryLevel() {
        DefinitionReport report = read("""
                {"security_groups": [{"name": "g", "colour": "blue", "security_group_rules": []}], "extra": 1}""");

        assertThat(report.allProblems()).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                tuple("extra", ErrorCode.UNRECOGNIZED_ATTRIBUTE),
                tuple("security_groups[0].colour", ErrorCode.UNRECOGNIZED_ATTRIBUTE));
    }

    @Test
    void aNewGroupMayNotBeCalledDefaultInAnyCase() {
        DefinitionReport report = read("""
                {"security_groups": [{"name": "Default", "security_group_rules": []}]}""");

        assertThat(report.allProblems()).extracting(Problem::code).containsExactly(ErrorCode.DEFAULT_ALREADY_EXISTS);
    }

    @Test
    void aRuleMayOnlyPointAtAGroupThatExists() {
        DefinitionReport report = read("""
                {"security_groups": [{"id": "g1", "name": "g", "security_group_rules": [
                  {"direction": "ingress", "remote_group_id": "g1"},
                  {"direction": "ingress", "ethertype": "IPv6", "remote_group_id": "nowhere"}]}]}""");

        assertThat(report.allProblems()).extracting(Problem::field, Problem::code).containsExactly(
                tuple("security_groups[0].security_group_rules[1].remote_group_id", ErrorCode.GROUP_NOT_FOUND));
    }

    @Test
    void malformedJsonSaysWhere() {
        DefinitionReport report = read("{\"security_groups\": [\n  {\"name\": \"x\",,}\n]}");

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.MALFORMED_JSON);
            assertThat(p.message()).contains("line 2");
        });
    }

    @Test
    void aMemberGivenTwiceIsRefused() {
        DefinitionReport report = read("{\"security_groups\": [], \"security_groups\": []}");

        assertThat(report.fileProblems()).extracting(Problem::code).containsExactly(FileErrorCode.DUPLICATE_MEMBER);
    }

    @Test
    void absurdNestingIsRefusedWithAMessage() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        DefinitionReport report = read("{\"security_groups\": " + deep + "}");

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.TOO_DEEP);
            assertThat(p.message()).contains("deeper than " + DefinitionReader.MAX_DEPTH);
        });
    }

    @Test
    void aMissingFileIsAProblemNotAnException(@TempDir Path dir) {
        DefinitionReport report = reader.read(dir.resolve("nope.json"));

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.UNREADABLE);
            assertThat(p.message()).contains("does not exist");
        });
    }

    @Test
    void theWrongShapeIsExplained() {
        assertThat(read("[1, 2]").fileProblems()).extracting(Problem::code).containsExactly(FileErrorCode.WRONG_SHAPE);
        assertThat(read("{}").fileProblems()).extracting(Problem::code).containsExactly(FileErrorCode.WRONG_SHAPE);
        assertThat(read("{\"security_groups\": {}}").fileProblems()).extracting(Problem::field)
                .containsExactly("security_groups");
    }

    @Test
    void interfacesMustUseGroupsOfTheFile() {
        DefinitionReport report = read("""
                {"security_groups": [{"id": "g1", "name": "g"}],
                 "ports": [{"id": "p1", "security_groups": ["g1", "g2"], "binding:unknown": 1},
                           {"id": "p2", "name": "web-1 eth0", "security_groups": ["g1"],
                            "fixed_ips": [{"subnet_id": "s1", "ip_address": "10.0.0.11"}]}]}""");

        assertThat(report.portProblems()).extracting(Problem::field, Problem::code).containsExactly(
                tuple("ports[0].security_groups[1]", ErrorCode.GROUP_NOT_FOUND));
        assertThat(report.notices()).extracting(Problem::field).containsExactly("ports[0].binding:unknown");
        assertThat(report.ports()).singleElement().satisfies(port -> {
            assertThat(port.label()).isEqualTo("web-1 eth0");
            assertThat(port.fixedIps()).containsExactly("10.0.0.11");
        });
    }

    @Test
    void anUnknownFormatIsRefused() {
        DefinitionReport report = read("{\"format\": \"portcullis/9\", \"security_groups\": []}");

        assertThat(report.fileProblems()).extracting(Problem::code).containsExactly(FileErrorCode.UNSUPPORTED_FORMAT);
    }

    @Test
    void readsItsOwnFilesBackUnchanged() {
        DefinitionReport report = reader.read(resource("neutron-sg-list-with-ports.json"));
        Definitions original = report.definitions();

        DefinitionReport again = reader.read(new DefinitionWriter().toJson(original));

        assertThat(again.allProblems()).isEmpty();
        assertThat(again.definitions()).isEqualTo(original);
        assertThat(Files.exists(resource("neutron-sg-list.json"))).isTrue();
    }

    @Test
    void anEmptyFileIsCalledEmpty() {
        assertThat(read("  \n").fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.EMPTY);
            assertThat(p.message()).startsWith("The file is empty");
        });
    }

    @Test
    void aFolderIsNotAFile(@TempDir Path dir) {
        assertThat(reader.read(dir).fileProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("is a folder, not a file: give the path of a definition file."));
    }

    @Test
    void aNumberWithThousandsOfDigitsIsNamedForWhatItIs() {
        DefinitionReport report = read("{\"security_groups\": [" + "9".repeat(5000) + "]}");

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.VALUE_TOO_LONG);
            assertThat(p.message()).startsWith("A number in the file");
        });
    }

    @Test
    void malformedJsonIsExplainedWithoutTheParsersInternals() {
        DefinitionReport report = read("{\"security_groups\": [\n  {\"name\": \"x\"\n");

        assertThat(report.fileProblems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("The file is not valid JSON at line ")
                .doesNotContain("Source").doesNotContain("start marker").doesNotContain("StreamReadFeature"));
    }

    @Test
    void aStoredRuleThatPointsOutsideTheFileIsNotedNotRefused() {
        DefinitionReport report = read("""
                {"security_groups": [{"id": "g1", "name": "g", "security_group_rules": [
                  {"id": "r1", "direction": "ingress", "remote_group_id": "shared-elsewhere"}]}]}""");

        assertThat(report.valid()).isTrue();
        assertThat(report.notices()).extracting(Problem::field, Problem::code).containsExactly(
                tuple("security_groups[0].security_group_rules[0].remote_group_id", ErrorCode.GROUP_NOT_FOUND));
    }

    @Test
    void everyProblemOfAnInterfaceIsReportedAndItIsNotKept() {
        DefinitionReport report = read("""
                {"security_groups": [], "ports": [{"id": "p1", "name": 5, "security_groups": ["nowhere"]}]}""");

        assertThat(report.portProblems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "ports[0].name", "ports[0].security_groups[0]");
        assertThat(report.ports()).isEmpty();
    }
}
