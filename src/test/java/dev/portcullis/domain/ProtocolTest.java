package dev.portcullis.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolTest {

    @Test
    void theKnownNamesAreTheOnesNeutronListsInOrder() {
        String message = NeutronRecords.probes("rule").stream()
                .filter(p -> p.get("name").asText().equals("protocol-string-any")).findFirst().orElseThrow()
                .get("response").get("NeutronError").get("message").asText();
        Matcher m = Pattern.compile("Only protocol values \\[None, (.*?)\\]").matcher(message);
        assertThat(m.find()).isTrue();
        List<String> neutrons = Arrays.stream(m.group(1).split(", ")).map(s -> s.replace("'", "")).toList();

        assertThat(Protocol.knownNames()).containsExactlyElementsOf(neutrons);
    }

    @Test
    void aNameIsReadInAnyCaseAndStoredInLowerCase() {
        assertThat(Protocol.named("TCP")).map(Protocol::value).contains("tcp");
        assertThat(Protocol.named("Ipv6-Icmp")).map(Protocol::value).contains("ipv6-icmp");
        assertThat(Protocol.named(" tcp")).isEmpty();   // probe protocol-string-leading-space-tcp
        assertThat(Protocol.named("any")).isEmpty();    // probe protocol-string-any
        assertThat(Protocol.named("")).isEmpty();
    }

    @Test
    void numbers() {
        assertThat(Protocol.TCP.number()).hasValue(6);
        assertThat(Protocol.of("6").number()).hasValue(6);
        assertThat(Protocol.of("47").number()).hasValue(47);
        assertThat(Protocol.of("icmpv6").number()).hasValue(58);
        assertThat(Protocol.of("ip").number()).hasValue(0);
        assertThat(Protocol.ANY.number()).isEmpty();
        assertThat(Protocol.number(255).value()).isEqualTo("255");
        assertThatThrownBy(() -> Protocol.number(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Protocol.number(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labels() {
        assertThat(Protocol.ANY.label()).isEqualTo("Any");
        assertThat(Protocol.TCP.label()).isEqualTo("TCP");
        assertThat(Protocol.of("ipv6-icmp").label()).isEqualTo("IPV6-ICMP");
        assertThat(Protocol.number(47).label()).isEqualTo("47 (GRE)");
        assertThat(Protocol.number(6).label()).isEqualTo("6 (TCP)");
        assertThat(Protocol.number(58).label()).isEqualTo("58 (IPV6-ICMP)");
        assertThat(Protocol.number(0).label()).isEqualTo("0 (IP)");
        assertThat(Protocol.number(200).label()).isEqualTo("200");
        assertThat(Protocol.ANY.toString()).isEqualTo("any");
        assertThat(Protocol.number(47).toString()).isEqualTo("47");
    }

    @Test
    void portsAreForDccpSctpTcpUdpAndUdpLiteByNameOrNumber() {
        for (String p : List.of("tcp", "udp", "sctp", "dccp", "udplite", "6", "17", "132", "33", "136")) {
            assertThat(Protocol.of(p).supportsPorts()).as(p).isTrue();
        }
        for (String p : List.of("gre", "47", "icmp", "1", "ipv6-icmp", "0", "ip", "255")) {
            assertThat(Protocol.of(p).supportsPorts()).as(p).isFalse();
        }
        assertThat(Protocol.ANY.supportsPorts()).isFalse();
        assertThat(Protocol.portProtocolNames()).containsExactly("DCCP", "SCTP", "TCP", "UDP", "UDPLITE");
    }

    @Test
    void icmpInEveryName() {
        for (String p : List.of("icmp", "1", "ipv6-icmp", "icmpv6", "58")) {
            assertThat(Protocol.of(p).isIcmp()).as(p).isTrue();
        }
        assertThat(Protocol.TCP.isIcmp()).isFalse();
        assertThat(Protocol.ANY.isIcmp()).isFalse();
    }

    @Test
    void ipv6OnlyProtocolsByNameAndNumber() {
        for (String p : List.of("ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt", "ipv6-opts",
                "ipv6-route", "41", "44", "58", "59", "60", "43")) {
            assertThat(Protocol.of(p).isIpv6Only()).as(p).isTrue();
        }
        for (String p : List.of("icmp", "1", "tcp", "0")) {
            assertThat(Protocol.of(p).isIpv6Only()).as(p).isFalse();
        }
    }

    @Test
    void equalityIsTheStoredValue() {
        assertThat(Protocol.of("tcp")).isEqualTo(Protocol.TCP).hasSameHashCodeAs(Protocol.TCP);
        assertThat(Protocol.of("6")).isNotEqualTo(Protocol.TCP);
        assertThat(Protocol.of(null)).isSameAs(Protocol.ANY);
    }

    /** A large project's rules share a handful of protocol and single-port objects instead of one each. */
    @Test
    void knownProtocolsAndSinglePortsAreSharedAndOthersAreEqualByValue() {
        assertThat(Protocol.of("tcp")).isSameAs(Protocol.TCP);
        assertThat(Protocol.named("UDP")).containsSame(Protocol.UDP);
        assertThat(Protocol.number(47)).isSameAs(Protocol.of("47"));
        assertThat(Protocol.of("TCP")).as("kept as given, as Neutron stores it").isNotEqualTo(Protocol.TCP);
        assertThat(PortRange.between(443, 443)).isSameAs(PortRange.of(443)).isEqualTo(new PortRange(443, 443));
        assertThat(PortRange.between(null, null)).isSameAs(PortRange.ANY);
        assertThat(PortRange.between(1000, 2000)).isEqualTo(PortRange.of(1000, 2000));
        assertThat(PortRange.between(8, null)).isEqualTo(PortRange.icmp(8, null));
    }
}
