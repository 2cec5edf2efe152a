package dev.portcullis.backend.openstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A session whose access never changes: an {@code auth_type: none} endpoint, or a server that trusts
 * headers it is sent. A 401 is final here, since authenticating again would send the same thing.
 */
public final class FixedSession implements Session {

    /** Headers whose values are secrets (a project id header is not). */
    private static final java.util.regex.Pattern SECRET_HEADER =
            java.util.regex.Pattern.compile("(?i)token|auth|secret|password|key");

    private final String name;
    private final HttpClient http;
    private final Access access;
    private final Duration timeout;
    private final String warning;
    private final Redactor redactor = Redactor.of(null);

    public FixedSession(String name, HttpClient http, Access access) {
        this(name, http, access, CloudConfig.DEFAULT_TIMEOUT, null);
    }

    /** A session with the request timeout and the standing warning (or null) of its cloud's configuration. */
    public FixedSession(String name, HttpClient http, Access access, Duration timeout, String warning) {
        this.name = name;
        this.http = http;
        this.access = access;
        this.timeout = timeout;
        this.warning = warning;
        access.headers().forEach((header, value) -> {
            if (SECRET_HEADER.matcher(header).find()) {
                redactor.add(value);
            }
        });
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    /** A session to an endpoint that needs no authentication, on a client of its own. */
    public static FixedSession open(String name, URI endpoint, Map<String, Secret> headers) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new FixedSession(name, http, new Access(endpoint, headers));
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public Duration requestTimeout() {
        return timeout;
    }

    @Override
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public CompletableFuture<Access> access() {
        return CompletableFuture.completedFuture(access);
    }

    @Override
    public CompletableFuture<Access> reauthenticate(Access refused) {
        return CompletableFuture.completedFuture(access);
    }
}
