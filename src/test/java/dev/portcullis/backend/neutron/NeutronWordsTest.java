package dev.portcullis.backend.neutron;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.openstack.FixedSession;
import dev.portcullis.backend.openstack.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What a network endpoint's refusals of a load are said as, against a fake endpoint. */
class NeutronWordsTest {

    static final String TOKEN = "gAAAAA-h14-neutron-token";

    WireMockServer server;
    NeutronBackend backend;

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        server.stop();
    }

    private BackendException loadFails(String scheme, int port) throws Exception {
        backend = new NeutronBackend(FixedSession.open("n", URI.create(scheme + "://127.0.0.1:" + port + "/network"),
                Map.of("X-Auth-Token", Secret.of(TOKEN))));
        try {
            backend.load(ProgressListener.NONE).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable t = NeutronHttp.unwrap(e);
            assertThat(t).isInstanceOf(BackendException.class);
            return (BackendException) t;
        }
        return fail("expected the load to fail");
    }

    private void serve(int status, String type, String body) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", type)
                .withBody(body)));
    }

    @Test
    void a404OnTheGroupListSaysTheEndpointDoesNotServeGroups() throws Exception {
        serve(404, "text/plain", "404 page not found");
        BackendException e = loadFails("http", server.port());

        assertThat(e.getMessage()).startsWith("The network endpoint does not serve security groups at http://127.0.0.1:"
                + server.port() + "/network/v2.0/security-groups").contains("(HTTP 404)",
                "network_endpoint_override", "region_name");
    }

    @Test
    void aTokenEchoedInARefusalIsNotShown() throws Exception {
        serve(401, "application/json", "{\"error\": {\"message\": \"token " + TOKEN + " rejected\"}}");
        BackendException e = loadFails("http", server.port());

        assertThat(e.getMessage()).contains("refused the credentials").doesNotContain(TOKEN);
    }

    @Test
    void aCertificateNotTrustedIsSaidInWords() throws Exception {
        server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(resource("server.p12")).keystoreType("PKCS12").keystorePassword("changeit")
                .keyManagerPassword("changeit"));
        server.start();
        BackendException e = loadFails("https", server.httpsPort());

        assertThat(e.getMessage()).contains("not signed by an authority this computer trusts", "set cacert")
                .doesNotContain("javax", "Exception", "PKIX", "sun.security");
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(NeutronWordsTest.class.getResource("/dev/portcullis/backend/openstack/" + name).toURI())
                .toString();
    }
}
