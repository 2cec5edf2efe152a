package dev.portcullis.backend.openstack;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.portcullis.backend.openstack.KeystoneSessionTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** What Keystone's refusals are said as, against a fake Keystone. */
class KeystoneWordsTest {

    @TempDir
    Path dir;

    WireMockServer keystone;
    final TestClock clock = new TestClock(KeystoneSessionTest.ISSUED);

    @BeforeEach
    void start() {
        keystone = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        keystone.start();
    }

    @AfterEach
    void stop() {
        keystone.stop();
    }

    private CloudConfig cloud(String auth) throws IOException {
        Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  k:\n" + (auth + "  auth_url: http://127.0.0.1:"
                + keystone.port() + "/v3\n  project_id: x\n").indent(4));
        return CloudConfigs.load(Map.of("XDG_CONFIG_DIRS", dir.resolve("none").toString()), dir, dir, dir.resolve("etc"))
                .cloud("k");
    }

    private void answer(int status, String type, String body) {
        keystone.stubFor(post(KeystoneSessionTest.TOKENS).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", type).withBody(body)));
    }

    /** The failure of a session given a token that Keystone answers {@code status} with {@code message} to. */
    private BackendException tokenRefused(int status, String message) throws Exception {
        answer(status, "application/json", "{\"error\": {\"code\": " + status + ", \"title\": \"Refused\","
                + " \"message\": \"" + message + "\"}}");
        return failure(Sessions.open(cloud("auth_type: token\nauth:\n  token: gAAAAA-old-token-h14\n"), clock)
                .access());
    }

    @Test
    void anUnknownTokenIsSaidAsARefusedTokenNotAMissingService() throws Exception {
        // Keystone answers an unknown (expired, revoked) token given with auth_type token with 404
        BackendException e = tokenRefused(404, "Could not find token: gAAAAA-old-token-h14.");

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("Keystone refused the token of cloud 'k'", "expired or was revoked",
                "Sign in again").doesNotContain("There is no Keystone", "gAAAAA-old-token-h14");
    }

    @Test
    void anUnknownUserOrProjectIsSaidAsRefusedCredentials() throws Exception {
        answer(404, "application/json", "{\"error\": {\"code\": 404, \"title\": \"Not Found\", \"message\":"
                + " \"Could not find project: x.\"}}");
        BackendException e = failure(Sessions.open(cloud("auth:\n  username: u\n  password: secret-h14\n"), clock)
                .access());

        assertThat(e.getMessage()).contains("Keystone refused the credentials of cloud 'k'", "Could not find project",
                "Check the user, project").doesNotContain("There is no Keystone");
    }

    @Test
    void aPageThatIsNotKeystoneStillPointsAtAuthUrl() throws Exception {
        answer(404, "text/html", "<html><head><title>404 Not Found</title></head></html>");
        BackendException e = failure(Sessions.open(cloud("auth:\n  username: u\n  password: secret-h14\n"), clock)
                .access());

        assertThat(e.getMessage()).contains("There is no Keystone v3 token service", "check auth_url");
    }

    @Test
    void aRefusedTokenSaysToSignInAgain() throws Exception {
        BackendException e = tokenRefused(401, "The token gAAAAA-old-token-h14 is expired");

        assertThat(e.getMessage()).contains("Keystone refused the token", "sign in again")
                .doesNotContain("gAAAAA-old-token-h14");
    }
}
