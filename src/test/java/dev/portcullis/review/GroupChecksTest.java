package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.portcullis.review.Fixtures.egress;
import static dev.portcullis.review.Fixtures.fromGroup;
import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.ingress6;
import static dev.portcullis.review.Fixtures.only;
import static dev.portcullis.review.Fixtures.review;
import static dev.portcullis.review.Fixtures.rule;
import static dev.portcullis.review.Fixtures.stateless;
import static org.assertj.core.api.Assertions.assertThat;

class GroupChecksTest {

    @Test
    void aRuleInsideAWiderOneOfTheSameGroupIsShadowed() {
        var wide = ingress("tcp", 1000, 2000, "10.0.0.0/8");
        var narrow = ingress("tcp", 1500, 1600, "10.1.2.0/24");

        List<Finding> found = only(review(group("app", narrow, wide)), "shadowed-rule");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(narrow.id());
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.explanation()).contains("Ingress IPv4 TCP 1000-2000 from 10.0.0.0/8").doesNotContain(wide.id());
        });
    }

    @Test
    void noProtocolAndNoRemoteCoverEverythingOfTheirIpVersion() {
        var all = ingress(null, null, null, null);
        var ssh = ingress("tcp", 22, 22, "10.0.0.0/8");
        var ping = ingress("1", 8, 0, "192.168.0.0/16");

        assertThat(only(review(group("app", all, ssh, ping)), "shadowed-rule"))
                .extracting(Finding::ruleId).containsExactly(ssh.id(), ping.id());
    }

    @Test
    void overlappingButNotCoveredRulesAreNotShadowed() {
        List<Finding> found = review(group("app",
                ingress("tcp", 1000, 2000, "10.0.0.0/8"),
                ingress("tcp", 1500, 2500, "10.1.0.0/16"),      // ports reach past the wider rule
                ingress("udp", 1500, 1600, "10.1.0.0/16"),      // another protocol
                ingress6("tcp", 1500, 1600, "fd00::/8"),        // another IP version
                egress("tcp", 1500, 1600, "10.1.0.0/16"),       // another direction
                ingress("tcp", 1500, 1600, "11.0.0.0/8"),       // another network
                fromGroup(Direction.INGRESS, "web")));          // a group's addresses are not known to lie inside

        assertThat(only(found, "shadowed-rule")).isEmpty();
    }

    @Test
    void anIcmpTypeWithoutCodeCoversThatTypeWithACodeButNotAnotherType() {
        var echoAnyCode = ingress("icmp", 8, null, "10.0.0.0/8");
        var echoCode0 = ingress("icmp", 8, 0, "10.0.0.0/8");
        var unreachable = ingress("icmp", 3, 4, "10.0.0.0/8");

        assertThat(only(review(group("app", echoAnyCode, echoCode0, unreachable)), "shadowed-rule"))
                .extracting(Finding::ruleId).containsExactly(echoCode0.id());
    }

    @Test
    void rulesMeaningTheSameAfterNormalisingAreDuplicatesNotShadows() {
        var first = ingress("tcp", 22, 22, "10.0.0.0/24");
        var hostBits = ingress("6", 22, 22, "10.0.0.7/24");
        var legacyIcmp = rule(Direction.INGRESS, EtherType.IPV6, "icmp", null, null, Remote.ANYWHERE);
        var ipv6Icmp = rule(Direction.INGRESS, EtherType.IPV6, "ipv6-icmp", null, null, Remote.prefix("::/0"));

        List<Finding> found = review(group("app", first, hostBits, legacyIcmp, ipv6Icmp));

        assertThat(only(found, "semantic-duplicate")).extracting(Finding::ruleId)
                .containsExactly(hostBits.id(), ipv6Icmp.id());
        assertThat(only(found, "shadowed-rule")).isEmpty();
    }

    @Test
    void rulesDifferingInOnePortAreNotDuplicates() {
        assertThat(only(review(group("app", ingress("tcp", 22, 22, "10.0.0.0/24"), ingress("tcp", 23, 23,
                "10.0.0.0/24"))), "semantic-duplicate")).isEmpty();
    }

    @Test
    void aPrefixWithHostBitsSaysWhatItMatches() {
        assertThat(only(review(group("app", ingress("tcp", 22, 22, "10.0.0.5/24"))), "host-bits"))
                .singleElement().satisfies(f -> {
                    assertThat(f.explanation()).contains("10.0.0.5/24", "matches 10.0.0.0/24");
                    assertThat(f.fix()).contains("10.0.0.5/32");
                });
    }

    @Test
    void aCleanPrefixHasNoHostBits() {
        assertThat(only(review(group("app", ingress("tcp", 22, 22, "10.0.0.0/24"), ingress("tcp", 22, 22,
                "10.0.0.5/32"))), "host-bits")).isEmpty();
    }

    @Test
    void groupsAndRulesWithoutDescriptionButNotNeutronsOwnEgressRules() {
        var bare = new Rule("r-bare", Direction.INGRESS, EtherType.IPV4, dev.portcullis.domain.Protocol.TCP,
                dev.portcullis.domain.PortRange.of(80), Remote.ANYWHERE, " ");
        var template = Rule.egressAnywhere(EtherType.IPV4).withId("r-template");
        var group = new SecurityGroup("g", "p1", "web", null, true, false, 1, List.of(bare, template), List.of(),
                null, null);

        assertThat(only(review(group), "missing-description")).extracting(Finding::ruleId)
                .containsExactly(null, "r-bare");
    }

    @Test
    void describedGroupsAndRulesAreFine() {
        assertThat(only(review(group("web", ingress("tcp", 80, 80, null))), "missing-description")).isEmpty();
    }

    @Test
    void aStatelessGroupWithoutAWayBackDropsTheReplies() {
        var ssh = ingress("tcp", 22, 22, "10.0.0.0/8");
        var dnsOut = egress("udp", 53, 53, null);

        assertThat(only(review(stateless("bare", ssh, dnsOut)), "stateless-missing-egress"))
                .extracting(Finding::ruleId).containsExactly(ssh.id());
    }

    @Test
    void aStatelessGroupWithAnEgressRuleBackOrAStatefulGroupIsFine() {
        var ssh = ingress("tcp", 22, 22, "10.0.0.0/8");
        List<Finding> found = new ArrayList<>(review(stateless("back", ssh, egress("tcp", null, null, "10.0.0.0/8"))));
        found.addAll(review(group("stateful", ingress("tcp", 22, 22, "10.0.0.0/8"))));

        assertThat(only(found, "stateless-missing-egress")).isEmpty();
    }

    @Test
    void theDefaultGroupWithMoreThanItsTemplate() {
        var ssh = ingress("tcp", 22, 22, "10.0.0.0/8");
        var self = fromGroup(Direction.INGRESS, "d");
        var defaultGroup = new SecurityGroup("d", "p1", "default", "Default security group", true, false, 1,
                List.of(self, Rule.egressAnywhere(EtherType.IPV4).withId("e4"), ssh), List.of(), null, null);

        assertThat(only(review(defaultGroup), "default-group-extra-rules")).extracting(Finding::ruleId)
                .containsExactly(ssh.id());
    }

    @Test
    void anotherGroupMayHaveAnyRules() {
        assertThat(only(review(group("web", ingress("tcp", 22, 22, "10.0.0.0/8"))), "default-group-extra-rules"))
                .isEmpty();
    }

    @Test
    void tooManyRulesInOneDirection() {
        var settings = ReviewSettings.defaults().withMaxRulesPerDirection(2);
        var three = group("big", ingress("tcp", 1, 1, null), ingress("tcp", 2, 2, null), ingress("tcp", 3, 3, null),
                egress("tcp", 1, 1, null), egress("tcp", 2, 2, null));
        var two = group("small", ingress("tcp", 1, 1, null), ingress("tcp", 2, 2, null));

        assertThat(only(Review.of(List.of(three, two), List.of(), settings), "too-many-rules"))
                .singleElement().satisfies(f -> {
                    assertThat(f.groupId()).isEqualTo("big");
                    assertThat(f.explanation()).contains("3 ingress rules");
                });
    }

    @Test
    void aGroupLettingOnlyIpv4InIsIpv4Only() {
        List<Finding> found = review(group("v4", ingress("tcp", 443, 443, null)),
                group("both", ingress("tcp", 443, 443, null), ingress6("tcp", 443, 443, null)),
                group("egress-only", egress(null, null, null, null)));

        assertThat(only(found, "ipv4-only")).extracting(Finding::groupId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v4", Severity.INFO));
    }
}
