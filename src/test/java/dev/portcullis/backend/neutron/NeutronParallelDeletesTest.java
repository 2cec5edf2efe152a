package dev.portcullis.backend.neutron;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule deletions of one apply run four at a time, in waves, against recorded answers replayed by WireMock.
 * Each deletion waits at a barrier of four before it is answered: a wave whose deletions were not all in
 * flight together would break the barrier and fail them, so the report proves they ran in parallel.
 */
class NeutronParallelDeletesTest {

    private static final String GROUPS = "/v2.0/security-groups";
    private static final String RULES = "/v2.0/security-group-rules/";

    /** Holds each answer back until four requests wait together. */
    static final class Barrier implements ResponseDefinitionTransformerV2 {
        final CyclicBarrier four = new CyclicBarrier(PlanRunner.PARALLEL_DELETES);

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            try {
                four.await(10, TimeUnit.SECONDS);
                return serveEvent.getResponseDefinition();
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                return new ResponseDefinition(599, "not four at once");
            }
        }

        @Override
        public String getName() {
            return "four-at-once";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    private WireMockServer server;
    private NeutronBackend backend;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Barrier()));
        server.start();
        backend = new NeutronBackend(new NeutronBackendTest.CountingSession(
                URI.create("http://127.0.0.1:" + server.port() + "/")),
                Options.DEFAULTS.withRequestTimeout(Duration.ofSeconds(20)).withRetries(0));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.stop();
    }

    private static Rule rule(int i) {
        return Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(1000 + i), Remote.ANYWHERE, "")
                .withId(String.format("00000000-0000-4000-8000-%012d", i));
    }

    /** The group, as the server answers it before and after the deletions. */
    private SecurityGroup app() {
        SecurityGroup app = NeutronParse.group(JsonSamples.tree(NeutronBackendTest.sample("74-hdr-member-sg-create.json")));
        server.stubFor(get(urlPathEqualTo(GROUPS + "/" + app.id()))
                .willReturn(NeutronBackendTest.json(200, "74-hdr-member-sg-create.json")));
        // a plan of rules alone claims the group first (its description, under If-Match)
        server.stubFor(put(urlPathEqualTo(GROUPS + "/" + app.id()))
                .willReturn(NeutronBackendTest.json(200, "26-sg-update-ifmatch-ok.json")));
        return app;
    }

    @Test
    void tenDeletionsRunInWavesOfFourAndAFailureInTheSecondWaveLeavesTheThirdNotTried() throws Exception {
        SecurityGroup app = app();
        List<Rule> deletes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deletes.add(rule(i));
            server.stubFor(delete(urlPathEqualTo(RULES + rule(i).id())).willReturn(i == 5
                    ? NeutronBackendTest.json(404, "62e-err-sgr-delete-missing.json").withTransformers("four-at-once")
                    : aResponse().withStatus(204).withTransformers("four-at-once")));
        }

        ApplyReport report = backend.apply(new ChangePlan(app.ref(), Optional.empty(), List.of(), List.of(), deletes))
                .get(30, TimeUnit.SECONDS);

        assertThat(report.steps()).extracting(s -> ((ChangePlan.DeleteRule) s.operation()).rule().id())
                .containsExactlyElementsOf(deletes.stream().map(Rule::id).toList());
        assertThat(report.steps()).extracting(ApplyReport.Step::outcome).containsExactly(
                Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED,
                Outcome.APPLIED, Outcome.FAILED, Outcome.APPLIED, Outcome.APPLIED,
                Outcome.NOT_TRIED, Outcome.NOT_TRIED);
        ApplyReport.Step failed = report.failure().orElseThrow();
        assertThat(failed.error().kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failed.error().getMessage()).isEqualTo("The rule Ingress IPv4 TCP 1005 from 0.0.0.0/0 is no longer "
                + "in this group (rule id " + rule(5).id() + ").");
        for (int i = 0; i < 10; i++) {
            server.verify(i < 8 ? 1 : 0, deleteRequestedFor(urlPathEqualTo(RULES + rule(i).id())));
        }
        assertThat(report.group().id()).isEqualTo(app.id());
    }

    @Test
    void whenEveryDeletionWorksTheReportSaysSoInThePlansOrder() throws Exception {
        SecurityGroup app = app();
        List<Rule> deletes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deletes.add(rule(i));
            server.stubFor(delete(urlPathEqualTo(RULES + rule(i).id()))
                    .willReturn(aResponse().withStatus(204).withTransformers("four-at-once")));
        }

        ApplyReport report = backend.apply(new ChangePlan(app.ref(), Optional.empty(), List.of(), List.of(), deletes))
                .get(30, TimeUnit.SECONDS);

        assertThat(report.complete()).isTrue();
        assertThat(report.steps()).extracting(s -> ((ChangePlan.DeleteRule) s.operation()).rule().id())
                .containsExactlyElementsOf(deletes.stream().map(Rule::id).toList());
    }
}
