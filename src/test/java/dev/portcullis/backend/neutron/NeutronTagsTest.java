package dev.portcullis.backend.neutron;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.portcullis.backend.neutron.NeutronBackendTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How the Neutron backend writes tags, against recorded answers: the group read and claimed under If-Match
 * on its revision (Neutron's tag calls refuse If-Match), then the whole list in one PUT .../tags body.
 */
class NeutronTagsTest {

    /** The group of 26-sg-update-ifmatch-ok.json: revision 5, tags frontend and prod. */
    private static final String ID = "cc08fa22-7f0b-445b-86bc-a5199b87ee97";
    private static final String GROUP = "/v2.0/security-groups/" + ID;

    private WireMockServer server;
    private NeutronBackend backend;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        backend = new NeutronBackend(new NeutronBackendTest.CountingSession(
                URI.create("http://127.0.0.1:" + server.port() + "/")),
                Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(5)));
        server.stubFor(get(urlEqualTo(GROUP)).willReturn(json(200, "26-sg-update-ifmatch-ok.json")));
        server.stubFor(put(urlEqualTo(GROUP)).willReturn(json(200, "26-sg-update-ifmatch-ok.json")));
        server.stubFor(put(urlEqualTo(GROUP + "/tags")).willReturn(json(200, "24b-sg-tags-replace.json")));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.stop();
    }

    private static BackendException refusal(java.util.concurrent.CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(BackendException.class);
        return (BackendException) e.getCause();
    }

    @Test
    void theGroupIsClaimedUnderItsRevisionThenTheWholeListGoesInTheBody() throws Exception {
        SecurityGroup after = backend.retag(new GroupRef(ID, "web", 5), List.of("prod", "a/b", "\u00e9t\u00e9"))
                .get(10, TimeUnit.SECONDS);

        assertThat(after.id()).isEqualTo(ID);
        server.verify(putRequestedFor(urlEqualTo(GROUP)).withHeader("If-Match", equalTo("revision_number=5"))
                .withRequestBody(equalToJson("{\"security_group\": {\"description\": \"ifmatch ok\"}}")));
        server.verify(putRequestedFor(urlEqualTo(GROUP + "/tags")).withHeader("If-Match", absent())
                .withRequestBody(equalToJson("{\"tags\": [\"prod\", \"a/b\", \"\u00e9t\u00e9\"]}")));
    }

    @Test
    void theTagsItHasAlreadySendNothing() throws Exception {
        backend.retag(new GroupRef(ID, "web", 5), List.of("PROD", "frontend")).get(10, TimeUnit.SECONDS);

        server.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void aGroupChangedSinceItWasReadIsRefusedBeforeAnythingIsWritten() {
        BackendException stale = refusal(backend.retag(new GroupRef(ID, "web", 4), List.of("x")));

        assertThat(stale.kind()).isEqualTo(BackendException.Kind.STALE);
        server.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void tagsNeutronWouldRefuseAreRefusedWithoutAskingIt() {
        BackendException twice = refusal(backend.retag(new GroupRef(ID, "web", 5), List.of("B", "b")));

        assertThat(twice.kind()).isEqualTo(BackendException.Kind.INVALID);
        assertThat(twice.getMessage()).startsWith("The tags were not changed: The tag \"b\" is there twice");
        server.verify(0, anyRequestedFor(anyUrl()));
    }
}
