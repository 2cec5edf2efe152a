package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.BackendException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks Keystone v3 for a project-scoped token and reads the network endpoint from its catalog. */
final class KeystoneClient {

    /** A token and when Keystone says it expires. */
    record Issued(Access access, Instant expiresAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudConfig config;
    private final HttpClient http;
    private final URI tokens;
    private final Redactor redactor;

    KeystoneClient(CloudConfig config, HttpClient http, Redactor redactor) {
        this.config = config;
        this.http = http;
        this.redactor = redactor;
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
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        // The request's timeout ends when the headers arrive; api_timeout bounds the whole answer, since every
        // request of the session waits for this token.
        CompletableFuture<HttpResponse<String>> whole = exchange.copy()
                .orTimeout(config.apiTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return whole.handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof TimeoutException) {
                    exchange.cancel(true);
                    cause = new HttpTimeoutException("no whole answer within " + config.apiTimeout());
                }
                throw redactor.redact(KeystoneFailures.transport(cause, tokens, config.apiTimeout()));
            }
            try {
                return read(response);
            } catch (BackendException e) {
                // Keystone's words, or a proxy's, may echo the request and its secret
                throw redactor.redact(e);
            }
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
