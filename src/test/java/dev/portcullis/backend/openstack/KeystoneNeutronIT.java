package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.neutron.NeutronBackend;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Signing in to the real Keystone that {@code scripts/neutron/neutron-up.sh} starts with
 * {@code WITH_KEYSTONE=1}, through a clouds.yaml as an administrator would write it, and using the token
 * on the Neutron that checks it (the catalog's network endpoint, 127.0.0.1:9698). Run by
 * {@code mvn verify -Pneutron}; without the server's address it fails rather than skipping.
 */
class KeystoneNeutronIT {

    private static String keystone;
    private static JsonNode appCredential;

    @TempDir
    Path home;

    @BeforeAll
    static void where() throws Exception {
        keystone = System.getProperty("portcullis.keystone.url");
        assertThat(keystone).as("system property portcullis.keystone.url (run with -Pneutron)").isNotBlank();
        String credentialFile = System.getProperty("portcullis.keystone.appcred");
        assertThat(credentialFile).as("system property portcullis.keystone.appcred").isNotBlank();
        appCredential = new ObjectMapper().readTree(Files.readString(Path.of(credentialFile)));
    }

    @Test
    void aPasswordCloudGetsATokenAndFindsNeutronInTheCatalog() throws Exception {
        try (Session session = open("""
                clouds:
                  demo:
                    region_name: RegionOne
                    auth:
                      auth_url: %s
                      username: demo
                      password: demo
                      project_name: demo
                      user_domain_name: Default
                      project_domain_name: Default
                """.formatted(keystone), "demo")) {
            Access access = session.access().get(30, SECONDS);

            assertThat(access.networkEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9698"));
            assertThat(groupsStatus(session, access)).isEqualTo(200);
            assertThat(access.toString()).doesNotContain(access.headers().get("X-Auth-Token").reveal());
        }
    }

    @Test
    void theSecretCanLiveInSecureYaml() throws Exception {
        Files.writeString(home.resolve("secure.yaml"), """
                clouds:
                  demo:
                    auth:
                      password: demo
                """);
        try (Session session = open("""
                clouds:
                  demo:
                    auth:
                      auth_url: %s
                      username: demo
                      project_name: demo
                """.formatted(keystone), "demo")) {
            assertThat(groupsStatus(session, session.access().get(30, SECONDS))).isEqualTo(200);
        }
    }

    @Test
    void anApplicationCredentialSignsIn() throws Exception {
        try (Session session = open("""
                clouds:
                  ci:
                    auth_type: v3applicationcredential
                    auth:
                      auth_url: %s
                      application_credential_id: %s
                      application_credential_secret: %s
                """.formatted(keystone, appCredential.get("id").asText(), appCredential.get("secret").asText()),
                "ci")) {
            assertThat(groupsStatus(session, session.access().get(30, SECONDS))).isEqualTo(200);
        }
    }

    @Test
    void aTokenCloudUsesTheTokenItIsGiven() throws Exception {
        String token;
        try (Session password = open(passwordCloud("demo"), "demo")) {
            token = password.access().get(30, SECONDS).headers().get("X-Auth-Token").reveal();
        }
        try (Session session = open("""
                clouds:
                  t:
                    auth_type: v3token
                    auth:
                      auth_url: %s
                      token: %s
                      project_name: demo
                      project_domain_name: Default
                """.formatted(keystone, token), "t")) {
            assertThat(groupsStatus(session, session.access().get(30, SECONDS))).isEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordIsRefusedInWordsWithoutThePassword() throws Exception {
        try (Session session = open(passwordCloud("not-the-password-4711"), "demo")) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> session.access().get(30, SECONDS));

            assertThat(failed.getCause()).isInstanceOf(BackendException.class);
            BackendException refusal = (BackendException) failed.getCause();
            assertThat(refusal.getMessage()).contains("Keystone refused").doesNotContain("not-the-password-4711");
        }
    }

    @Test
    void aRefusedTokenIsRenewedOnce() throws Exception {
        try (Session session = open(passwordCloud("demo"), "demo")) {
            Access first = session.access().get(30, SECONDS);
            Access forged = new Access(first.networkEndpoint(), Map.of("X-Auth-Token", Secret.of("gAAAAAforged")));
            assertThat(groupsStatus(session, forged)).isEqualTo(401);

            Access renewed = session.reauthenticate(forged).get(30, SECONDS);

            assertThat(groupsStatus(session, renewed)).isEqualTo(200);
        }
    }

    @Test
    void theNeutronBackendWorksOnAKeystoneSessionAndAMembersRefusalsComeInWords() throws Exception {
        try (NeutronBackend backend = new NeutronBackend(open(passwordCloud("demo"), "demo"))) {
            SecurityGroup created = backend.create(GroupDraft.newGroup(
                    "keystone-it-" + UUID.randomUUID().toString().substring(0, 8), "via a Keystone token"))
                    .get(30, SECONDS);
            assertThat(created.rules()).hasSize(2);
            backend.delete(created.ref()).get(30, SECONDS);

            // As a member, the project's default group cannot be deleted (an admin could).
            GroupRef defaultGroup = new GroupRef(defaultGroupId(backend), "default", 1);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> backend.delete(defaultGroup).get(30, SECONDS));
            BackendException refusal = (BackendException) refused.getCause();
            assertThat(refusal.code()).isEqualTo("SecurityGroupCannotRemoveDefault");
            assertThat(refusal.kind()).isEqualTo(BackendException.Kind.CONFLICT);
        }
    }

    /** The default group's id, asked for by name so that a project holding many groups is not loaded. */
    private static String defaultGroupId(NeutronBackend backend) throws Exception {
        try (Session session = open(passwordCloudStatic("demo"), "demo", Files.createTempDirectory("ks-it"))) {
            Access access = session.access().get(30, SECONDS);
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(access.networkEndpoint() + "/v2.0/security-groups?name=default&fields=id"));
            access.headers().forEach((name, value) -> request.header(name, value.reveal()));
            String body = session.http().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(body).path("security_groups").get(0).path("id").asText();
        }
    }

    private String passwordCloud(String password) {
        return passwordCloudStatic(password);
    }

    private static String passwordCloudStatic(String password) {
        return """
                clouds:
                  demo:
                    auth:
                      auth_url: %s
                      username: demo
                      password: %s
                      project_name: demo
                """.formatted(keystone, password);
    }

    private Session open(String cloudsYaml, String cloud) throws Exception {
        return open(cloudsYaml, cloud, home);
    }

    private static Session open(String cloudsYaml, String cloud, Path home) throws Exception {
        Files.writeString(home.resolve("clouds.yaml"), cloudsYaml);
        CloudConfigs configs = CloudConfigs.load(Map.of(), home, home.resolve("no-home"), home.resolve("no-etc"));
        assertThat(configs.problems()).isEmpty();
        return Sessions.open(configs.cloud(cloud));
    }

    private static int groupsStatus(Session session, Access access) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(access.networkEndpoint() + "/v2.0/security-groups?limit=1"));
        access.headers().forEach((name, value) -> request.header(name, value.reveal()));
        return session.http().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
