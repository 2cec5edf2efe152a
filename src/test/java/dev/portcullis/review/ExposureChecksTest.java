package dev.portcullis.review;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.portcullis.review.Fixtures.egress;
import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.ingress6;
import static dev.portcullis.review.Fixtures.only;
import static dev.portcullis.review.Fixtures.port;
import static dev.portcullis.review.Fixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

class ExposureChecksTest {

    @Test
    void everyProtocolFromNoRemoteIsCritical() {
        var rule = ingress(null, null, null, null);
        List<Finding> found = only(review(group("web", rule)), "world-open-all");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.groupId()).isEqualTo("web");
            assertThat(f.ruleId()).isEqualTo(rule.id());
            assertThat(f.rule()).isEqualTo("Ingress IPv4 all traffic from 0.0.0.0/0");
        });
    }

    @Test
    void protocolZeroFromSlashZeroIsEveryProtocolToo() {
        assertThat(only(review(group("web", ingress6("0", null, null, "::/0"))), "world-open-all")).hasSize(1);
    }

    @Test
    void everyProtocolFromOneNetworkIsNotWorldOpen() {
        assertThat(only(review(group("web", ingress(null, null, null, "10.0.0.0/8"))), "world-open-all")).isEmpty();
    }

    @Test
    void everyProtocolOnAGroupNoInterfaceUsesIsHighNotCritical() {
        List<Finding> found = review(List.of(group("web", ingress(null, null, null, null)), group("app")),
                List.of(port("vm1", "app")));

        assertThat(only(found, "world-open-all")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void aRangeIncludingSshOpenToTheWorldIsHighAndNamesTheService() {
        List<Finding> found = only(review(group("web", ingress("tcp", 20, 25, "0.0.0.0/0"))), "world-open-admin-port");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.explanation()).contains("SSH (22)", "Telnet (23)");
        });
    }

    @Test
    void sshFromOneOfficeNetworkIsNotWorldOpen() {
        assertThat(only(review(group("web", ingress("tcp", 22, 22, "10.1.0.0/16"))), "world-open-admin-port")).isEmpty();
    }

    @Test
    void httpsOpenToTheWorldIsNeitherAdminNorDatabase() {
        List<Finding> found = review(group("web", ingress("tcp", 443, 443, null)));

        assertThat(only(found, "world-open-admin-port")).isEmpty();
        assertThat(only(found, "world-open-database-port")).isEmpty();
    }

    @Test
    void theAdminPortListComesFromTheSettings() {
        var settings = ReviewSettings.defaults().withAdminPorts(Set.of(2222));
        var web = group("web", ingress("tcp", 2222, 2222, null), ingress("tcp", 22, 22, null));

        List<Finding> found = only(Review.of(List.of(web), List.of(), settings), "world-open-admin-port");

        assertThat(found).singleElement().extracting(Finding::ruleId).isEqualTo(web.rules().get(0).id());
    }

    @Test
    void postgresOpenToTheWorldIsHigh() {
        List<Finding> found = only(review(group("db", ingress("tcp", 5432, 5432, null))), "world-open-database-port");

        assertThat(found).singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void cassandraAndOracleSslOpenToTheWorldAreDatabasePortsAsProwlerSays() {
        List<Finding> found = only(review(group("db", ingress("tcp", 9042, 9042, null),
                ingress("tcp", 7199, 7199, null), ingress("tcp", 2484, 2484, null))), "world-open-database-port");

        assertThat(found).hasSize(3).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(found.get(1).explanation()).contains("Cassandra JMX (7199)");
    }

    @Test
    void cassandraFromTheAppNetworkIsFine() {
        assertThat(only(review(group("db", ingress("tcp", 9042, 9042, "10.0.1.0/24"))), "world-open-database-port"))
                .isEmpty();
    }

    @Test
    void postgresFromTheAppNetworkIsFine() {
        assertThat(only(review(group("db", ingress("tcp", 5432, 5432, "10.0.1.0/24"))), "world-open-database-port"))
                .isEmpty();
    }

    @Test
    void aPublicNetworkWiderThanAHostIsMedium() {
        List<Finding> found = only(review(group("web", ingress("tcp", 443, 443, "8.8.8.0/24"))), "public-network");

        assertThat(found).singleElement().extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aPublicHostOrAPrivateNetworkIsNotAPublicNetwork() {
        List<Finding> found = review(group("web", ingress("tcp", 443, 443, "8.8.8.8/32"),
                ingress("tcp", 443, 443, "192.168.0.0/24"), ingress("tcp", 443, 443, "203.0.113.0/24")));

        assertThat(only(found, "public-network")).isEmpty();
    }

    @Test
    void aSlash16OfPublicAddressesIsWideEvenOutbound() {
        List<Finding> found = review(group("web", egress("tcp", 443, 443, "8.8.0.0/16")));

        assertThat(only(found, "wide-public-network")).hasSize(1);
        assertThat(only(found, "public-network")).isEmpty();
    }

    @Test
    void aSlash24IsNotWideAndTheWholeInternetIsNotANetwork() {
        List<Finding> found = review(group("web", egress("tcp", 443, 443, "8.8.8.0/24"), egress(null, null, null, null)));

        assertThat(only(found, "wide-public-network")).isEmpty();
    }

    @Test
    void aRangeOfMoreThanAHundredPortsIsWide() {
        assertThat(only(review(group("web", ingress("tcp", 8000, 8100, "10.0.0.0/8"))), "wide-port-range"))
                .singleElement().extracting(Finding::explanation).asString().contains("101 ports (8000-8100)");
    }

    @Test
    void aHundredPortsOrAllPortsAreNotAWideRange() {
        List<Finding> found = review(group("web", ingress("tcp", 8000, 8099, "10.0.0.0/8"),
                ingress("udp", null, null, "10.0.0.0/8")));

        assertThat(only(found, "wide-port-range")).isEmpty();
    }

    @Test
    void everyIcmpMessageFromAnywhereIsMediumButPingAloneIsInfo() {
        var all = ingress("icmp", null, null, null);
        var ping = ingress6("ipv6-icmp", 128, null, null);

        List<Finding> found = only(review(group("web", all, ping)), "icmp-from-anywhere");

        assertThat(found).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(all.id(), Severity.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple(ping.id(), Severity.INFO));
    }

    @Test
    void icmpFromTheMonitoringNetworkIsFine() {
        assertThat(only(review(group("web", ingress("icmp", null, null, "10.0.0.0/24"))), "icmp-from-anywhere"))
                .isEmpty();
    }
}
