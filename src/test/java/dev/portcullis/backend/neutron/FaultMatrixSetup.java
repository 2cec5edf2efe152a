package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.openstack.Access;
import dev.portcullis.backend.openstack.Secret;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the fault matrix ITs share: a project of its own per test on the real Neutron with trusted headers
 * ({@code portcullis.neutron.url}, :9697), a group in it made directly (not through the proxy), a
 * {@link FaultProxy} in front of the server, a backend that talks through the proxy with a short request
 * timeout, and direct calls to check what the server holds. Everything the project holds is deleted
 * afterwards through the noauth server ({@code portcullis.neutron.noauth.url}, :9696), default group included.
 */
abstract class FaultMatrixSetup {

    static final String GROUPS = "/v2.0/security-groups";
    static final String GROUP = "/v2.0/security-groups/[^/]+";
    static final String RULES = "/v2.0/security-group-rules";
    static final String RULE = "/v2.0/security-group-rules/[^/]+";
    /** For a hang: short, so that it costs about this, not the default 30 s. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** For every other fault: long enough that a busy server is never taken for a hang. */
    static final Duration PATIENT = Duration.ofSeconds(10);
    static final String NEUTRON_500 = "{\"NeutronError\": {\"type\": \"HTTPInternalServerError\", \"message\": "
            + "\"Request Failed: internal server error while processing your request.\", \"detail\": \"\"}}";
    static final String HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
            + "Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>";
    static final String KEYSTONE_401 = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": "
            + "\"The request you have made requires authentication.\"}}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient DIRECT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    String project;
    URI server;
    FaultProxy proxy;
    TokenSession session;
    NeutronBackend backend;
    /** The group made for the test, as the server holds it at the start. */
    SecurityGroup group;
    private final List<NeutronBackend> backends = new ArrayList<>();

    @BeforeEach
    void openProjectAndProxy() throws Exception {
        server = URI.create(property("portcullis.neutron.url", "http://127.0.0.1:9697"));
        property("portcullis.neutron.noauth.url", "http://127.0.0.1:9696");
        project = "faults" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String id = call("POST", GROUPS, "{\"security_group\": {\"name\": \"fault-" + project.substring(6, 14)
                + "\", \"description\": \"before\"}}").path("security_group").path("id").asText();
        addRule(id, "ingress", 22, "10.0.0.0/8");
        addRule(id, "ingress", 80, "0.0.0.0/0");
        group = serverGroup(id);
        proxy = new FaultProxy(server);
        backend = backend(Options.DEFAULTS.withRequestTimeout(PATIENT));
    }

    /** The default options with the timeout for {@code fault}: short for a hang, patient otherwise. */
    static Options timedFor(Fault fault) {
        return Options.DEFAULTS.withRequestTimeout(fault.kind() == Fault.Kind.HANG ? TIMEOUT : PATIENT);
    }

    @AfterEach
    void closeAndCleanUp() throws Exception {
        backends.forEach(NeutronBackend::close);
        if (proxy != null) {
            proxy.close();
        }
        if (project == null) {
            return;
        }
        URI admin = URI.create(System.getProperty("portcullis.neutron.noauth.url"));
        JsonNode groups = send(admin, null, "GET", GROUPS + "?project_id=" + project + "&fields=id", null);
        for (JsonNode g : groups.path("security_groups")) {
            send(admin, null, "DELETE", GROUPS + "/" + g.path("id").asText(), null);
        }
        // Not listed again: a list for the project would make its default group again.
    }

    /** A backend of this project through the proxy, closed after the test. */
    NeutronBackend backend(Options options) {
        session = new TokenSession(proxy.uri(), project);
        NeutronBackend b = new NeutronBackend(session, options);
        backends.add(b);
        return b;
    }

    private static String property(String name, String example) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The fault matrix needs the real Neutron: give -D" + name + "="
                    + example + " (mvn verify -Pneutron does)");
        }
        return value;
    }

    void addRule(String groupId, String direction, int port, String cidr) throws Exception {
        call("POST", RULES, "{\"security_group_rule\": {\"security_group_id\": \"" + groupId + "\", \"direction\": \""
                + direction + "\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": " + port
                + ", \"port_range_max\": " + port + ", \"remote_ip_prefix\": \"" + cidr + "\"}}");
    }

    /** The group as the server holds it now, read directly. */
    SecurityGroup serverGroup(String id) throws Exception {
        return NeutronParse.group(call("GET", GROUPS + "/" + id, null));
    }

    /** How many groups the project holds now, the default group included. */
    int serverGroupCount() throws Exception {
        return call("GET", GROUPS + "?fields=id", null).path("security_groups").size();
    }

    /** A request straight to the server (not through the proxy) as a member of the test's project. */
    JsonNode call(String method, String path, String body) throws Exception {
        return send(server, project, method, path, body);
    }

    private static JsonNode send(URI base, String project, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (project != null) {
            request.header("X-User-Id", "portcullis-faults").header("X-Project-Id", project)
                    .header("X-Roles", "member");
        }
        HttpResponse<String> response = DIRECT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Someone else's change, run by the proxy just before it forwards a request; failures fail the test. */
    Runnable meanwhile(Change change) {
        return () -> {
            try {
                change.run();
            } catch (Exception e) {
                throw new IllegalStateException("the change made meanwhile failed", e);
            }
        };
    }

    @FunctionalInterface
    interface Change {
        void run() throws Exception;
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    /** The failure the future ends with. */
    static BackendException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(BackendException.class);
            return (BackendException) e.getCause();
        }
        return fail("it succeeded");
    }

    /**
     * The project's headers, and a token that changes each time the session signs in again: the server with
     * trusted headers does not check it, the proxy records it.
     */
    static final class TokenSession implements Session {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI endpoint;
        private final String project;
        final AtomicInteger signIns = new AtomicInteger(1);

        TokenSession(URI endpoint, String project) {
            this.endpoint = endpoint;
            this.project = project;
        }

        @Override
        public String describe() {
            return "fault-matrix";
        }

        @Override
        public HttpClient http() {
            return http;
        }

        @Override
        public CompletableFuture<Access> access() {
            return CompletableFuture.completedFuture(new Access(endpoint, Map.of("X-User-Id",
                    Secret.of("portcullis-faults"), "X-Project-Id", Secret.of(project), "X-Roles", Secret.of("member"),
                    "X-Auth-Token", Secret.of("token-" + signIns.get()))));
        }

        @Override
        public CompletableFuture<Access> reauthenticate(Access refused) {
            signIns.incrementAndGet();
            return access();
        }
    }
}
