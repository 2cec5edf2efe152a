package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

class AnsibleRoundTripTest {

    @TempDir
    Path dir;

    static DefinitionReport read(List<SecurityGroup> groups, Path dir) throws IOException {
        WrittenText export = new AnsibleWriter().write(groups);
        Path file = Files.writeString(dir.resolve("playbook.yml"), export.text());
        return new AnsibleReader().read(file, ReadOptions.NONE);
    }

    static List<SecurityGroup> roundTrip(List<SecurityGroup> groups, Path dir) throws IOException {
        DefinitionReport back = read(groups, dir);
        assertThat(back.allProblems()).as(new AnsibleWriter().write(groups).text()).isEmpty();
        return back.reviewable().definitions().groups();
    }

    @ParameterizedTest
    @ValueSource(strings = {"neutron-sg-list-with-ports.json", "neutron-sg-list.json", "neutron-sg-show.json",
            "openstack-group-show.json"})
    void everySampleComesBackTheSameDefaultGroupIncluded(String sample) throws IOException {
        List<SecurityGroup> groups = new DefinitionReader().read(resource(sample)).definitions().groups();

        assertThat(ExportShapes.of(roundTrip(groups, dir))).isEqualTo(ExportShapes.of(groups));
        assertThat(new AnsibleWriter().write(groups).notes()).isEmpty();
    }

    private static SecurityGroup group(String id, String name, boolean stateful, List<Rule> rules) {
        return new SecurityGroup(id, "p", name, "d", stateful, false, 1, rules, List.of(), null, null);
    }

    @Test
    void rulesGroupsReferredToBeforeTheirTaskAndAwkwardTextComeBack() throws IOException {
        SecurityGroup app = group("draft:app", "app {{ tier }}", false, List.of(
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(8080),
                        Remote.group("g-lb"), "from \"lb\"\n"),
                Rule.draft(Direction.INGRESS, EtherType.IPV6, Protocol.ICMP, PortRange.icmp(128, 0),
                        Remote.group("draft:app"), "yes"),
                Rule.draft(Direction.EGRESS, EtherType.IPV4, Protocol.of("0"), PortRange.ANY,
                        Remote.prefix("10.0.0.0/8"), null)));
        SecurityGroup lb = group("g-lb", "lb", false, List.of(
                Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(443),
                        Remote.prefix("0.0.0.0/0"), "https"),
                Rule.egressAnywhere(EtherType.IPV4)));

        String text = new AnsibleWriter().write(List.of(app, lb)).text();
        List<SecurityGroup> back = roundTrip(List.of(app, lb), dir);

        assertThat(text).contains("name: \"Create security group lb (rules of an earlier group refer to it)\"",
                "name: !unsafe \"app {{ tier }}\"", "remote_group: lb", "protocol: \"ip\"", "stateful: false");
        assertThat(read(List.of(app, lb), dir).notices()).isEmpty();
        // lb is created first, so it comes back first.
        assertThat(ExportShapes.of(back)).containsExactlyElementsOf(ExportShapes.of(List.of(lb, app)));
    }

    @Test
    void aRuleTheModuleWouldTakeForOneOfNeutronsIsWrittenSoThatItIsCreated() throws IOException {
        Rule anyIn = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY, Remote.ANYWHERE, null);
        SecurityGroup defaultGroup = group("g-default", "default", true, List.of(Rule.egressAnywhere(EtherType.IPV4),
                anyIn));

        List<SecurityGroup> back = roundTrip(List.of(defaultGroup), dir);

        assertThat(back.get(0).rules()).extracting(Rule::asDraft).containsExactlyInAnyOrder(
                Rule.egressAnywhere(EtherType.IPV4), anyIn.withDescription(""));
    }

    @Test
    void aGroupWithoutRulesHasNoneAfterwardsNotNeutronsEgressRules() throws IOException {
        SecurityGroup closed = group("draft:closed", "closed", true, List.of());

        assertThat(new AnsibleWriter().write(List.of(closed)).text()).contains("security_group_rules: []");
        assertThat(roundTrip(List.of(closed), dir).get(0).rules()).isEmpty();
    }

    @Test
    void aRuleWithARemoteAddressGroupIsLeftOutAndSaid() {
        SecurityGroup g = group("draft:a", "a", true, List.of(Rule.draft(Direction.INGRESS, EtherType.IPV4,
                Protocol.TCP, PortRange.of(443), new Remote.AddressGroup("ag-1"), null)));

        WrittenText export = new AnsibleWriter().write(List.of(g));

        assertThat(export.notes()).singleElement().asString().contains("address group", "ag-1");
        assertThat(export.text()).doesNotContain("port_range_min: 443");
    }

    @Test
    void aRuleLeftOutForItsAddressGroupNamesTheAddressGroupByNameWithItsPrefixes() {
        LeftOutAddressGroups.checkNamedByNameWithPrefixes((groups, addressGroups) -> new AnsibleWriter().write(groups,
                addressGroups), "the module");
    }
}
