package dev.portcullis.backend.neutron;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.ApplyReport.Outcome;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.openstack.Access;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Neutron backend against recorded answers of the real server (shared/neutron/samples), replayed by
 * WireMock, with the faults a network has. Waits between tries are noted, not waited.
 */
class NeutronBackendTest {

    private static final String GROUPS = "/v2.0/security-groups";
    private static final String APP = "dccf1dac-83c0-48dc-a166-c13e5dae42a7";
    private static final String TOKEN = "tok-first-0123456789";
    private static final String RENEWED = "tok-renewed-9876543210";

    private WireMockServer server;
    private CountingSession session;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private NeutronBackend backend;

    /** A session whose token changes when it authenticates again, counting how often it does. */
    static final class CountingSession implements Session {
        final HttpClient http = HttpClient.newHttpClient();
        final URI endpoint;
        final AtomicInteger reauthentications = new AtomicInteger();
        volatile String token = TOKEN;

        CountingSession(URI endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public String describe() {
            return "recorded";
        }

        @Override
        public HttpClient http() {
            return http;
        }

        @Override
        public CompletableFuture<Access> access() {
            return CompletableFuture.completedFuture(new Access(endpoint, Map.of("X-Auth-Token", Secret.of(token))));
        }

        @Override
        public CompletableFuture<Access> reauthenticate(Access refused) {
            reauthentications.incrementAndGet();
            token = RENEWED;
            return access();
        }
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        session = new CountingSession(URI.create("http://127.0.0.1:" + server.port() + "/"));
        backend = backend(Options.DEFAULTS.withPageSize(7).withRequestTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        backend.close();
        server.stop();
    }

    private NeutronBackend backend(Options options) {
        if (backend != null) {
            backend.close();
        }
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
        return new NeutronBackend(session, options, wait -> {
            waits.add(wait);
            return ForkJoinPool.commonPool();
        }, () -> 0.5, clock);
    }

    /** A backend on a recorded-answer server, waits noted not waited, at a fixed time. */
    static NeutronBackend on(WireMockServer server, Options options) {
        return new NeutronBackend(new CountingSession(URI.create("http://127.0.0.1:" + server.port() + "/")), options,
                wait -> ForkJoinPool.commonPool(), () -> 0.5,
                Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));
    }

    static String sample(String name) {
        try (InputStream in = NeutronBackendTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, String sampleName) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(sample(sampleName));
    }

    private void noPorts() {
        server.stubFor(get(urlPathEqualTo("/v2.0/ports")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ports\": []}")));
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static BackendException refusal(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(BackendException.class);
        return (BackendException) e.getCause();
    }

    // --- pagination ----------------------------------------------------------------------------------------

    private static final String UP = GroupStreams.ASCENDING;
    private static final String DOWN = GroupStreams.DESCENDING;

    @Test
    void aFullLastPageIsFollowedByTheEmptyPageAndTheLoadEnds() throws Exception {
        backend = backend(Options.DEFAULTS.withPageSize(7).withGroupStreams(1));
        noPorts();
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7" + UP)).willReturn(json(200, "15o-sg-list-limit-exact-total.json")));
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7&marker=" + APP + UP))
                .willReturn(json(200, "15p-sg-list-empty-page-after-next.json")));
        List<Integer> pages = new CopyOnWriteArrayList<>();

        Snapshot snapshot = await(backend.load((page, soFar) -> pages.add(soFar)));

        assertThat(snapshot.groups()).hasSize(7);
        assertThat(pages).containsExactly(7);
        server.verify(2, getRequestedFor(urlPathEqualTo(GROUPS)));
        server.verify(getRequestedFor(urlPathEqualTo(GROUPS)).withHeader("X-Auth-Token", equalTo(TOKEN)));
    }

    /** The second stream's first page holds what the first read already: the two have met, and both stop. */
    @Test
    void aSecondStreamFromTheEndStopsWhereItMeetsTheFirst() throws Exception {
        backend = backend(Options.DEFAULTS.withPageSize(7).withGroupStreams(2));
        noPorts();
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7" + UP)).willReturn(json(200, "15o-sg-list-limit-exact-total.json")));
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7&marker=" + APP + UP))
                .willReturn(json(200, "15p-sg-list-empty-page-after-next.json")));
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7" + DOWN)).willReturn(json(200, "15o-sg-list-limit-exact-total.json")));

        Snapshot snapshot = await(backend.load(ProgressListener.NONE));

        assertThat(snapshot.groups()).hasSize(7).extracting(SecurityGroup::id).doesNotHaveDuplicates();
        server.verify(1, getRequestedFor(urlEqualTo(GROUPS + "?limit=7" + DOWN)));
        server.verify(3, getRequestedFor(urlPathEqualTo(GROUPS)));
    }

    @Test
    void aMarkerNeutronIgnoresDoesNotMakeTheLoadGoOnForever() throws Exception {
        backend = backend(Options.DEFAULTS.withPageSize(2).withGroupStreams(1));
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(json(200, "15f-sg-list-unknown-marker-ignored.json")));

        Snapshot snapshot = await(backend.load(ProgressListener.NONE));

        assertThat(snapshot.groups()).hasSize(2).extracting(SecurityGroup::id).doesNotHaveDuplicates();
        server.verify(2, getRequestedFor(urlPathEqualTo(GROUPS)));
    }

    @Test
    void laterPagesGrowFourfoldUpToTheLargestSoABigProjectTakesFewRequests() throws Exception {
        backend = backend(Options.DEFAULTS.withPageSizes(7, 20).withGroupStreams(1)
                .withRequestTimeout(Duration.ofSeconds(5)));
        noPorts();
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7" + UP)).willReturn(json(200, "15o-sg-list-limit-exact-total.json")));
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=20&marker=" + APP + UP))
                .willReturn(json(200, "15p-sg-list-empty-page-after-next.json")));

        assertThat(await(backend.load(ProgressListener.NONE)).groups()).hasSize(7);

        server.verify(1, getRequestedFor(urlEqualTo(GROUPS + "?limit=20&marker=" + APP + UP)));
        server.verify(2, getRequestedFor(urlPathEqualTo(GROUPS)));
    }

    @Test
    void theListenerSeesTheFirstPageBeforeTheLoadCompletes() throws Exception {
        noPorts();
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7" + UP)).willReturn(json(200, "15o-sg-list-limit-exact-total.json")));
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7&marker=" + APP + UP))
                .willReturn(json(200, "15p-sg-list-empty-page-after-next.json").withFixedDelay(1500)));
        server.stubFor(get(urlEqualTo(GROUPS + "?limit=7" + DOWN))
                .willReturn(json(200, "15o-sg-list-limit-exact-total.json").withFixedDelay(1500)));
        CountDownLatch firstPage = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();

        CompletableFuture<Snapshot> load = backend.load((page, soFar) -> {
            threads.add(Thread.currentThread().getName());
            firstPage.countDown();
        });

        assertThat(firstPage.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(load).isNotDone();
        assertThat(await(load).groups()).hasSize(7);
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("portcullis-neutron-"));
    }

    @Test
    void interfacesAreLoadedWithTheGroupsAndLabelledForPeople() throws Exception {
        server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(json(200, "71-hdr-member-sg-list.json")));
        server.stubFor(get(urlPathEqualTo("/v2.0/ports")).willReturn(json(200, "75b-hdr-port-create-with-sg.json")
                .withBody("{\"ports\": [" + portOf("75b-hdr-port-create-with-sg.json") + "]}")));

        Snapshot snapshot = await(backend.load(ProgressListener.NONE));

        assertThat(snapshot.groups()).singleElement().satisfies(g -> {
            assertThat(g.isDefault()).isTrue();
            assertThat(g.rules()).hasSize(4);
        });
        assertThat(snapshot.portsUsing(APP)).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("port-a"));
        assertThat(NeutronParse.label(new dev.portcullis.domain.Port("p1", "", "4f1c2d3e-aaaa", "compute:nova",
                List.of("10.0.0.11"), List.of()))).isEqualTo("compute:nova 4f1c2d3e (10.0.0.11)");
    }

    private static String portOf(String sampleName) {
        String body = sample(sampleName).strip();
        return body.substring(body.indexOf(':') + 1, body.length() - 1);
    }

    // --- faults ---------------------------------------------------------------------------------------------

    @Test
    void aResetConnectionIsTriedAgainForAGetAfterAWait() throws Exception {
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(GROUPS)).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(json(200, "71-hdr-member-sg-list.json")));

        assertThat(await(backend.load(ProgressListener.NONE)).groups()).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofMillis(100)); // half (random 0.5) of the 200 ms base
    }

    @Test
    void aResetConnectionOnAPostIsNeverTriedAgain() {
        server.stubFor(post(urlPathEqualTo(GROUPS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        BackendException e = refusal(backend.create(dev.portcullis.domain.GroupDraft.newGroup("app", "")));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("Could not reach the network service at http://127.0.0.1:");
        server.verify(1, postRequestedFor(urlPathEqualTo(GROUPS)));
        assertThat(waits).isEmpty();
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsUnavailableAfterTheRetries() {
        backend = backend(Options.DEFAULTS.withRequestTimeout(Duration.ofMillis(300)).withRetries(1));
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(json(200, "71-hdr-member-sg-list.json")
                .withFixedDelay(3000)));

        BackendException e = refusal(backend.load(ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.code()).isEqualTo(NeutronErrors.TIMEOUT);
        assertThat(e.getMessage()).contains("did not answer within 300 ms");
        server.verify(2, getRequestedFor(urlPathEqualTo(GROUPS)));
    }

    @Test
    void aServerThatSendsItsHeadersButStallsTheBodyTimesOut() throws Exception {
        // The request timeout of java.net.http ends when the headers arrive; the body must be bounded too.
        try (dev.portcullis.backend.StallingServer stalling = new dev.portcullis.backend.StallingServer(200, "")) {
            NeutronBackend stalled = new NeutronBackend(new CountingSession(stalling.uri()),
                    Options.DEFAULTS.withRequestTimeout(Duration.ofMillis(300)).withRetries(0));
            try {
                BackendException e = refusal(stalled.load(ProgressListener.NONE));

                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.code()).isEqualTo(NeutronErrors.TIMEOUT);
                assertThat(e.getMessage()).contains("did not answer within 300 ms");
            } finally {
                stalled.close();
            }
        }
    }

    @Test
    void theOneArgumentBackendTakesTheSessionsTimeout() {
        NeutronBackend plain = new NeutronBackend(new dev.portcullis.backend.openstack.FixedSession("short",
                session.http, new Access(session.endpoint, Map.of()), Duration.ofMillis(300), null));
        try {
            noPorts();
            server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(json(200, "71-hdr-member-sg-list.json")
                    .withFixedDelay(15_000)));

            BackendException e = refusal(plain.load(ProgressListener.NONE));

            assertThat(e.code()).isEqualTo(NeutronErrors.TIMEOUT);
            assertThat(e.getMessage()).contains("did not answer within 300 ms");
        } finally {
            plain.close();
        }
    }

    @Test
    void anInternalErrorIsNotTriedAgain() {
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(json(500, "64c-err-sgr-update-not-allowed.json")));

        BackendException e = refusal(backend.load(ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.code()).isEqualTo("HTTPInternalServerError");
        server.verify(1, getRequestedFor(urlPathEqualTo(GROUPS)));
    }

    @Test
    void unavailableWithRetryAfterIsTriedAgainAfterTheWaitItAsks() throws Exception {
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("dated"));
        server.stubFor(get(urlPathEqualTo(GROUPS)).inScenario("busy").whenScenarioStateIs("dated")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Thu, 26 Nov 2026 13:00:00 GMT"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(GROUPS)).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(json(200, "71-hdr-member-sg-list.json")));

        assertThat(await(backend.load(ProgressListener.NONE)).groups()).hasSize(1);
        assertThat(waits).as("seconds as given; an hour away is capped").containsExactly(Duration.ofSeconds(2),
                Options.DEFAULTS.backoffCap());
    }

    @Test
    void anAnswerThatIsNotJsonIsUnavailableInWords() {
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"security_groups\": [")));

        BackendException e = refusal(backend.load(ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.code()).isEqualTo(NeutronErrors.NOT_JSON);
        assertThat(e.getMessage()).contains("GET /v2.0/security-groups").contains("not the JSON");
    }

    @Test
    void a401AuthenticatesAgainOnceAndSendsTheNewToken() throws Exception {
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).withHeader("X-Auth-Token", equalTo(TOKEN))
                .willReturn(json(401, "100-ks-no-token-401.json")));
        server.stubFor(get(urlPathEqualTo(GROUPS)).withHeader("X-Auth-Token", equalTo(RENEWED))
                .willReturn(json(200, "71-hdr-member-sg-list.json")));

        assertThat(await(backend.load(ProgressListener.NONE)).groups()).hasSize(1);
        assertThat(session.reauthentications).hasValue(1);
    }

    @Test
    void aSecond401IsFinalAndNamesNoToken() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/html")
                .withBody(sample("70-hdr-no-user-401.html"))));

        BackendException e = refusal(backend.delete(new GroupRef(APP, "app", 1)));

        assertThat(session.reauthentications).hasValue(1);
        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("401").doesNotContain(TOKEN).doesNotContain(RENEWED)
                .doesNotContain("<html>");
        server.verify(2, deleteRequestedFor(urlPathEqualTo(GROUPS + "/" + APP)));
    }

    // --- apply ----------------------------------------------------------------------------------------------

    private SecurityGroup app() {
        return NeutronParse.group(JsonSamples.tree(sample("74-hdr-member-sg-create.json")));
    }

    @Test
    void aConflictInTheMiddleOfAnApplySaysWhatRanAndNamesTheRule() throws Exception {
        SecurityGroup app = app();
        Rule ssh = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.ANYWHERE, "");
        ChangePlan plan = new ChangePlan(app.ref(), Optional.of(new ChangePlan.GroupUpdate("app2", "", true,
                java.util.Set.of(ChangePlan.GroupUpdate.NAME))), List.of(), List.of(ssh), List.of(app.rules().get(0)));
        server.stubFor(put(urlPathEqualTo(GROUPS + "/" + APP)).withHeader("If-Match", equalTo("revision_number=1"))
                .withRequestBody(equalTo("{\"security_group\":{\"name\":\"app2\"}}"))
                .willReturn(json(200, "26-sg-update-ifmatch-ok.json")));
        server.stubFor(post(urlPathEqualTo("/v2.0/security-group-rules"))
                .withRequestBody(matchingJsonPath("$.security_group_rules[0].port_range_min", equalTo("22")))
                .willReturn(json(409, "54-err-duplicate-rule.json")));
        server.stubFor(get(urlPathEqualTo("/v2.0/security-group-rules/4c248ff9-7101-4def-8323-9faece0fb494"))
                .willReturn(json(200, "16-sgr-show.json")));
        server.stubFor(get(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(200, "74-hdr-member-sg-create.json")));

        ApplyReport report = await(backend.apply(plan));

        assertThat(report.steps()).extracting(ApplyReport.Step::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.FAILED, Outcome.NOT_TRIED);
        BackendException error = report.failure().orElseThrow().error();
        assertThat(error.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(error.getMessage()).startsWith("The rule Ingress IPv4 ").contains("already exists")
                .contains("4c248ff9-7101-4def-8323-9faece0fb494");
        server.verify(0, deleteRequestedFor(urlPathEqualTo("/v2.0/security-group-rules/" + app.rules().get(0).id())));
    }

    @Test
    void whenTheServerGoesAwayPartWayTheFailureStillSaysWhatWasSaved() {
        // The rename lands, then the server goes away: the rules and the read-back both fail. The apply
        // cannot answer a report without the group, but its failure must not pass for "nothing was saved".
        SecurityGroup app = app();
        Rule ssh = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.ANYWHERE, "");
        ChangePlan plan = new ChangePlan(app.ref(), Optional.of(new ChangePlan.GroupUpdate("app2", "", true,
                java.util.Set.of(ChangePlan.GroupUpdate.NAME))), List.of(), List.of(ssh), List.of());
        server.stubFor(put(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(200, "26-sg-update-ifmatch-ok.json")));
        server.stubFor(post(urlPathEqualTo("/v2.0/security-group-rules"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlPathEqualTo(GROUPS + "/" + APP)).inScenario("goes away").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "74-hdr-member-sg-create.json")).willSetStateTo("gone"));
        server.stubFor(get(urlPathEqualTo(GROUPS + "/" + APP)).inScenario("goes away").whenScenarioStateIs("gone")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        BackendException e = refusal(backend.apply(plan));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage())
                .contains("1 of 2 changes")
                .contains("Saved: Rename the group to \"app2\"")
                .contains("Failed: Add 1 rule")
                .contains("Could not reach the network service")
                .contains("reload");
    }

    @Test
    void aStaleRevisionBeforeAnythingRanIsRefusedAsStale() {
        SecurityGroup app = app();
        server.stubFor(get(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(200, "74-hdr-member-sg-create.json")));
        server.stubFor(put(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(412,
                "27-err-sg-update-ifmatch-mismatch.json")));

        BackendException e = refusal(backend.apply(ChangePlan.between(app,
                new dev.portcullis.domain.GroupDraft("other", "", true, app.rules()))));

        assertThat(e.kind()).isEqualTo(Kind.STALE);
        assertThat(e.code()).isEqualTo("RevisionNumberConstraintFailed");
        assertThat(e.getMessage()).startsWith("Someone else changed this group since you opened it (revision 1, now 5)");
    }

    @Test
    void aRuleGoneInTheMiddleFailsItsStepAsNotFound() throws Exception {
        SecurityGroup app = app();
        Rule gone = app.rules().get(0);
        server.stubFor(get(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(200, "74-hdr-member-sg-create.json")));
        claimAnswered(APP);
        server.stubFor(delete(urlPathEqualTo("/v2.0/security-group-rules/" + gone.id()))
                .willReturn(json(404, "62e-err-sgr-delete-missing.json")));

        ApplyReport report = await(backend.apply(new ChangePlan(app.ref(), Optional.empty(), List.of(gone),
                List.of(), List.of(app.rules().get(1)))));

        assertThat(report.steps()).extracting(ApplyReport.Step::outcome)
                .containsExactly(Outcome.FAILED, Outcome.NOT_TRIED);
        assertThat(report.failure().orElseThrow().error().kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(report.failure().orElseThrow().error().getMessage()).contains("is no longer in this group");
    }

    /** The claim of a plan of rules alone (its description set to what it is, under If-Match) is answered. */
    private void claimAnswered(String group) {
        server.stubFor(put(urlPathEqualTo(GROUPS + "/" + group)).withHeader("If-Match", matching("revision_number=.*"))
                .withRequestBody(matchingJsonPath("$.security_group.description"))
                .willReturn(json(200, "26-sg-update-ifmatch-ok.json")));
    }

    // --- delete ----------------------------------------------------------------------------------------------

    @Test
    void aGroupInUseIsRefusedNamingTheInterfaces() {
        server.stubFor(delete(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(409, "76-hdr-err-sg-delete-in-use.json")));
        server.stubFor(get(urlPathEqualTo("/v2.0/ports")).withQueryParam("security_groups", equalTo(APP))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ports\": [" + portOf("75b-hdr-port-create-with-sg.json") + ", {\"id\": \"p2\","
                                + " \"name\": \"web-1\", \"fixed_ips\": [{\"ip_address\": \"10.0.0.11\"}],"
                                + " \"security_groups\": [\"" + APP + "\"]}]}")));

        BackendException e = refusal(backend.delete(new GroupRef(APP, "app", 1)));

        assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(e.code()).isEqualTo("SecurityGroupInUse");
        assertThat(e.getMessage()).isEqualTo("This group is still used by 2 interfaces: port-a, web-1 (10.0.0.11)");
    }

    @Test
    void aDeleteWhoseRetryFindsTheGroupGoneIsDone() throws Exception {
        server.stubFor(delete(urlPathEqualTo(GROUPS + "/" + APP)).inScenario("gone").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(504)).willSetStateTo("gone"));
        server.stubFor(delete(urlPathEqualTo(GROUPS + "/" + APP)).inScenario("gone").whenScenarioStateIs("gone")
                .willReturn(json(404, "62-err-sg-show-missing.json")));

        await(backend.delete(new GroupRef(APP, "app", 1)));

        server.verify(2, deleteRequestedFor(urlPathEqualTo(GROUPS + "/" + APP)));
    }

    @Test
    void aGroupMissingOnTheFirstDeleteIsAlreadyGoneWhichCountsAsDeleted() throws Exception {
        server.stubFor(delete(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(404, "62-err-sg-show-missing.json")));

        await(backend.delete(new GroupRef(APP, "app", 1)));

        server.verify(1, deleteRequestedFor(urlPathEqualTo(GROUPS + "/" + APP)));
    }

    @Test
    void aDeleteRefusedForAnotherReasonIsNotTakenForGone() {
        server.stubFor(delete(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(409, "76-hdr-err-sg-delete-in-use.json")));

        BackendException e = refusal(backend.delete(new GroupRef(APP, "app", 1)));

        assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void aRuleQuotaUsedUpSaysTheLimit() {
        server.stubFor(post(urlPathEqualTo(GROUPS)).willReturn(json(201, "74-hdr-member-sg-create.json")));
        server.stubFor(post(urlPathEqualTo("/v2.0/security-group-rules")).willReturn(json(409,
                "84-err-sgr-quota-exceeded.json")));
        server.stubFor(get(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(json(200, "74-hdr-member-sg-create.json")));
        server.stubFor(get(urlPathEqualTo("/v2.0/quotas/" + app().projectId() + "/details"))
                .willReturn(json(200, "80b-quota-details.json")));
        server.stubFor(delete(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(aResponse().withStatus(204)));
        Rule ssh = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.ANYWHERE, "");

        BackendException e = refusal(backend.create(new dev.portcullis.domain.GroupDraft("app", "app tier", true,
                List.of(Rule.egressAnywhere(EtherType.IPV4), Rule.egressAnywhere(EtherType.IPV6), ssh))));

        assertThat(e.kind()).isEqualTo(Kind.QUOTA);
        assertThat(e.getMessage()).isEqualTo("The group \"app\" was not created: The project's quota of 100 rules is used up.");
        server.verify(deleteRequestedFor(urlPathEqualTo(GROUPS + "/" + APP)));
        server.verify(postRequestedFor(urlPathEqualTo("/v2.0/security-group-rules"))
                .withRequestBody(matchingJsonPath("$.security_group_rules.length()", equalTo("1"))));
        assertThat(server.findAllUnmatchedRequests()).isEmpty();
    }

    // --- cancellation and close --------------------------------------------------------------------------------

    @Test
    void cancellingACreateAfterTheGroupWasMadeStillDeletesTheHalfMadeGroup() throws Exception {
        server.stubFor(post(urlPathEqualTo(GROUPS)).willReturn(json(201, "74-hdr-member-sg-create.json")));
        server.stubFor(post(urlPathEqualTo("/v2.0/security-group-rules")).willReturn(json(201,
                "91-sgr-bulk-create.json").withFixedDelay(3000)));
        server.stubFor(delete(urlPathEqualTo(GROUPS + "/" + APP)).willReturn(aResponse().withStatus(204)));
        CountDownLatch rulesSent = new CountDownLatch(1); // the group is made, its rules on their way
        CountDownLatch groupDeleted = new CountDownLatch(1);
        server.addMockServiceRequestListener((request, response) -> {
            if (request.getMethod().getName().equals("POST") && request.getUrl().equals("/v2.0/security-group-rules")) {
                rulesSent.countDown();
            }
            if (request.getMethod().getName().equals("DELETE") && request.getUrl().equals(GROUPS + "/" + APP)) {
                groupDeleted.countDown();
            }
        });
        Rule ssh = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22), Remote.ANYWHERE, "");

        CompletableFuture<SecurityGroup> create = backend.create(new dev.portcullis.domain.GroupDraft("app", "app tier",
                true, List.of(Rule.egressAnywhere(EtherType.IPV4), Rule.egressAnywhere(EtherType.IPV6), ssh)));
        assertThat(rulesSent.await(5, TimeUnit.SECONDS)).isTrue();
        create.cancel(true);

        assertThat(groupDeleted.await(5, TimeUnit.SECONDS)).as("the half-made group is deleted").isTrue();
        assertThrows(CancellationException.class, () -> create.get(1, TimeUnit.SECONDS));
    }

    @Test
    void cancellingALoadCancelsItsRequestAndClosingFailsWhatRuns() throws Exception {
        noPorts();
        server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(json(200, "71-hdr-member-sg-list.json")
                .withFixedDelay(4000)));

        CompletableFuture<Snapshot> cancelled = backend.load(ProgressListener.NONE);
        assertThat(cancelled.cancel(true)).isTrue();
        assertThrows(CancellationException.class, () -> cancelled.get(1, TimeUnit.SECONDS));

        CompletableFuture<Snapshot> running = backend.load(ProgressListener.NONE);
        backend.close();
        BackendException closed = refusal(running);
        assertThat(closed.code()).isEqualTo(NeutronErrors.CLOSED);
        CompletableFuture<Snapshot> later = backend.load(ProgressListener.NONE);
        assertThat(later).isCompletedExceptionally();
    }
}
