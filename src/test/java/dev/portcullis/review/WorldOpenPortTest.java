package dev.portcullis.review;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.Remote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.portcullis.review.Fixtures.group;
import static dev.portcullis.review.Fixtures.ingress;
import static dev.portcullis.review.Fixtures.ingress6;
import static dev.portcullis.review.Fixtures.only;
import static dev.portcullis.review.Fixtures.review;
import static dev.portcullis.review.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code world-open-port}: any other port every address may reach, weighed by what listens on it. */
class WorldOpenPortTest {

    private static List<Finding> worldOpenPort(String protocol, int low, int high, String cidr) {
        return only(review(group("web", ingress(protocol, low, high, cidr))), "world-open-port");
    }

    @ParameterizedTest(name = "{0}/{1}-{2} from the world: {3}")
    @CsvSource({
            "tcp, 6443, 6443, HIGH, Kubernetes API (TCP 6443)",
            "tcp, 8080, 8080, HIGH, HTTP proxy or application server (TCP 8080)",
            "tcp, 8443, 8443, HIGH, HTTPS alternate (TCP 8443)",
            "tcp, 25, 25, HIGH, SMTP (TCP 25)",
            "tcp, 110, 110, HIGH, POP3 (TCP 110)",
            "tcp, 143, 143, HIGH, IMAP (TCP 143)",
            "tcp, 3000, 3000, HIGH, development server (TCP 3000)",
            "tcp, 5000, 5000, HIGH, development server (TCP 5000)",
            "tcp, 8888, 8888, HIGH, HTTP alternate (Jupyter) (TCP 8888)",
            "tcp, 2379, 2380, HIGH, 'TCP 2379-2380, among them etcd (2379), etcd (2380)'",
            "tcp, 10250, 10250, HIGH, kubelet (TCP 10250)",
            "tcp, 2375, 2376, HIGH, 'TCP 2375-2376, among them Docker API (2375), Docker API (2376)'",
            "udp, 4711, 4711, MEDIUM, UDP 4711",
            "sctp, 9999, 9999, MEDIUM, SCTP 9999",
            "udp, 53, 53, MEDIUM, DNS (UDP 53)",
            "tcp, 80, 80, INFO, HTTP (TCP 80)",
            "tcp, 443, 443, INFO, HTTPS (TCP 443)",
            "tcp, 8000, 8100, HIGH, 'TCP 8000-8100, among them development server (8000), HTTP proxy or application server (8080), HTTP alternate (8088)'",
            "tcp, 80, 81, MEDIUM, 'TCP 80-81, among them HTTP (80)'",
            "tcp, 443, 444, MEDIUM, 'TCP 443-444, among them HTTPS (443)'",
    })
    void aPortFromTheWholeInternetIsWeighedByTheRiskiestPortInside(String protocol, int low, int high,
                                                                   Severity severity, String words) {
        assertThat(worldOpenPort(protocol, low, high, "0.0.0.0/0")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(severity);
            assertThat(f.explanation()).contains(": " + words + ".");
        });
    }

    @ParameterizedTest(name = "{0}/{1}-{2} from {3}: nothing")
    @CsvSource({
            "tcp, 6443, 6443, 10.0.0.0/8",
            "tcp, 8080, 8080, 10.0.0.0/8",
            "tcp, 8443, 8443, 10.0.0.0/8",
            "tcp, 25, 25, 0.0.0.0/1",
            "tcp, 8000, 8100, 192.168.0.0/16",
            "tcp, 443, 443, 8.8.8.0/24",
    })
    void theSamePortsFromLessThanEveryAddressAreNotWorldOpen(String protocol, int low, int high, String cidr) {
        assertThat(worldOpenPort(protocol, low, high, cidr)).isEmpty();
    }

    @Test
    void twoHalvesOpeningKubernetesAreHighOnBoth() {
        List<Finding> found = only(review(group("k8s", ingress("tcp", 6443, 6443, "0.0.0.0/1"),
                ingress("tcp", 6443, 6443, "128.0.0.0/1"))), "world-open-port");

        assertThat(found).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.explanation()).contains("together cover every address");
        });
    }

    @Test
    void ipv6FromEverywhereCountsToo() {
        assertThat(only(review(group("web", ingress6("tcp", 8080, 8080, null))), "world-open-port"))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void aRemoteGroupRuleIsNeverWorldOpen() {
        var fromGroup = rule(Direction.INGRESS, EtherType.IPV4, "tcp", 8080, 8080, Remote.group("lb"));

        assertThat(only(review(group("web", fromGroup)), "world-open-port")).isEmpty();
    }

    @Test
    void aProtocolWithoutPortsIsNoPortFinding() {
        List<Finding> found = review(group("vpn", ingress("gre", null, null, null), ingress("50", null, null, null)));

        assertThat(only(found, "world-open-port")).isEmpty();
        assertThat(only(found, "world-open-all")).isEmpty();
    }

    @Test
    void adminAndDatabasePortsAreLeftToTheirOwnChecks() {
        List<Finding> found = review(group("web", ingress("tcp", 22, 22, null), ingress("tcp", 5432, 5432, null)));

        assertThat(only(found, "world-open-port")).isEmpty();
        assertThat(only(found, "world-open-admin-port")).hasSize(1);
        assertThat(only(found, "world-open-database-port")).hasSize(1);
    }

    @Test
    void aRangeWithAdminPortsReportsTheRestAsWell() {
        List<Finding> found = review(group("web", ingress("tcp", 20, 25, null)));

        assertThat(only(found, "world-open-admin-port")).hasSize(1);
        assertThat(only(found, "world-open-database-port")).hasSize(1);
        assertThat(only(found, "world-open-port")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.explanation()).contains("TCP 20-25, among them SMTP (25)");
        });
    }

    @Test
    void everyTcpPortIsHighAndNamesTheRiskyServices() {
        assertThat(worldOpenPort("tcp", 0, 65535, null)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.explanation()).contains("TCP all ports, among them", "SMTP (25)");
        });
    }

    @Test
    void everyProtocolIsWorldOpenAllAndNotRepeatedPortByPort() {
        List<Finding> found = review(group("web", ingress(null, null, null, null)));

        assertThat(only(found, "world-open-all")).hasSize(1);
        assertThat(only(found, "world-open-port")).isEmpty();
    }

    @Test
    void theListsComeFromTheSettingsAndAPublicServiceOutweighsAHighRisk() {
        var settings = ReviewSettings.defaults().withHighRiskPorts(Set.of(4711, 25))
                .withPublicServicePorts(Set.of(25, 443));
        var web = group("web", ingress("tcp", 4711, 4711, null), ingress("tcp", 25, 25, null),
                ingress("tcp", 6443, 6443, null));

        List<Finding> found = only(Review.of(List.of(web), List.of(), settings), "world-open-port");

        assertThat(found).extracting(Finding::severity)
                .containsExactly(Severity.HIGH, Severity.INFO, Severity.MEDIUM);
    }

    @Test
    void aPortMovedToTheAdminListIsReportedThereOnly() {
        var settings = ReviewSettings.defaults().withAdminPorts(Set.of(6443));
        List<Finding> found = Review.of(List.of(group("k8s", ingress("tcp", 6443, 6443, null))), List.of(),
                settings);

        assertThat(only(found, "world-open-port")).isEmpty();
        assertThat(only(found, "world-open-admin-port")).hasSize(1);
    }

    @Test
    void theCheckCanBeSwitchedOff() {
        var settings = ReviewSettings.defaults().withDisabled(Set.of("world-open-port"));

        assertThat(Review.of(List.of(group("web", ingress("tcp", 8080, 8080, null))), List.of(), settings))
                .noneMatch(f -> f.check().equals("world-open-port"));
    }

    @Test
    void theDefaultListsHoldWhatThePeersList() {
        ReviewSettings d = ReviewSettings.defaults();
        Set<Integer> watched = new java.util.HashSet<>(d.adminPorts());
        watched.addAll(d.databasePorts());
        watched.addAll(d.highRiskPorts());

        // Security Hub EC2.19
        assertThat(watched).contains(20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333,
                5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300);
        // Prowler: ec2_high_risk_ports and the per-service checks
        assertThat(watched).contains(25, 110, 135, 143, 445, 3000, 4333, 5000, 5500, 8080, 8088, 7000, 7001, 7199,
                9042, 9160, 8888, 11211, 27017, 27018, 6379, 9092, 1521, 2483, 2484, 389, 636, 88, 464, 749, 750);
        assertThat(d.publicServicePorts()).containsExactlyInAnyOrder(80, 443);
    }
}
