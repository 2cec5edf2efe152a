package dev.portcullis.backend.openstack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to one cloud's project: the shared HTTP client (TLS as configured) and the access to its
 * network service, authenticating when first asked. Thread-safe; every call returns at once.
 */
public interface Session extends AutoCloseable {

    /** What to call it in the window and in messages: the cloud's name in clouds.yaml. */
    String describe();

    /** The one HTTP client every request of this session goes through (connection reuse). */
    HttpClient http();

    /** The endpoint and headers to use, authenticating first if there is no valid token yet. */
    CompletableFuture<Access> access();

    /**
     * The server refused {@code refused} (401): authenticate again and answer the new access. Callers do
     * this once per request; a second 401 is final.
     */
    CompletableFuture<Access> reauthenticate(Access refused);

    /** How long one request to the cloud may take ({@code api_timeout}); set it on every request. */
    default Duration requestTimeout() {
        return CloudConfig.DEFAULT_TIMEOUT;
    }

    /** A warning the window must show while connected, e.g. that TLS certificates are not checked. */
    default Optional<String> warning() {
        return Optional.empty();
    }

    /**
     * The session's secrets (password, application credential secret, tokens given or issued), to remove
     * from any text from a server or an exception before it is shown, logged or saved.
     */
    default Redactor redactor() {
        return Redactor.NONE;
    }

    @Override
    default void close() {
    }
}
