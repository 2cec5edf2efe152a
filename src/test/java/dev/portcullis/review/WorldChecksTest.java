package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portcullis.review.Fixtures.egress;
import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.ingress6;
import static dev.portcullis.review.Fixtures.only;
import static dev.portcullis.review.Fixtures.review;
import static dev.portcullis.review.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** World exposure judged on the union of a group's rules: prefixes that together cover every address. */
class WorldChecksTest {

    @Test
    void sshFromTwoHalvesOfTheInternetIsTheSameHighFindingOnEachRuleNamingTheOther() {
        var low = ingress("tcp", 22, 22, "0.0.0.0/1");
        var high = ingress("tcp", 22, 22, "128.0.0.0/1");

        List<Finding> found = only(review(group("web", low, high)), "world-open-admin-port");

        assertThat(found).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(tuple(low.id(), Severity.HIGH), tuple(high.id(), Severity.HIGH));
        assertThat(found.get(0).explanation()).contains("SSH (22)",
                "This rule and the rule \"Ingress IPv4 TCP 22 from 128.0.0.0/1\" together cover every address.");
        assertThat(found.get(0).fix()).contains("not from 0.0.0.0/1 and 128.0.0.0/1");
        assertThat(found.get(1).explanation()).contains("\"Ingress IPv4 TCP 22 from 0.0.0.0/1\"");
    }

    @Test
    void sshFromTheWholeInternetInOneRuleSaysNothingOfOtherRules() {
        var world = ingress("tcp", 22, 22, "0.0.0.0/0");
        var office = ingress("tcp", 22, 22, "10.0.0.0/8");

        List<Finding> found = only(review(group("web", world, office)), "world-open-admin-port");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(world.id());
            assertThat(f.explanation()).isEqualTo("Remote administration is open to any address on the internet: "
                    + "SSH (22).");
        });
    }

    @Test
    void oneHalfAloneIsAWidePublicNetworkNotTheWorld() {
        List<Finding> found = review(group("web", ingress("tcp", 22, 22, "0.0.0.0/1")));

        assertThat(only(found, "world-open-admin-port")).isEmpty();
        assertThat(only(found, "wide-public-network")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aHalfAndAQuarterLeaveAGapAndAreNotTheWorld() {
        List<Finding> found = review(group("web", ingress("tcp", 22, 22, "0.0.0.0/1"),
                ingress("tcp", 22, 22, "128.0.0.0/2")));

        assertThat(only(found, "world-open-admin-port")).isEmpty();
    }

    @Test
    void aHalfAndTwoQuartersCoverEverythingAndAllThreeAreNamed() {
        var a = ingress("tcp", 22, 22, "0.0.0.0/1");
        var b = ingress("tcp", 22, 22, "192.0.0.0/2");
        var c = ingress("tcp", 22, 22, "128.0.0.0/2");

        List<Finding> found = only(review(group("web", a, b, c)), "world-open-admin-port");

        assertThat(found).extracting(Finding::ruleId).containsExactly(a.id(), b.id(), c.id());
        assertThat(found.get(0).explanation()).contains("the rules \"Ingress IPv4 TCP 22 from 192.0.0.0/2\" and "
                + "\"Ingress IPv4 TCP 22 from 128.0.0.0/2\"");
    }

    @Test
    void hostBitsDoNotMakeAGapOrFillOne() {
        List<Finding> found = review(group("web", ingress("tcp", 22, 22, "1.2.3.4/1"),
                ingress("tcp", 22, 22, "200.0.0.1/1")));

        assertThat(only(found, "world-open-admin-port")).hasSize(2);
    }

    @Test
    void ipv6HalvesAreTheIpv6Internet() {
        List<Finding> found = only(review(group("web", ingress6("tcp", 3389, 3389, "::/1"),
                ingress6("tcp", 3389, 3389, "8000::/1"))), "world-open-admin-port");

        assertThat(found).hasSize(2).allSatisfy(f -> assertThat(f.explanation()).contains("RDP (3389)"));
    }

    @Test
    void anIpv4HalfAndAnIpv6HalfAreNeitherInternet() {
        List<Finding> found = review(group("web", ingress("tcp", 22, 22, "0.0.0.0/1"),
                ingress6("tcp", 22, 22, "8000::/1")));

        assertThat(only(found, "world-open-admin-port")).isEmpty();
    }

    @Test
    void halvesOnDifferentProtocolsOrPortsAreNotTheWorld() {
        List<Finding> protocols = review(group("web", ingress("tcp", 22, 22, "0.0.0.0/1"),
                ingress("udp", 22, 22, "128.0.0.0/1")));
        List<Finding> ports = review(group("web", ingress("tcp", 22, 22, "0.0.0.0/1"),
                ingress("tcp", 23, 23, "128.0.0.0/1")));

        assertThat(only(protocols, "world-open-admin-port")).isEmpty();
        assertThat(only(ports, "world-open-admin-port")).isEmpty();
    }

    @Test
    void overlappingRangesAreJudgedPortByPort() {
        var wide = ingress("tcp", 1, 100, "0.0.0.0/1");
        var ssh = ingress("tcp", 22, 22, "128.0.0.0/1");

        List<Finding> found = only(review(group("web", wide, ssh)), "world-open-admin-port");

        assertThat(found).extracting(Finding::ruleId).containsExactly(wide.id(), ssh.id());
        assertThat(found).allSatisfy(f -> assertThat(f.explanation()).contains("SSH (22)")
                .doesNotContain("Telnet", "FTP"));
    }

    @Test
    void aRemoteGroupOrAddressGroupIsNeverTheWorld() {
        var half = ingress("tcp", 22, 22, "0.0.0.0/1");
        var fromGroup = rule(Direction.INGRESS, EtherType.IPV4, "tcp", 22, 22, Remote.group("everyone"));
        var fromAddresses = rule(Direction.INGRESS, EtherType.IPV4, "tcp", 22, 22,
                new Remote.AddressGroup("all-of-them"));

        List<Finding> found = review(group("web", half, fromGroup, fromAddresses));

        assertThat(only(found, "world-open-admin-port")).isEmpty();
    }

    @Test
    void noRemoteIsTheWholeAddressSpaceOfTheRulesVersion() {
        assertThat(only(review(group("web", ingress6("tcp", 22, 22, null))), "world-open-admin-port")).hasSize(1);
    }

    @Test
    void egressHalvesAreNotAnExposure() {
        List<Finding> found = review(group("web", egress("tcp", 22, 22, "0.0.0.0/1"),
                egress("tcp", 22, 22, "128.0.0.0/1")));

        assertThat(only(found, "world-open-admin-port")).isEmpty();
    }

    @Test
    void everyProtocolFromTwoHalvesIsCriticalOnBoth() {
        List<Finding> found = only(review(group("web", ingress(null, null, null, "0.0.0.0/1"),
                ingress(null, null, null, "128.0.0.0/1"))), "world-open-all");

        assertThat(found).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void everyProtocolOnOneHalfAndSshOnTheOtherOpensSshNotEverything() {
        var all = ingress(null, null, null, "0.0.0.0/1");
        var ssh = ingress("tcp", 22, 22, "128.0.0.0/1");

        List<Finding> found = review(group("web", all, ssh));

        assertThat(only(found, "world-open-all")).isEmpty();
        assertThat(only(found, "world-open-admin-port")).extracting(Finding::ruleId)
                .containsExactly(all.id(), ssh.id());
    }

    @Test
    void aPortRuleNextToAWorldOpenAllRuleIsStillNamedAndTheAllRuleOnlyOnce() {
        var all = ingress(null, null, null, null);
        var ssh = ingress("tcp", 22, 22, "0.0.0.0/0");

        List<Finding> found = review(group("web", all, ssh));

        assertThat(found).filteredOn(f -> all.id().equals(f.ruleId()) && f.check().startsWith("world-open"))
                .extracting(Finding::check).containsExactly("world-open-all");
        assertThat(only(found, "world-open-admin-port")).extracting(Finding::ruleId).containsExactly(ssh.id());
    }

    @Test
    void everyIcmpMessageIsStillEveryKindWhenAPingRuleCutsItsShare() {
        var all = ingress("icmp", null, null, null);
        var ping = ingress("icmp", 8, null, null);

        List<Finding> found = only(review(group("web", all, ping)), "icmp-from-anywhere");

        assertThat(found.get(0).explanation()).contains("every kind of ICMP message");
        assertThat(found.get(1).explanation()).isEqualTo("Any address on the internet may ping the interfaces.");
    }

    @Test
    void icmpFromTwoHalvesIsFromAnywhereAndPingStaysInfo() {
        List<Finding> all = only(review(group("web", ingress("icmp", null, null, "0.0.0.0/1"),
                ingress("icmp", null, null, "128.0.0.0/1"))), "icmp-from-anywhere");
        List<Finding> ping = only(review(group("web", ingress("icmp", 8, null, "0.0.0.0/1"),
                ingress("icmp", 8, 0, "128.0.0.0/1"))), "icmp-from-anywhere");
        List<Finding> apart = only(review(group("web", ingress("icmp", 8, null, "0.0.0.0/1"),
                ingress("icmp", 0, null, "128.0.0.0/1"))), "icmp-from-anywhere");

        assertThat(all).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(ping).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(apart).isEmpty();
    }
}
