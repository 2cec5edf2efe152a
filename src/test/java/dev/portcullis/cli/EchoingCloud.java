package dev.portcullis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Keystone and Neutron on one loopback port that fail by echoing what they were sent: the request's
 * body (with the password or secret in it) and its headers (with the token), in the forms a careless server
 * or proxy would: as sent, inside JSON, URL-encoded and base64-encoded.
 */
final class EchoingCloud implements AutoCloseable {

    /** Which side fails, and how. */
    enum Mode {
        KEYSTONE_400_JSON, KEYSTONE_401_FORMS, KEYSTONE_500_TEXT,
        NEUTRON_401_JSON, NEUTRON_500_HEADERS, NEUTRON_400_FORMS, NEUTRON_404_TEXT
    }

    static final String TOKEN = "gAAAAABh14-issued-Token_value-9xQ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private volatile Mode mode = Mode.KEYSTONE_400_JSON;

    EchoingCloud() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/auth/tokens", this::keystone);
        server.createContext("/network", this::neutron);
        server.setExecutor(threads);
        server.start();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    String authUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    String networkEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/network";
    }

    private void keystone(HttpExchange exchange) throws IOException {
        String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String secret = secretIn(sent);
        switch (mode) {
            case KEYSTONE_400_JSON -> answer(exchange, 400, "application/json",
                    keystoneError(400, "Bad Request", "Invalid input for field 'identity': " + sent));
            case KEYSTONE_401_FORMS -> answer(exchange, 401, "application/json", keystoneError(401, "Unauthorized",
                    "The password " + secret + " (" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + ", "
                            + base64(secret) + ") is wrong"));
            case KEYSTONE_500_TEXT -> answer(exchange, 500, "text/plain", "Internal error while handling " + sent);
            default -> {
                exchange.getResponseHeaders().add("X-Subject-Token", TOKEN);
                answer(exchange, 201, "application/json",
                        "{\"token\": {\"expires_at\": \"2099-01-01T00:00:00.000000Z\", \"catalog\": []}}");
            }
        }
    }

    private void neutron(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
        String headers = exchange.getRequestHeaders().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(",", e.getValue())).reduce("", (a, b) -> a + "\n" + b);
        switch (mode) {
            case NEUTRON_401_JSON -> answer(exchange, 401, "application/json",
                    keystoneError(401, "Unauthorized", "The token " + token + " is not valid"));
            case NEUTRON_500_HEADERS -> answer(exchange, 500, "text/plain", "Failed for X-Auth-Token: " + token
                    + " (" + base64(token) + "); your headers:" + headers);
            case NEUTRON_400_FORMS -> {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("NeutronError").put("type", "HTTPBadRequest").put("message", "Token "
                        + URLEncoder.encode(token, StandardCharsets.UTF_8) + " / " + base64(token) + " / {\"X-Auth-Token\": \""
                        + token + "\"}").put("detail", "");
                answer(exchange, 400, "application/json", body.toString());
            }
            default -> answer(exchange, 404, "text/plain", "No route for " + exchange.getRequestURI()
                    + " with token " + token);
        }
    }

    /** The password or secret in a token request. */
    private static String secretIn(String sent) throws IOException {
        var identity = JSON.readTree(sent).path("auth").path("identity");
        String password = identity.path("password").path("user").path("password").asText("");
        return password.isEmpty() ? identity.path("application_credential").path("secret").asText("") : password;
    }

    private static String keystoneError(int code, String title, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("title", title).put("message", message);
        return body.toString();
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The forms of a secret that must appear nowhere: as is, inside JSON, URL-encoded, base64. */
    static List<String> forms(String secret) {
        return List.of(secret, JSON.valueToTree(Map.of("s", secret)).get("s").toString().replaceAll("^\"|\"$", ""),
                URLEncoder.encode(secret, StandardCharsets.UTF_8), base64(secret));
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("X-Echo", "x");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
