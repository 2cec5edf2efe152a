package dev.portcullis.backend.neutron;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.portcullis.domain.Quotas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.portcullis.backend.neutron.NeutronBackendTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The project's quota usage, from answers recorded on the real Neutron for a member's new project. */
class NeutronQuotasTest {

    private static final String PROJECT = "quota1796401732abcdef";

    private WireMockServer server;
    private NeutronBackend backend;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        backend = NeutronBackendTest.on(server, Options.DEFAULTS);
        server.stubFor(get(urlPathEqualTo("/v2.0/quotas/project")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"project\": {\"project_id\": \"" + PROJECT + "\"}}")));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.stop();
    }

    @Test
    void theGroupAndRuleQuotasAreReadWithTheirUse() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v2.0/quotas/" + PROJECT + "/details"))
                .willReturn(json(200, "quota-details-member-real.json")));

        Optional<Quotas> quotas = backend.quotas().get(10, TimeUnit.SECONDS);

        assertThat(quotas).hasValueSatisfying(q -> {
            assertThat(q.groups()).isEqualTo(new Quotas.Usage(1, 10));
            assertThat(q.rules()).isEqualTo(new Quotas.Usage(4, 100));
            assertThat(q.text()).isEqualTo("1 of 10 security groups, 4 of 100 rules");
        });
    }

    @Test
    void aServerThatDoesNotLetTheQuotaBeReadHasNoneAndThatIsNoFailure() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v2.0/quotas/" + PROJECT + "/details")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json").withBody("{\"NeutronError\": {"
                        + "\"type\": \"HTTPForbidden\", \"message\": \"not allowed\", \"detail\": \"\"}}")));

        assertThat(backend.quotas().get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
