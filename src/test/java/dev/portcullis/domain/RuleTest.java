package dev.portcullis.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTest {

    private static final Function<String, String> NO_NAMES = id -> null;

    private static Rule ingress(EtherType etherType, Protocol protocol, PortRange ports, Remote remote) {
        return Rule.draft(Direction.INGRESS, etherType, protocol, ports, remote, "");
    }

    @Test
    void summaryOfAPortRule() {
        assertThat(ingress(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.prefix("0.0.0.0/0"))
                .summary(NO_NAMES)).isEqualTo("Ingress IPv4 TCP 22 from 0.0.0.0/0");
        assertThat(ingress(EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.ANYWHERE).summary(NO_NAMES))
                .isEqualTo("Ingress IPv4 TCP 22 from 0.0.0.0/0");
        assertThat(ingress(EtherType.IPV6, Protocol.TCP, PortRange.of(80, 443), Remote.ANYWHERE).summary(NO_NAMES))
                .isEqualTo("Ingress IPv6 TCP 80-443 from ::/0");
        assertThat(ingress(EtherType.IPV4, Protocol.UDP, PortRange.ANY, Remote.prefix("10.1.2.3/16"))
                .summary(NO_NAMES)).isEqualTo("Ingress IPv4 UDP all ports from 10.1.2.3/16");
        assertThat(ingress(EtherType.IPV4, Protocol.number(6), PortRange.of(25), Remote.ANYWHERE).summary(NO_NAMES))
                .isEqualTo("Ingress IPv4 6 (TCP) 25 from 0.0.0.0/0");
    }

    @Test
    void summaryOfOtherRules() {
        assertThat(Rule.egressAnywhere(EtherType.IPV6).summary(NO_NAMES)).isEqualTo("Egress IPv6 all traffic to ::/0");
        assertThat(ingress(EtherType.IPV4, Protocol.ICMP, PortRange.icmp(8, 0), Remote.prefix("10.0.0.0/8"))
                .summary(NO_NAMES)).isEqualTo("Ingress IPv4 ICMP type 8 code 0 from 10.0.0.0/8");
        assertThat(ingress(EtherType.IPV6, Protocol.IPV6_ICMP, PortRange.icmp(128, null), Remote.ANYWHERE)
                .summary(NO_NAMES)).isEqualTo("Ingress IPv6 IPV6-ICMP type 128 from ::/0");
        assertThat(ingress(EtherType.IPV4, Protocol.ICMP, PortRange.ANY, Remote.ANYWHERE).summary(NO_NAMES))
                .isEqualTo("Ingress IPv4 ICMP from 0.0.0.0/0");
        assertThat(ingress(EtherType.IPV4, Protocol.number(47), PortRange.ANY, Remote.prefix("203.0.113.0/24"))
                .summary(NO_NAMES)).isEqualTo("Ingress IPv4 47 (GRE) from 203.0.113.0/24");
    }

    @Test
    void summaryNamesRemoteGroupsWhereItCan() {
        Rule rule = ingress(EtherType.IPV4, Protocol.TCP, PortRange.of(5432), Remote.group("366a622d"));
        Map<String, String> names = Map.of("366a622d", "default");

        assertThat(rule.summary(names::get)).isEqualTo("Ingress IPv4 TCP 5432 from group default");
        assertThat(rule.summary(NO_NAMES)).isEqualTo("Ingress IPv4 TCP 5432 from group 366a622d");
        assertThat(ingress(EtherType.IPV4, Protocol.ANY, PortRange.ANY, new Remote.AddressGroup("ag1"))
                .summary(NO_NAMES)).isEqualTo("Ingress IPv4 all traffic from address group ag1");
    }

    @Test
    void theStoredRemoteFields() {
        Rule rule = ingress(EtherType.IPV4, Protocol.TCP, PortRange.of(8080), Remote.prefix("10.1.2.3/16"));

        assertThat(rule.remoteIpPrefix()).isEqualTo("10.1.2.3/16");
        assertThat(rule.normalizedCidr()).isEqualTo("10.1.0.0/16");
        assertThat(rule.remoteGroupId()).isNull();
        assertThat(Rule.egressAnywhere(EtherType.IPV4).remoteIpPrefix()).isNull();
        assertThat(Rule.egressAnywhere(EtherType.IPV4).normalizedCidr()).isNull();
    }

    @Test
    void aDraftHasNoIdYet() {
        Rule draft = Rule.egressAnywhere(EtherType.IPV4);

        assertThat(draft.isDraft()).isTrue();
        assertThat(draft.withId("r1").isDraft()).isFalse();
        assertThat(draft.withId("r1").asDraft()).isEqualTo(draft);
    }
}
