package dev.portcullis.backend.neutron;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Neutron backend talks to the server.
 *
 * @param pageSize        groups (and interfaces) asked for per request; Neutron's {@code limit}
 * @param requestTimeout  how long one request may take, from sending to the whole answer
 * @param retries         how many times a GET or DELETE is tried again after a connection failure, a
 *                        timeout or a 502/503/504; POST and PUT are never tried again
 * @param backoffBase     the first wait before trying again; it doubles with each try ("full jitter":
 *                        the wait is a random share of that)
 * @param backoffCap      the longest wait between tries, a server's {@code Retry-After} included
 */
public record Options(int pageSize, Duration requestTimeout, int retries, Duration backoffBase, Duration backoffCap) {

    public static final Options DEFAULTS = new Options(100, Duration.ofSeconds(30), 3, Duration.ofMillis(200),
            Duration.ofSeconds(10));

    public Options {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        if (pageSize < 1) {
            throw new IllegalArgumentException("The page size must be at least 1, not " + pageSize);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("The number of retries cannot be negative: " + retries);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("The request timeout must be positive, not " + requestTimeout);
        }
        if (backoffBase.isNegative() || backoffCap.isNegative()) {
            throw new IllegalArgumentException("Backoff waits cannot be negative");
        }
    }

    public Options withPageSize(int size) {
        return new Options(size, requestTimeout, retries, backoffBase, backoffCap);
    }

    public Options withRequestTimeout(Duration timeout) {
        return new Options(pageSize, timeout, retries, backoffBase, backoffCap);
    }

    public Options withRetries(int count) {
        return new Options(pageSize, requestTimeout, count, backoffBase, backoffCap);
    }
}
