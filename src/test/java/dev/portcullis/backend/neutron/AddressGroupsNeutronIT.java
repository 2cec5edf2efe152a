package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.AddressGroupContract;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The address-group contract against the real Neutron with trusted headers ({@code -Dportcullis.neutron.url}),
 * each test in a project of its own, made up for the run and emptied after it.
 */
class AddressGroupsNeutronIT extends AddressGroupContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    private static final List<String> PROJECTS = new CopyOnWriteArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static URI endpoint;

    @BeforeAll
    static void server() {
        endpoint = NeutronBackendIT.serverFor("AddressGroupsNeutronIT");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (String project : PROJECTS) {
            for (JsonNode group : get(project, "/v2.0/security-groups").path("security_groups")) {
                if (!group.path("name").asText().equals("default")) {
                    delete(project, "/v2.0/security-groups/" + group.path("id").asText());
                }
            }
            for (JsonNode group : get(project, "/v2.0/address-groups").path("address_groups")) {
                delete(project, "/v2.0/address-groups/" + group.path("id").asText());
            }
        }
    }

    @Override
    protected Backend newBackend() {
        String project = RUN + String.format("%08x", PROJECTS.size());
        PROJECTS.add(project);
        return new NeutronBackend(FixedSession.open("address-groups-it", endpoint, headers(project)),
                Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(5)));
    }

    private static Map<String, Secret> headers(String project) {
        return Map.of("X-User-Id", Secret.of("portcullis-it"), "X-Project-Id", Secret.of(project),
                "X-Roles", Secret.of("member"));
    }

    private static HttpRequest.Builder request(String project, String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("X-User-Id", "portcullis-it").header("X-Project-Id", project).header("X-Roles", "member");
    }

    private static JsonNode get(String project, String path) throws Exception {
        HttpResponse<String> answer = CLIENT.send(request(project, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    private static void delete(String project, String path) throws Exception {
        CLIENT.send(request(project, path).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}
