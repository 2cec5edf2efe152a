package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Asks Keystone v3 for a project-scoped token and reads the network endpoint from its catalog. */
final class KeystoneClient {

    /** A token and when Keystone says it expires. */
    record Issued(Access access, Instant expiresAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudConfig config;
    private final HttpClient http;
    private final URI tokens;

    KeystoneClient(CloudConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
        this.tokens = TokenRequest.tokensUri(config.authUrl());
    }

    URI tokensUri() {
        return tokens;
    }

    /** One token request; fails with a {@link dev.portcullis.backend.BackendException} that says why. */
    CompletableFuture<Issued> issue() {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(TokenRequest.body(config.authType(), config.credentials()));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("could not write a token request", e));
        }
        HttpRequest request = HttpRequest.newBuilder(tokens)
                .timeout(config.apiTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw KeystoneFailures.transport(failure, tokens, config.apiTimeout());
                    }
                    return read(response);
                });
    }

    private Issued read(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw KeystoneFailures.refusal(response.statusCode(), contentType, response.body(), config, tokens);
        }
        String token = response.headers().firstValue("X-Subject-Token").orElse("");
        if (token.isBlank()) {
            throw KeystoneFailures.malformed(tokens, "no X-Subject-Token header");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            String said = KeystoneFailures.said(contentType, response.body());
            throw KeystoneFailures.malformed(tokens, said.startsWith(", an HTML") ? said.substring(2)
                    : "malformed JSON (line " + e.getLocation().getLineNr() + ")");
        }
        JsonNode tokenNode = body == null ? null : body.get("token");
        if (tokenNode == null || !tokenNode.isObject()) {
            throw KeystoneFailures.malformed(tokens, "JSON without a 'token' object");
        }
        Instant expires;
        try {
            expires = Instant.parse(tokenNode.path("expires_at").asText(""));
        } catch (DateTimeParseException e) {
            throw KeystoneFailures.malformed(tokens, "a token without a readable expires_at");
        }
        URI endpoint = config.endpointOverrideIfAny()
                .map(uri -> ServiceCatalog.base(uri.toString(), config.name()))
                .orElseGet(() -> ServiceCatalog.networkEndpoint(tokenNode.path("catalog"), config.interfaceName(),
                        config.regionName(), config.name()));
        return new Issued(new Access(endpoint, Map.of("X-Auth-Token", Secret.of(token))), expires);
    }
}
