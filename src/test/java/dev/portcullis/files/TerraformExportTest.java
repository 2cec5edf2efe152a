package dev.portcullis.files;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Export writes only what the provider creates exactly, or something narrower, never wider. */
class TerraformExportTest {

    private static SecurityGroup group(String id, String name, Rule... rules) {
        return new SecurityGroup(id, "p", name, "", true, false, 1, List.of(rules), List.of(), null, null);
    }

    private static Rule rule(Protocol p, PortRange ports, String id) {
        return new Rule(id, Direction.INGRESS, EtherType.IPV4, p, ports, Remote.prefix("192.0.2.0/24"), null);
    }

    private static List<Rule> readBack(String tf) {
        DefinitionReport back = new TerraformReader().read(tf);
        assertThat(back.allProblems()).as(tf).isEmpty();
        return back.reviewable().definitions().groups().get(0).rules().stream().map(r -> r.withId(null)).toList();
    }

    @Test
    void icmpTypeZeroOrCodeZeroIsNotWrittenBecauseTheProviderWouldMakeItEveryTypeOrCode() {
        Rule echoReply = rule(Protocol.ICMP, PortRange.icmp(0, null), "r1");
        Rule unreachableCode0 = rule(Protocol.ICMP, PortRange.icmp(3, 0), "r2");
        Rule echoRequest = rule(Protocol.ICMP, PortRange.icmp(8, null), "r3");
        Rule echoReplyCode0 = rule(Protocol.ICMP, PortRange.icmp(0, 0), "r4");

        String tf = new TerraformWriter().write(List.of(group("g", "mon", echoReply, unreachableCode0, echoRequest,
                echoReplyCode0)));

        assertThat(tf).contains("# Portcullis: not written: the provider sends 0 as \"unset\", so ICMP",
                "would become every ICMP type", "would become every code of type 3",
                "#   port_range_min    = 0", "#   port_range_max    = 0");
        assertThat(tf).doesNotContain("\"r1\"", "\"r2\"", "\"r4\"").contains("id = \"r3\"");
        assertThat(tf.lines().filter(l -> l.matches("\\s*port_range_m(in|ax)\\s*=\\s*0\\s*"))).isEmpty();
        assertThat(readBack(tf)).containsExactly(echoRequest.withId(null));
    }

    @Test
    void anyPortIsWrittenWithoutARangeAndARangeFromPortZeroStartsAtOne() {
        Rule anyTcp = rule(Protocol.TCP, PortRange.ANY, null);
        Rule low = rule(Protocol.TCP, PortRange.of(0, 1023), null);
        Rule portZero = rule(Protocol.UDP, PortRange.of(0), null);

        String tf = new TerraformWriter().write(List.of(group("g", "edge", anyTcp, low, portZero)));

        assertThat(tf).contains("# Portcullis: ports 0-1023 written as 1-1023",
                "# Portcullis: not written: port 0 cannot be written");
        assertThat(readBack(tf)).containsExactly(anyTcp, rule(Protocol.TCP, PortRange.of(1, 1023), null));
    }

    @Test
    void draftIdsGetNoImportBlockAndKeepTheirIdWhenReadBack() {
        String id = DraftIds.group("openstack_networking_secgroup_v2.web");
        SecurityGroup web = group(id, "web", new Rule(DraftIds.rule(id, 1), Direction.INGRESS, EtherType.IPV4,
                Protocol.TCP, PortRange.of(443), Remote.group(id), null));

        String tf = new TerraformWriter().write(List.of(web));

        assertThat(tf).doesNotContain("import", "draft:");
        DefinitionReport back = new TerraformReader().read(tf);
        assertThat(back.groups().get(0).id()).isEqualTo(id);
        assertThat(readBack(tf)).containsExactly(web.rules().get(0).withId(null));
    }

    @Test
    void aModuleReadExportedAndReadBackIsTheSameGroupsAndRules() {
        DefinitionReport module = new TerraformReader().read(TerraformFieldTest.tf("module"));
        List<SecurityGroup> groups = module.reviewable().definitions().groups();

        DefinitionReport back = new TerraformReader().read(new TerraformWriter().write(groups));

        assertThat(back.allProblems()).isEmpty();
        List<SecurityGroup> again = back.reviewable().definitions().groups();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            ids.put(again.get(i).id(), groups.get(i).id());
        }
        assertThat(again).extracting(SecurityGroup::name).containsExactlyElementsOf(
                groups.stream().map(SecurityGroup::name).toList());
        for (int i = 0; i < groups.size(); i++) {
            List<Rule> expected = groups.get(i).rules().stream().map(r -> r.withId(null)).toList();
            List<Rule> actual = again.get(i).rules().stream().map(r -> new Rule(null, r.direction(), r.etherType(),
                    r.protocol(), r.ports(), r.remote() instanceof Remote.Group g ? Remote.group(ids.get(g.groupId()))
                    : r.remote(), r.description())).toList();
            assertThat(actual).as(groups.get(i).name()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(again.get(i).description()).isEqualTo(groups.get(i).description());
            assertThat(again.get(i).tags()).isEqualTo(groups.get(i).tags());
        }
    }
}
