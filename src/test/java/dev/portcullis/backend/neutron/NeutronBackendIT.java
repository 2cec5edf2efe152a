package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendContract;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.PortRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend contract against a real Neutron with trusted headers (shared/neutron/RECIPE.md section 5), as
 * a member of a project made up for this run; each test has a project of its own (a project may hold 10
 * groups, and a member cannot raise that), named after the run's. The server's address comes from the system property
 * {@value #URL_PROPERTY}; without it the run fails, it is never skipped.
 */
class NeutronBackendIT extends BackendContract {

    static final String URL_PROPERTY = "portcullis.neutron.url";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The run's name: each test's project is this and a number. */
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    private static final java.util.List<String> PROJECTS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static URI endpoint;
    private String project;
    private String networkId;

    /** The server with trusted headers that {@code test} runs against; without one the run fails, never skips. */
    static URI serverFor(String test) {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(test + " needs a Neutron server with trusted headers: give its address"
                    + " with -D" + URL_PROPERTY + "=http://127.0.0.1:9697");
        }
        return URI.create(url);
    }

    @BeforeAll
    static void server() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("NeutronBackendIT needs a Neutron server with trusted headers: give "
                    + "its address with -D" + URL_PROPERTY + "=http://127.0.0.1:9697");
        }
        endpoint = URI.create(url);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (endpoint == null) {
            return;
        }
        for (String p : PROJECTS) {
            for (JsonNode port : call(p, "GET", "/v2.0/ports", null).path("ports")) {
                call(p, "DELETE", "/v2.0/ports/" + port.path("id").asText(), null);
            }
            for (JsonNode network : call(p, "GET", "/v2.0/networks", null).path("networks")) {
                call(p, "DELETE", "/v2.0/networks/" + network.path("id").asText(), null);
            }
            for (JsonNode group : call(p, "GET", "/v2.0/security-groups", null).path("security_groups")) {
                if (group.path("name").asText().equals("default")) {
                    continue; // a member cannot delete it; it is all the project has left
                }
                call(p, "DELETE", "/v2.0/security-groups/" + group.path("id").asText(), null);
            }
            for (JsonNode addressGroup : call(p, "GET", "/v2.0/address-groups", null).path("address_groups")) {
                call(p, "DELETE", "/v2.0/address-groups/" + addressGroup.path("id").asText(), null);
            }
        }
    }

    /** A member's project has Neutron's default quotas, read with their use: 10 groups, 100 rules. */
    @org.junit.jupiter.api.Test
    void theProjectsQuotasAreReadWithTheirUse() throws Exception {
        try (Backend fresh = newBackend()) {
            fresh.load(dev.portcullis.backend.ProgressListener.NONE).get(30, java.util.concurrent.TimeUnit.SECONDS);

            dev.portcullis.domain.Quotas quotas = fresh.quotas().get(30, java.util.concurrent.TimeUnit.SECONDS)
                    .orElseThrow();

            assertThat(quotas.groups()).isEqualTo(new dev.portcullis.domain.Quotas.Usage(1, 10));
            assertThat(quotas.rules()).isEqualTo(new dev.portcullis.domain.Quotas.Usage(4, 100));
        }
    }

    /**
     * A load brings the project's address groups as Neutron keeps them (host bits cleared), and SSH from one
     * whose two halves cover every IPv4 address is reviewed as open to the world, and the traffic check lets
     * any address through it.
     */
    @org.junit.jupiter.api.Test
    void anAddressGroupIsLoadedAndLookedInsideByTheReview() throws Exception {
        newBackend().close();
        String halves = call(project, "POST", "/v2.0/address-groups", "{\"address_group\":{\"name\":\"halves\","
                + "\"addresses\":[\"128.0.0.5/1\",\"0.0.0.0/1\",\"2001:db8::/32\"]}}").path("address_group")
                .path("id").asText();
        String web = call(project, "POST", "/v2.0/security-groups", "{\"security_group\":{\"name\":\"web\"}}")
                .path("security_group").path("id").asText();
        call(project, "POST", "/v2.0/security-group-rules", "{\"security_group_rule\":{\"security_group_id\":\""
                + web + "\",\"direction\":\"ingress\",\"ethertype\":\"IPv4\",\"protocol\":\"tcp\","
                + "\"port_range_min\":22,\"port_range_max\":22,\"remote_address_group_id\":\"" + halves + "\"}}");
        dev.portcullis.backend.Snapshot snapshot;
        try (NeutronBackend backend = new NeutronBackend(FixedSession.open("neutron-it", endpoint, headers()),
                Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(4)))) {
            snapshot = backend.load(dev.portcullis.backend.ProgressListener.NONE).get(30,
                    java.util.concurrent.TimeUnit.SECONDS);
        }

        org.assertj.core.api.Assertions.assertThat(snapshot.addressGroups()).singleElement().satisfies(a ->
                org.assertj.core.api.Assertions.assertThat(a.addresses()).extracting(Object::toString)
                        .containsExactly("0.0.0.0/1", "128.0.0.0/1", "2001:db8::/32"));
        java.util.List<dev.portcullis.review.Finding> findings = dev.portcullis.review.Review.of(snapshot.groups(),
                snapshot.ports(), snapshot.gaps(), snapshot.addressGroups(),
                dev.portcullis.review.ReviewSettings.defaults());
        org.assertj.core.api.Assertions.assertThat(findings).anySatisfy(f -> {
            org.assertj.core.api.Assertions.assertThat(f.check()).isEqualTo("world-open-admin-port");
            org.assertj.core.api.Assertions.assertThat(f.rule()).contains("from address group halves");
        });
    }

    private Map<String, Secret> headers() {
        return Map.of("X-User-Id", Secret.of("portcullis-it"), "X-Project-Id", Secret.of(project),
                "X-Roles", Secret.of("member"));
    }

    @Override
    protected Backend newBackend() {
        project = RUN + String.format("%08x", PROJECTS.size());
        PROJECTS.add(project);
        return new NeutronBackend(FixedSession.open("neutron-it", endpoint, headers()),
                Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(4)));
    }

    /**
     * Two streams of small pages, from each end of the list as this server sorts it (MariaDB: letter case aside),
     * meet without a gap or a duplicate, in the order of one stream and of the unsorted list's names.
     */
    @org.junit.jupiter.api.Test
    void twoStreamsOfSmallPagesReadTheProjectOnceInTheServersOrder() throws Exception {
        newBackend().close();
        for (String name : java.util.List.of("web", "Web", "app-2", "App-10", "db", "zeta", "Alpha", "web")) {
            call(project, "POST", "/v2.0/security-groups", "{\"security_group\":{\"name\":\"" + name + "\"}}");
        }
        java.util.List<java.util.List<String>> loads = new java.util.ArrayList<>();
        for (int streams = 1; streams <= 2; streams++) {
            for (int first = 1; first <= 3; first++) {
                try (NeutronBackend backend = new NeutronBackend(FixedSession.open("neutron-it", endpoint, headers()),
                        Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(4)).withPageSizes(first, 3)
                                .withGroupStreams(streams))) {
                    loads.add(backend.load(dev.portcullis.backend.ProgressListener.NONE).get(30,
                            java.util.concurrent.TimeUnit.SECONDS).groups().stream()
                            .map(g -> g.name() + " " + g.id()).toList());
                }
            }
        }

        java.util.List<String> listed = new java.util.ArrayList<>();
        call(project, "GET", "/v2.0/security-groups", null).path("security_groups")
                .forEach(g -> listed.add(g.path("name").asText() + " " + g.path("id").asText()));
        assertThat(listed).hasSize(9);
        java.util.List<String> ordered = listed.stream().sorted(java.util.Comparator.comparing(
                (String line) -> line.substring(0, line.lastIndexOf(' ')), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(line -> line.substring(line.lastIndexOf(' ') + 1))).toList();
        assertThat(loads).allSatisfy(load -> assertThat(load).isEqualTo(ordered));
    }

    @Override
    protected PortRef attachInterface(Backend backend, String name, GroupRef group) throws Exception {
        if (networkId == null) {
            networkId = call(project, "POST", "/v2.0/networks",
                    "{\"network\":{\"name\":\"portcullis-it\"}}").path("network").path("id").asText();
        }
        JsonNode port = call(project, "POST", "/v2.0/ports", "{\"port\":{\"network_id\":\"" + networkId + "\",\"name\":\""
                + name + "\",\"security_groups\":[\"" + group.id() + "\"]}}").path("port");
        assertThat(port.path("security_groups").get(0).asText()).isEqualTo(group.id());
        return new PortRef(port.path("id").asText(), name);
    }

    private static JsonNode call(String project, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-User-Id", "portcullis-it").header("X-Project-Id", project)
                .header("X-Roles", "member")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    @Override
    protected long revisionsOfAClaim() {
        return 1;
    }
}
