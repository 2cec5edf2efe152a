package dev.portcullis.backend.openstack;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A session that authenticates with Keystone v3. It keeps one token until shortly before it expires;
 * concurrent callers share one token request, and a refused token is replaced once however many requests
 * saw it refused.
 */
public final class KeystoneSession implements Session {

    /** Renew this long before expiry (or at half the token's life, if that is sooner). */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private final CloudConfig config;
    private final HttpClient http;
    private final KeystoneClient keystone;
    private final Clock clock;
    private final String warning;
    private final Redactor redactor;

    /** A token and when to stop using it. */
    private record Held(Access access, Instant renewAt) {
    }

    private CompletableFuture<Held> current;

    KeystoneSession(CloudConfig config, HttpClient http, Clock clock, String warning) {
        this.config = config;
        this.http = http;
        this.redactor = Redactor.of(config.credentials());
        this.keystone = new KeystoneClient(config, http, redactor);
        this.clock = clock;
        this.warning = warning;
    }

    @Override
    public String describe() {
        return config.name();
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public Duration requestTimeout() {
        return config.apiTimeout();
    }

    @Override
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    @Override
    public synchronized CompletableFuture<Access> access() {
        if (!usable(current)) {
            current = keystone.issue().thenApply(this::hold);
        }
        return current.thenApply(Held::access);
    }

    @Override
    public synchronized CompletableFuture<Access> reauthenticate(Access refused) {
        boolean inFlight = current != null && !current.isDone();
        boolean replaced = usable(current) && current.isDone() && !current.join().access().equals(refused);
        if (!inFlight && !replaced) {
            current = keystone.issue().thenApply(this::hold);
        }
        return current.thenApply(Held::access);
    }

    /** In flight, or a token that is not about to expire. */
    private boolean usable(CompletableFuture<Held> token) {
        if (token == null || token.isCompletedExceptionally()) {
            return false;
        }
        return !token.isDone() || clock.instant().isBefore(token.join().renewAt());
    }

    private Held hold(KeystoneClient.Issued issued) {
        issued.access().headers().values().forEach(redactor::add);
        Duration life = Duration.between(clock.instant(), issued.expiresAt());
        Duration half = life.isNegative() ? Duration.ZERO : life.dividedBy(2);
        Duration margin = half.compareTo(RENEW_BEFORE) < 0 ? half : RENEW_BEFORE;
        return new Held(issued.access(), issued.expiresAt().minus(margin));
    }

    @Override
    public String toString() {
        return "KeystoneSession[" + config.name() + " at " + keystone.tokensUri() + "]";
    }
}
