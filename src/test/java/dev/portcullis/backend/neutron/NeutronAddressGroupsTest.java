package dev.portcullis.backend.neutron;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Remote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.portcullis.backend.neutron.NeutronBackendTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A load reads the project's address groups beside its interfaces, from answers recorded on the real Neutron
 * (a group with an SSH rule from the address group "office", whose prefixes Neutron keeps without host bits).
 */
class NeutronAddressGroupsTest {

    private static final String GROUPS = "/v2.0/security-groups";

    private WireMockServer server;
    private NeutronBackend backend;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        backend = NeutronBackendTest.on(server, Options.DEFAULTS.withPageSize(7).withGroupStreams(1));
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7" + GroupStreams.ASCENDING))
                .willReturn(json(200, "ag-sg-list-real.json")));
        server.stubFor(get(urlPathEqualTo("/v2.0/ports")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ports\": []}")));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.stop();
    }

    @Test
    void theProjectsAddressGroupsComeWithItsGroups() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v2.0/address-groups")).willReturn(json(200, "ag-list-real.json")));

        Snapshot snapshot = backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);

        assertThat(snapshot.addressGroups()).singleElement().satisfies(office -> {
            assertThat(office.id()).isEqualTo("9d440b92-5551-4f01-8688-60bf929c0519");
            assertThat(office.label()).isEqualTo("office");
            assertThat(office.addresses()).extracting(Cidr::toString)
                    .containsExactly("0.0.0.0/1", "10.0.0.1/32", "192.168.1.0/24", "::/0");
        });
        assertThat(snapshot.groups()).singleElement().satisfies(web -> assertThat(web.rules())
                .anySatisfy(rule -> assertThat(rule.remote())
                        .isEqualTo(new Remote.AddressGroup("9d440b92-5551-4f01-8688-60bf929c0519"))));
    }

    @Test
    void aServerWithoutAddressGroupsHasNone() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v2.0/address-groups")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"NeutronError\": {\"type\": \"HTTPNotFound\", \"message\": \"The resource could not be"
                        + " found.\", \"detail\": \"\"}}")));

        Snapshot snapshot = backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);

        assertThat(snapshot.addressGroups()).isEmpty();
        assertThat(snapshot.groups()).hasSize(1);
    }

    @Test
    void anAddressGroupThatCannotBeReadFailsTheLoadInWords() {
        server.stubFor(get(urlPathEqualTo("/v2.0/address-groups")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"address_groups\": [{\"id\": \"ag-1\", \"addresses\": [\"office\"]}]}")));

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS));

        assertThat(e.getCause()).isInstanceOf(BackendException.class)
                .hasMessageContaining("address group holds \"office\", which is not a prefix");
    }
}
