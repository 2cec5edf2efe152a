package dev.portcullis.review;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.only;
import static dev.portcullis.review.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule whose remote is an address group lets in the group's prefixes: the review and the traffic check
 * judge it as if they were written out, and say so when the source does not hold the address group.
 */
class AddressGroupReviewTest {

    private static AddressGroup addressGroup(String id, String name, String... cidrs) {
        return new AddressGroup(id, "p", name, "", Arrays.stream(cidrs).map(c -> Cidr.parse(c).orElseThrow()).toList());
    }

    private static Rule fromAddressGroup(EtherType etherType, String protocol, Integer port, String id) {
        return rule(Direction.INGRESS, etherType, protocol, port, port, new Remote.AddressGroup(id));
    }

    private static List<Finding> review(List<AddressGroup> addressGroups, SecurityGroup... groups) {
        return Review.of(List.of(groups), List.of(), List.of(), addressGroups, ReviewSettings.defaults());
    }

    @Test
    void sshFromAnAddressGroupHoldingTheWholeInternetIsWorldOpen() {
        AddressGroup everyone = addressGroup("ag-1", "everyone", "0.0.0.0/0", "10.0.0.0/8");
        Rule ssh = fromAddressGroup(EtherType.IPV4, "tcp", 22, "ag-1");

        List<Finding> found = only(review(List.of(everyone), group("web", ssh)), "world-open-admin-port");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ssh.id());
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.rule()).contains("from address group everyone");
        });
    }

    @Test
    void anAddressGroupWhosePrefixesTogetherCoverEveryAddressIsWorldOpenByItself() {
        AddressGroup halves = addressGroup("ag-2", "halves", "0.0.0.0/1", "128.0.0.0/1");
        Rule ssh = fromAddressGroup(EtherType.IPV4, "tcp", 22, "ag-2");

        List<Finding> found = only(review(List.of(halves), group("web", ssh)), "world-open-admin-port");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ssh.id());
            assertThat(f.explanation()).doesNotContain("together");
        });
    }

    @Test
    void anAddressGroupAndAPrefixCoveringEveryAddressTogetherNameEachOther() {
        AddressGroup low = addressGroup("ag-3", "low half", "0.0.0.0/1");
        Rule fromGroup = fromAddressGroup(EtherType.IPV4, "tcp", 3306, "ag-3");
        Rule high = ingress("tcp", 3306, 3306, "128.0.0.0/1");

        List<Finding> found = only(review(List.of(low), group("db", fromGroup, high)), "world-open-database-port");

        assertThat(found).extracting(Finding::ruleId).containsExactly(fromGroup.id(), high.id());
        assertThat(found.get(0).explanation()).contains("together");
    }

    @Test
    void aRuleUsesOnlyThePrefixesOfItsOwnIpVersion() {
        AddressGroup v6world = addressGroup("ag-4", "v6 world", "::/0", "10.0.0.0/8");
        Rule v4ssh = fromAddressGroup(EtherType.IPV4, "tcp", 22, "ag-4");
        Rule v6ssh = fromAddressGroup(EtherType.IPV6, "tcp", 22, "ag-4");

        List<Finding> found = only(review(List.of(v6world), group("web", v4ssh, v6ssh)), "world-open-admin-port");

        assertThat(found).extracting(Finding::ruleId).containsExactly(v6ssh.id());
    }

    @Test
    void aWidePublicNetworkInsideAnAddressGroupIsNamedWithTheGroup() {
        AddressGroup wide = addressGroup("ag-5", "partners", "0.0.0.0/1");
        Rule web = fromAddressGroup(EtherType.IPV4, "tcp", 8080, "ag-5");

        List<Finding> found = only(review(List.of(wide), group("web", web)), "wide-public-network");

        assertThat(found).singleElement().satisfies(f ->
                assertThat(f.explanation()).contains("0.0.0.0/1", "(in address group partners)"));
    }

    @Test
    void anAddressGroupTheSourceDoesNotHoldIsReportedAsNotReviewed() {
        Rule ssh = fromAddressGroup(EtherType.IPV4, "tcp", 22, "ag-unknown");

        List<Finding> found = only(review(List.of(), group("web", ssh)), "not-reviewed");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ssh.id());
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.explanation()).contains("address group ag-unknown", "unknown");
        });
    }

    @Test
    void theReviewOfPagesAsTheyComeLeavesAddressGroupsToTheWholeReview() {
        Rule ssh = fromAddressGroup(EtherType.IPV4, "tcp", 22, "ag-1");

        assertThat(Review.ofEachGroup(List.of(group("web", ssh)), ReviewSettings.defaults()))
                .extracting(Finding::check).doesNotContain("not-reviewed");
    }

    @Test
    void theTrafficCheckResolvesAnAddressGroupAndSaysWhyWhenItCannot() {
        AddressGroup office = addressGroup("ag-6", "office", "192.0.2.0/24", "2001:db8::/32");
        SecurityGroup web = group("web", fromAddressGroup(EtherType.IPV4, "tcp", 22, "ag-6"),
                fromAddressGroup(EtherType.IPV4, "tcp", 443, "ag-gone"));
        TrafficCheck check = new TrafficCheck(List.of(web), List.of(), false, List.of(office));

        assertThat(check.check(web, packet(22, "192.0.2.7")).verdict()).isEqualTo(TrafficCheckAnswer.Verdict.ALLOWED);
        assertThat(check.check(web, packet(22, "198.51.100.7")).verdict())
                .isEqualTo(TrafficCheckAnswer.Verdict.DENIED);
        TrafficCheckAnswer unknown = check.check(web, packet(443, "192.0.2.7"));
        assertThat(unknown.verdict()).isEqualTo(TrafficCheckAnswer.Verdict.UNKNOWN);
        assertThat(unknown.undecided()).singleElement().satisfies(found ->
                assertThat(found.reason()).contains("address group ag-gone", "does not hold"));
    }

    private static TrafficCheckPacket packet(int port, String address) {
        return TrafficCheckPacket.parse(Direction.INGRESS, "tcp", port, null, null, address);
    }
}
