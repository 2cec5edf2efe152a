package dev.portcullis.backend.openstack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class KeystoneSessionTest {

    static final String TOKENS = "/v3/auth/tokens";
    /** The demo token's issued_at in the recorded answer; it expires an hour later. */
    static final Instant ISSUED = Instant.parse("2026-11-26T14:39:07Z");

    @TempDir
    Path dir;

    WireMockServer keystone;
    TestClock clock = new TestClock(ISSUED);
    String recordedToken;

    @BeforeEach
    void start() throws IOException {
        keystone = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        keystone.start();
        recordedToken = resource("keystone-token-demo.json");
    }

    @AfterEach
    void stop() {
        keystone.stop();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = KeystoneSessionTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CloudConfig cloud(String yaml) throws IOException {
        Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  test:\n" + yaml.indent(4));
        return CloudConfigs.load(Map.of("XDG_CONFIG_DIRS", dir.resolve("none").toString()), dir, dir,
                dir.resolve("etc")).cloud("test");
    }

    private String authUrl() {
        return "http://127.0.0.1:" + keystone.port();
    }

    private CloudConfig demo() throws IOException {
        return cloud("auth:\n  auth_url: " + authUrl() + "/v3\n  username: demo\n  password: demo\n"
                + "  user_domain_name: Default\n  project_name: demo\n  project_domain_name: Default\n");
    }

    private void answer(String token, String body) {
        keystone.stubFor(post(TOKENS).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("X-Subject-Token", token).withBody(body)));
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    static BackendException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(BackendException.class);
            return (BackendException) e.getCause();
        }
        return fail("expected a failure");
    }

    @Test
    void passwordRequestIsTheOneKeystoneAnsweredAndTheTokenComesFromTheHeader() throws Exception {
        keystone.stubFor(post(TOKENS)
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                        + "{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"},\"password\":\"demo\"}}},"
                        + "\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("X-Subject-Token", "gAAAAA-demo").withBody(recordedToken)));
        Session session = Sessions.open(demo(), clock);

        Access access = await(session.access());

        assertThat(access.networkEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9698"));
        assertThat(access.headers().get("X-Auth-Token").reveal()).isEqualTo("gAAAAA-demo");
        assertThat(session.describe()).isEqualTo("test");
        assertThat(session.warning()).isEmpty();
        assertThat(session.requestTimeout()).isEqualTo(CloudConfig.DEFAULT_TIMEOUT);
    }

    @Test
    void authUrlWithoutV3AndWithIdsInsteadOfNames() throws Exception {
        keystone.stubFor(post(TOKENS).withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":[\"password\"],"
                        + "\"password\":{\"user\":{\"id\":\"u-1\",\"password\":\"pw\"}}},\"scope\":{\"project\":{\"id\":\"p-1\"}}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "t").withBody(recordedToken)));
        CloudConfig config = cloud("auth:\n  auth_url: " + authUrl() + "/\n  user_id: u-1\n  password: pw\n  project_id: p-1\n");
        assertThat(await(Sessions.open(config, clock).access()).networkEndpoint().getPort()).isEqualTo(9698);
    }

    @Test
    void applicationCredentialById() throws Exception {
        keystone.stubFor(post(TOKENS).withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":"
                        + "[\"application_credential\"],\"application_credential\":{\"id\":\"ac-1\",\"secret\":\"s3\"}}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "t").withBody(recordedToken)));
        CloudConfig config = cloud("auth_type: v3applicationcredential\nauth:\n  auth_url: " + authUrl()
                + "/v3\n  application_credential_id: ac-1\n  application_credential_secret: s3\n");
        assertThat(await(Sessions.open(config, clock).access()).headers()).containsKey("X-Auth-Token");
    }

    @Test
    void applicationCredentialByNameNamesItsUser() throws Exception {
        keystone.stubFor(post(TOKENS).withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":"
                        + "[\"application_credential\"],\"application_credential\":{\"name\":\"ci\",\"user\":{\"name\":\"demo\","
                        + "\"domain\":{\"name\":\"Default\"}},\"secret\":\"s3\"}}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "t").withBody(recordedToken)));
        CloudConfig config = cloud("auth_type: v3applicationcredential\nauth:\n  auth_url: " + authUrl()
                + "\n  application_credential_name: ci\n  username: demo\n  user_domain_name: Default\n"
                + "  application_credential_secret: s3\n");
        assertThat(await(Sessions.open(config, clock).access()).headers()).containsKey("X-Auth-Token");
    }

    @Test
    void tokenExchangedForAProjectScopedOne() throws Exception {
        keystone.stubFor(post(TOKENS).withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                        + "\"token\":{\"id\":\"old-token\"}},\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"id\":\"default\"}}}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "scoped").withBody(recordedToken)));
        CloudConfig config = cloud("auth_type: v3token\nauth:\n  auth_url: " + authUrl() + "\n  token: old-token\n"
                + "  project_name: demo\n");
        assertThat(await(Sessions.open(config, clock).access()).headers().get("X-Auth-Token").reveal()).isEqualTo("scoped");
    }

    private static String catalogToken(String endpoints) {
        return "{\"token\":{\"expires_at\":\"2026-11-26T15:39:07.000000Z\",\"catalog\":["
                + "{\"type\":\"identity\",\"endpoints\":[{\"interface\":\"public\",\"region_id\":\"North\",\"url\":\"http://k\"}]},"
                + "{\"type\":\"network\",\"endpoints\":[" + endpoints + "]}]}}";
    }

    private static final String TWO_REGIONS = "{\"interface\":\"public\",\"region_id\":\"North\",\"url\":\"https://n-pub:9696/\"},"
            + "{\"interface\":\"internal\",\"region_id\":\"North\",\"url\":\"http://n-int:9696\"},"
            + "{\"interface\":\"public\",\"region_id\":\"South\",\"url\":\"https://s-pub:9696/v2.0/\"},"
            + "{\"interface\":\"admin\",\"region_id\":\"South\",\"url\":\"http://s-adm:9696\"}";

    private URI endpointFor(String settings) throws Exception {
        return await(Sessions.open(cloud(settings + "auth:\n  auth_url: " + authUrl()
                + "\n  username: u\n  password: p\n  project_id: x\n"), clock).access()).networkEndpoint();
    }

    @Test
    void catalogChoiceByInterfaceAndRegion() throws Exception {
        answer("t", catalogToken(TWO_REGIONS));
        assertThat(endpointFor("")).isEqualTo(URI.create("https://n-pub:9696"));
        assertThat(endpointFor("interface: internal\n")).isEqualTo(URI.create("http://n-int:9696"));
        assertThat(endpointFor("region_name: South\n")).isEqualTo(URI.create("https://s-pub:9696"));
        assertThat(endpointFor("region_name: South\ninterface: adminURL\n")).isEqualTo(URI.create("http://s-adm:9696"));
        assertThat(endpointFor("network_endpoint_override: http://127.0.0.1:9696/\n")).isEqualTo(URI.create("http://127.0.0.1:9696"));
    }

    @Test
    void missingEndpointListsWhatTheCatalogHas() throws Exception {
        answer("t", catalogToken(TWO_REGIONS));
        CloudConfig config = cloud("region_name: South\ninterface: internal\nauth:\n  auth_url: " + authUrl()
                + "\n  username: u\n  password: p\n  project_id: x\n");
        BackendException e = failure(Sessions.open(config, clock).access());
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e.getMessage()).contains("cloud 'test'", "internal network endpoint in region South",
                "public in North at https://n-pub:9696/", "admin in South at http://s-adm:9696");
    }

    @Test
    void catalogWithoutNetworkService() throws Exception {
        answer("t", "{\"token\":{\"expires_at\":\"2026-11-26T15:39:07Z\",\"catalog\":[{\"type\":\"identity\",\"endpoints\":[]},"
                + "{\"type\":\"compute\",\"endpoints\":[]}]}}");
        BackendException e = failure(Sessions.open(demo(), clock).access());
        assertThat(e.getMessage()).contains("no network service", "identity, compute", "network_endpoint_override");
    }

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpires() throws Exception {
        answer("t", recordedToken);
        Session session = Sessions.open(demo(), clock);
        Access first = await(session.access());
        clock.advance(Duration.ofMinutes(57));
        assertThat(await(session.access())).isSameAs(first);
        keystone.verify(1, postRequestedFor(urlEqualTo(TOKENS)));

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        await(session.access());
        keystone.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
    }

    private void tokensInTurn(String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = "after-" + i;
            keystone.stubFor(post(TOKENS).inScenario("tokens").whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", tokens[i])
                            .withFixedDelay(i == 1 ? 300 : 0).withBody(recordedToken)));
            state = next;
        }
    }

    @Test
    void concurrentRefusalsShareOneNewToken() throws Exception {
        tokensInTurn("first", "second", "third");
        Session session = Sessions.open(demo(), clock);
        Access refused = await(session.access());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Access>> renewed = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                renewed.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return session.reauthenticate(refused);
                }, pool).thenCompose(f -> f));
            }
            go.countDown();
            Set<String> tokens = new HashSet<>();
            for (CompletableFuture<Access> f : renewed) {
                tokens.add(await(f).headers().get("X-Auth-Token").reveal());
            }
            assertThat(tokens).containsExactly("second");
        } finally {
            pool.shutdownNow();
        }
        assertThat(await(session.reauthenticate(refused)).headers().get("X-Auth-Token").reveal())
                .as("a late caller with the old token gets the one already renewed").isEqualTo("second");
        keystone.verify(2, postRequestedFor(urlEqualTo(TOKENS)));

        Access second = await(session.access());
        assertThat(await(session.reauthenticate(second)).headers().get("X-Auth-Token").reveal()).isEqualTo("third");
        keystone.verify(3, postRequestedFor(urlEqualTo(TOKENS)));
    }

    @Test
    void wrongPasswordIsSaidInWordsWithoutThePassword() throws Exception {
        keystone.stubFor(post(TOKENS).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withHeader("WWW-Authenticate", "Keystone uri=\"http://127.0.0.1:5000/v3\"")
                .withBody(resource("keystone-401-bad-password.json"))));
        CloudConfig config = cloud("auth:\n  auth_url: " + authUrl() + "\n  username: demo\n  password: WRONG-PASSWORD\n"
                + "  project_name: demo\n");
        Session session = Sessions.open(config, clock);
        BackendException e = failure(session.access());
        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).startsWith("Keystone refused the user name or password for cloud 'test'")
                .contains("The request you have made requires authentication").doesNotContain("WRONG-PASSWORD");
        assertThat(session.toString() + config).doesNotContain("WRONG-PASSWORD");

        keystone.stubFor(post(TOKENS).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "t")
                .withBody(recordedToken)));
        assertThat(await(session.access()).headers()).as("a failure is not kept").containsKey("X-Auth-Token");
    }

    @Test
    void htmlAnswerIsNamedByItsTitle() throws Exception {
        keystone.stubFor(post(TOKENS).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")));
        BackendException e = failure(Sessions.open(demo(), clock).access());
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 502", "HTML page titled '502 Bad Gateway'");
    }

    @Test
    void htmlInsteadOfATokenAndMalformedJson() throws Exception {
        answer("t", "<html><title>Login portal</title></html>");
        assertThat(failure(Sessions.open(demo(), clock).access()).getMessage()).contains("HTML page titled 'Login portal'");
        answer("t", "{\"token\": {\"expires_at\": ");
        BackendException e = failure(Sessions.open(demo(), clock).access());
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("malformed JSON").contains(TOKENS);
        keystone.stubFor(post(TOKENS).willReturn(aResponse().withStatus(201).withBody(recordedToken)));
        assertThat(failure(Sessions.open(demo(), clock).access()).getMessage()).contains("no X-Subject-Token");
    }

    @Test
    void slowKeystoneTimesOut() throws Exception {
        keystone.stubFor(post(TOKENS).willReturn(aResponse().withStatus(201).withFixedDelay(5_000)
                .withHeader("X-Subject-Token", "t").withBody(recordedToken)));
        CloudConfig config = cloud("api_timeout: 0.5\nauth:\n  auth_url: " + authUrl() + "\n  username: u\n"
                + "  password: p\n  project_id: x\n");
        BackendException e = failure(Sessions.open(config, clock).access());
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("did not answer within 0.5 s");
    }

    @Test
    void keystoneThatSendsItsHeadersButStallsTheBodyTimesOutToo() throws Exception {
        // The headers come at once, the body never: api_timeout must bound the whole answer, or every
        // request of the session waits for this one token for as long as the connection stays open.
        try (dev.portcullis.backend.StallingServer stalling = new dev.portcullis.backend.StallingServer(201,
                "X-Subject-Token: t\r\n")) {
            CloudConfig config = cloud("api_timeout: 0.5\nauth:\n  auth_url: " + stalling.uri() + "\n  username: u\n"
                    + "  password: p\n  project_id: x\n");
            BackendException e = failure(Sessions.open(config, clock).access());
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("did not answer within 0.5 s");
        }
    }

    @Test
    void unreachableKeystone() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CloudConfig config = cloud("auth:\n  auth_url: http://127.0.0.1:" + closed + "/v3\n  username: u\n"
                + "  password: SECRET-PW\n  project_id: x\n");
        BackendException e = failure(Sessions.open(config, clock).access());
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("Could not reach Keystone at http://127.0.0.1:" + closed).doesNotContain("SECRET-PW");
    }

    @Test
    void noSecretInToStringOfWhatHoldsIt() throws Exception {
        answer("TOKEN-VALUE-123", recordedToken);
        CloudConfig config = cloud("auth:\n  auth_url: " + authUrl() + "\n  username: u\n  password: PW-VALUE-456\n"
                + "  project_id: x\n");
        Session session = Sessions.open(config, clock);
        Access access = await(session.access());
        String printed = config + " " + config.credentials() + " " + access + " " + session + " " + access.headers();
        assertThat(printed).doesNotContain("TOKEN-VALUE-123", "PW-VALUE-456").contains("********");
    }

    @Test
    void authTypeNoneIsAFixedEndpoint() throws Exception {
        CloudConfig config = cloud("auth_type: none\napi_timeout: 7\nauth:\n  endpoint: http://127.0.0.1:9696/\n");
        Session session = Sessions.open(config, clock);
        assertThat(session).isInstanceOf(FixedSession.class);
        Access access = await(session.access());
        assertThat(access.networkEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9696"));
        assertThat(access.headers()).isEmpty();
        assertThat(session.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(await(session.reauthenticate(access))).isEqualTo(access);
    }
}
