package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.TrafficCheckAnswer.Found;
import dev.portcullis.review.TrafficCheckAnswer.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficCheckTest {

    private static final Rule SSH = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22),
            Remote.prefix("0.0.0.0/0"), "ssh").withId("r-ssh");
    private static final Rule HTTPS_OFFICE = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
            PortRange.of(443), Remote.prefix("198.51.100.0/24"), null).withId("r-https");
    private static final Rule FROM_WEB = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP,
            PortRange.of(5432), Remote.group("g-web"), null).withId("r-db");
    private static final Rule PING = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.ICMP,
            PortRange.icmp(8, 0), Remote.ANYWHERE, null).withId("r-ping");

    private static final SecurityGroup WEB = group("g-web", "web", SSH, HTTPS_OFFICE, PING,
            Rule.egressAnywhere(EtherType.IPV4).withId("r-out"));
    private static final SecurityGroup DB = group("g-db", "db", FROM_WEB);
    private static final Port WEB_1 = new Port("p-web-1", "web-1", "srv-1", "compute:nova", List.of("10.0.0.11"),
            List.of("g-web"));
    private static final Port DB_1 = new Port("p-db-1", "db-1", "srv-2", "compute:nova", List.of("10.0.0.21"),
            List.of("g-db", "g-web"));

    private static SecurityGroup group(String id, String name, Rule... rules) {
        return new SecurityGroup(id, "p", name, "", true, false, 1, List.of(rules), List.of(), null, null);
    }

    private static TrafficCheckPacket packet(Direction d, String protocol, Integer port, String address) {
        return TrafficCheckPacket.parse(d, protocol, port, null, null, address);
    }

    private final TrafficCheck withPorts = new TrafficCheck(List.of(WEB, DB), List.of(WEB_1, DB_1), true);
    private final TrafficCheck withoutPorts = new TrafficCheck(List.of(WEB, DB), List.of(), false);

    @Test
    void aRuleForThePortAndAddressAllowsAndIsNamed() {
        TrafficCheckAnswer answer = withPorts.check(WEB, packet(Direction.INGRESS, "tcp", 22, "203.0.113.5"));

        assertThat(answer.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(answer.allowing()).containsExactly(new Found(WEB, SSH, null));
    }

    @Test
    void theNextPortIsDenied() {
        TrafficCheckAnswer answer = withPorts.check(WEB, packet(Direction.INGRESS, "tcp", 23, "203.0.113.5"));

        assertThat(answer.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(answer.allowing()).isEmpty();
        assertThat(answer.undecided()).isEmpty();
    }

    @Test
    void theRemotePrefixMustHoldTheAddress() {
        assertThat(withPorts.check(WEB, packet(Direction.INGRESS, "6", 443, "198.51.100.77")).allowing())
                .containsExactly(new Found(WEB, HTTPS_OFFICE, null));
        assertThat(withPorts.check(WEB, packet(Direction.INGRESS, "tcp", 443, "198.51.101.77")).verdict())
                .isEqualTo(Verdict.DENIED);
    }

    @Test
    void anIpv6AddressIsNotAllowedByIpv4Rules() {
        assertThat(withPorts.check(WEB, packet(Direction.INGRESS, "tcp", 22, "2001:db8::5")).verdict())
                .isEqualTo(Verdict.DENIED);
        assertThat(withPorts.check(WEB, packet(Direction.EGRESS, "udp", 53, "2001:db8::5")).verdict())
                .isEqualTo(Verdict.DENIED);
    }

    @Test
    void aRuleWithoutProtocolAllowsEveryProtocolAndPortButOnlyItsDirection() {
        assertThat(withPorts.check(WEB, packet(Direction.EGRESS, "udp", 53, "9.9.9.9")).verdict())
                .isEqualTo(Verdict.ALLOWED);
        assertThat(withPorts.check(WEB, packet(Direction.EGRESS, "gre", null, "9.9.9.9")).verdict())
                .isEqualTo(Verdict.ALLOWED);
        assertThat(withPorts.check(WEB, packet(Direction.INGRESS, "udp", 53, "9.9.9.9")).verdict())
                .isEqualTo(Verdict.DENIED);
    }

    @Test
    void icmpTypeAndCodeMustMatchTheRule() {
        TrafficCheckPacket echo = TrafficCheckPacket.parse(Direction.INGRESS, "icmp", null, 8, null, "192.0.2.1");
        TrafficCheckPacket echoCode1 = TrafficCheckPacket.parse(Direction.INGRESS, "icmp", null, 8, 1, "192.0.2.1");
        TrafficCheckPacket unreachable = TrafficCheckPacket.parse(Direction.INGRESS, "1", null, 3, 0, "192.0.2.1");

        assertThat(withPorts.check(WEB, echo).allowing()).containsExactly(new Found(WEB, PING, null));
        assertThat(withPorts.check(WEB, echoCode1).verdict()).isEqualTo(Verdict.DENIED);
        assertThat(withPorts.check(WEB, unreachable).verdict()).isEqualTo(Verdict.DENIED);
    }

    @Test
    void aRemoteGroupAllowsTheAddressesOfItsInterfaces() {
        assertThat(withPorts.check(DB, packet(Direction.INGRESS, "tcp", 5432, "10.0.0.11")).allowing())
                .containsExactly(new Found(DB, FROM_WEB, null));
        assertThat(withPorts.check(DB, packet(Direction.INGRESS, "tcp", 5432, "10.0.0.12")).verdict())
                .isEqualTo(Verdict.DENIED);
    }

    @Test
    void withoutInterfacesARemoteGroupRuleIsUnknownNotDenied() {
        TrafficCheckAnswer answer = withoutPorts.check(DB, packet(Direction.INGRESS, "tcp", 5432, "10.0.0.11"));

        assertThat(answer.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(answer.undecided()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(FROM_WEB);
            assertThat(f.reason()).as("the group by its name, as people know it")
                    .contains("group web,", "does not list interfaces");
        });
        assertThat(withoutPorts.check(DB, packet(Direction.INGRESS, "tcp", 5433, "10.0.0.11")).verdict())
                .as("a packet the rule cannot match whatever its members").isEqualTo(Verdict.DENIED);
    }

    @Test
    void anInterfaceIsAllowedWhatAnyOfItsGroupsAllows() {
        TrafficCheckAnswer ssh = withPorts.check(DB_1, packet(Direction.INGRESS, "tcp", 22, "203.0.113.5"));
        TrafficCheckAnswer postgres = withPorts.check(DB_1, packet(Direction.INGRESS, "tcp", 5432, "10.0.0.21"));

        assertThat(ssh.allowing()).containsExactly(new Found(WEB, SSH, null));
        assertThat(postgres.allowing()).containsExactly(new Found(DB, FROM_WEB, null));
        assertThat(withPorts.check(WEB_1, packet(Direction.INGRESS, "tcp", 5432, "10.0.0.21")).verdict())
                .isEqualTo(Verdict.DENIED);
    }

    @Test
    void aGroupOfTheInterfaceMissingFromTheSourceMakesADenialUnknown() {
        Port odd = new Port("p-odd", "odd", null, null, List.of("10.0.0.9"), List.of("g-web", "g-gone"));

        TrafficCheckAnswer denied = withPorts.check(odd, packet(Direction.INGRESS, "tcp", 80, "203.0.113.5"));
        TrafficCheckAnswer allowed = withPorts.check(odd, packet(Direction.INGRESS, "tcp", 22, "203.0.113.5"));

        assertThat(denied.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(denied.unknowns()).singleElement().asString().contains("g-gone");
        assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void icmpOnAnIpv6RuleIsIcmpv6() {
        Rule v6Ping = Rule.draft(Direction.INGRESS, EtherType.IPV6, Protocol.of("icmp"), PortRange.ANY,
                Remote.ANYWHERE, null);
        SecurityGroup g = group("g6", "six", v6Ping);
        TrafficCheck check = new TrafficCheck(List.of(g), List.of(), false);

        assertThat(check.check(g, TrafficCheckPacket.parse(Direction.INGRESS, "ipv6-icmp", null, 128, null,
                "2001:db8::1")).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(check.check(g, TrafficCheckPacket.parse(Direction.INGRESS, "icmp", null, 8, null,
                "192.0.2.1")).verdict()).isEqualTo(Verdict.DENIED);
    }

    @Test
    void aPacketThatCannotBeIsRefusedSayingWhy() {
        assertThatThrownBy(() -> packet(Direction.INGRESS, "tcp", null, "192.0.2.1"))
                .hasMessage("TCP traffic needs a port");
        assertThatThrownBy(() -> packet(Direction.INGRESS, "gre", 22, "192.0.2.1"))
                .hasMessageStartingWith("GRE traffic has no ports");
        assertThatThrownBy(() -> packet(Direction.INGRESS, "tcp", 70000, "192.0.2.1"))
                .hasMessage("the port 70000 is not from 1 to 65535");
        assertThatThrownBy(() -> packet(Direction.INGRESS, "tcp", 22, "192.0.2.0/24"))
                .hasMessageContaining("\"192.0.2.0/24\" is not one IPv4 or IPv6 address");
        assertThatThrownBy(() -> packet(Direction.INGRESS, "tpc", 22, "192.0.2.1"))
                .hasMessageStartingWith("\"tpc\" is not a protocol");
        assertThatThrownBy(() -> TrafficCheckPacket.parse(Direction.INGRESS, "icmp", null, null, null, "192.0.2.1"))
                .hasMessageStartingWith("ICMP traffic needs an ICMP type");
        assertThatThrownBy(() -> TrafficCheckPacket.parse(Direction.INGRESS, "udp", 53, 8, null, "192.0.2.1"))
                .hasMessageContaining("only for ICMP traffic");
        assertThat(packet(Direction.INGRESS, "TCP", 22, "192.0.2.1").summary())
                .isEqualTo("Ingress TCP port 22 from 192.0.2.1");
    }
}
