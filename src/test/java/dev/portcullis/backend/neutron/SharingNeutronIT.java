package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupShare;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sharing a group with another project on the real Neutron (trusted headers): two projects made up for the
 * run, an owner and a consumer, emptied after it.
 */
class SharingNeutronIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    private static final String OWNER = RUN + "owner";
    private static final String CONSUMER = RUN + "user";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static URI endpoint;

    @BeforeAll
    static void server() {
        endpoint = NeutronBackendIT.serverFor("SharingNeutronIT");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (endpoint == null) {
            return;
        }
        for (String project : List.of(OWNER, CONSUMER)) {
            HttpResponse<String> policies = CLIENT.send(request(project, "/v2.0/rbac-policies").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode p : JSON.readTree(policies.body()).path("rbac_policies")) {
                CLIENT.send(request(project, "/v2.0/rbac-policies/" + p.path("id").asText()).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            HttpResponse<String> groups = CLIENT.send(request(project, "/v2.0/security-groups").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode g : JSON.readTree(groups.body()).path("security_groups")) {
                if (g.path("project_id").asText().equals(project) && !g.path("name").asText().equals("default")) {
                    CLIENT.send(request(project, "/v2.0/security-groups/" + g.path("id").asText()).DELETE().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        }
    }

    private static HttpRequest.Builder request(String project, String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("X-User-Id", "portcullis-it").header("X-Project-Id", project).header("X-Roles", "member");
    }

    private static NeutronBackend as(String project) {
        return new NeutronBackend(FixedSession.open("sharing-it", endpoint, Map.of("X-User-Id",
                Secret.of("portcullis-it"), "X-Project-Id", Secret.of(project), "X-Roles", Secret.of("member"))),
                Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(5)));
    }

    @Test
    void aSharedGroupIsSeenByTheOtherProjectAsTheOwnersWhichOnlyTheOwnerChanges() throws Exception {
        try (NeutronBackend owner = as(OWNER); NeutronBackend consumer = as(CONSUMER)) {
            SecurityGroup web = owner.create(new GroupDraft("shared-web", "", true, List.of())).get(10, TimeUnit.SECONDS);

            GroupShare share = owner.share(web.ref(), CONSUMER).get(10, TimeUnit.SECONDS);

            assertThat(owner.shares().get(10, TimeUnit.SECONDS)).containsExactly(share);
            assertThat(share.groupId()).isEqualTo(web.id());
            Snapshot seen = consumer.load(ProgressListener.NONE).get(30, TimeUnit.SECONDS);
            assertThat(seen.group(web.id())).hasValueSatisfying(g -> {
                assertThat(g.shared()).isTrue();
                assertThat(g.projectId()).isEqualTo(OWNER);
            });
            assertThat(consumer.shares().get(10, TimeUnit.SECONDS)).isEmpty();
            ExecutionException twice = assertThrows(ExecutionException.class,
                    () -> owner.share(web.ref(), CONSUMER).get(10, TimeUnit.SECONDS));
            assertThat(((BackendException) twice.getCause()).kind()).isEqualTo(BackendException.Kind.CONFLICT);
            assertThat(twice.getCause().getMessage()).contains("shared with project " + CONSUMER + " already");

            owner.unshare(share).get(10, TimeUnit.SECONDS);
            owner.unshare(share).get(10, TimeUnit.SECONDS); // withdrawn already: withdrawn all the same

            assertThat(consumer.load(ProgressListener.NONE).get(30, TimeUnit.SECONDS).group(web.id())).isEmpty();
            assertThat(owner.shares().get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }
}
