package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

class HeatRoundTripTest {

    @TempDir
    Path dir;

    /** The groups of the template the writer makes, read back. */
    static List<SecurityGroup> roundTrip(List<SecurityGroup> groups, Path dir) throws IOException {
        DefinitionReport back = read(groups, dir);
        assertThat(back.allProblems()).isEmpty();
        return back.reviewable().definitions().groups();
    }

    static DefinitionReport read(List<SecurityGroup> groups, Path dir) throws IOException {
        WrittenText export = new HeatWriter().write(groups);
        Path file = Files.writeString(dir.resolve("stack.yaml"), export.text());
        return new HeatReader().read(file, ReadOptions.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"neutron-sg-list-with-ports.json", "neutron-sg-list.json", "neutron-sg-show.json",
            "openstack-group-show.json"})
    void everySampleComesBackTheSameButTheDefaultGroupHeatCannotCreate(String sample) throws IOException {
        List<SecurityGroup> groups = new DefinitionReader().read(resource(sample)).definitions().groups();
        List<SecurityGroup> creatable = groups.stream().filter(g -> !g.isDefault()).toList();

        List<SecurityGroup> back = roundTrip(groups, dir);

        assertThat(ExportShapes.of(back)).isEqualTo(ExportShapes.of(creatable));
        assertThat(new HeatWriter().write(groups).notes()).hasSize(groups.size() - creatable.size());
    }

    @Test
    void theDefaultGroupIsLeftOutWithAComment() {
        List<SecurityGroup> groups = new DefinitionReader().read(resource("neutron-sg-show.json")).definitions().groups();

        WrittenText export = new HeatWriter().write(groups);

        assertThat(export.text()).contains("resources: {}", "# The group \"default\" is not written: Heat refuses");
        assertThat(export.notes()).singleElement().asString().contains("default");
    }

    private static SecurityGroup group(String id, String name, boolean stateful, List<Rule> rules) {
        return new SecurityGroup(id, "p", name, "d", stateful, false, 1, rules, List.of(), null, null);
    }

    @Test
    void everyKindOfRuleRemoteGroupsAndAwkwardTextComeBack() throws IOException {
        SecurityGroup web = group("draft:web", "web: \"front\" {{ tier }}", false, List.of(
                Rule.draft(Direction.EGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, ""),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.of("ipip"), PortRange.ANY, Remote.ANYWHERE,
                        "yes"),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.ICMP, PortRange.icmp(0, 0),
                        Remote.group("draft:web"), "echo reply\nsecond line"),
                Rule.draft(Direction.INGRESS, EtherType.IPV6, Protocol.of("47"), PortRange.ANY,
                        Remote.prefix("2001:db8::1/64"), null)));
        SecurityGroup db = group("g-db", "db", true, List.of(
                Rule.draft(Direction.EGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(1024, 65535),
                        Remote.prefix("10.0.0.0/8"), null),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(5432, 5433),
                        Remote.group("draft:web"), "from web"),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.UDP, PortRange.of(53),
                        Remote.group("4ba5025f-1200-44b6-8673-294ef9e925e2"), null)));

        DefinitionReport report = read(List.of(web, db), dir);
        List<SecurityGroup> back = report.reviewable().definitions().groups();

        String text = new HeatWriter().write(List.of(web, db)).text();
        assertThat(text).contains("remote_group_id: {get_resource: web_front_tier}",
                "remote_group_id: \"4ba5025f-1200-44b6-8673-294ef9e925e2\"", "protocol: \"4\"", "stateful: false");
        // A group outside the template is looked up when the stack is created: unknown offline, and said so.
        assertThat(report.allProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(dev.portcullis.domain.ErrorCode.GROUP_NOT_FOUND);
            assertThat(p.message()).contains("4ba5025f", HeatReader.OUTSIDE);
        });
        assertThat(ExportShapes.of(back)).isEqualTo(ExportShapes.of(List.of(web, db)));
    }

    @Test
    void aGroupWithoutEgressRulesGetsAnEgressRuleThatReachesNoOneRatherThanNeutronsDefaults() throws IOException {
        Rule ssh = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
                Remote.prefix("192.0.2.0/24"), "ssh");
        SecurityGroup closed = group("draft:closed", "closed", true, List.of(ssh));

        WrittenText export = new HeatWriter().write(List.of(closed));
        List<SecurityGroup> back = roundTrip(List.of(closed), dir);

        assertThat(export.notes()).singleElement().asString().contains("no egress rule", "0.0.0.0/32");
        assertThat(export.text()).contains("# The group closed has no egress rule");
        assertThat(back.get(0).rules()).extracting(Rule::asDraft).containsExactly(ssh,
                Rule.draft(Direction.EGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY,
                        Remote.prefix(HeatWriter.NO_EGRESS_PREFIX), HeatWriter.NO_EGRESS_DESCRIPTION));
    }

    @Test
    void aRuleWithARemoteAddressGroupIsLeftOutAndSaid() {
        SecurityGroup g = group("draft:a", "a", true, List.of(Rule.egressAnywhere(EtherType.IPV4),
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443),
                        new Remote.AddressGroup("ag-1"), null)));

        WrittenText export = new HeatWriter().write(List.of(g));

        assertThat(export.notes()).singleElement().asString().contains("address group", "ag-1");
        assertThat(export.text()).doesNotContain("443\n");
    }

    @Test
    void aRuleLeftOutForItsAddressGroupNamesTheAddressGroupByNameWithItsPrefixes() {
        LeftOutAddressGroups.checkNamedByNameWithPrefixes((groups, addressGroups) -> new HeatWriter().write(groups,
                addressGroups), "Heat's rules");
    }
}
