package dev.portcullis.backend.neutron;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Neutron backend talks to the server.
 *
 * @param pageSize        groups (and interfaces) asked for by the first request; Neutron's {@code limit}
 * @param maxPageSize     each later request asks for four times as many as the one before, up to this:
 *                        the first page is on screen quickly, and a large project then costs a few
 *                        requests instead of one per hundred groups (measured on 1,001 groups: 11 pages of
 *                        100 took 7.3-7.9 s with curl, one unpaged GET 5.8 s)
 * @param requestTimeout  how long one request may take, from sending to the whole answer
 * @param retries         how many times a GET or DELETE is tried again after a connection failure, a
 *                        timeout or a 502/503/504; POST and PUT are never tried again
 * @param backoffBase     the first wait before trying again; it doubles with each try ("full jitter":
 *                        the wait is a random share of that)
 * @param backoffCap      the longest wait between tries, a server's {@code Retry-After} included
 * @param groupStreams    how many streams of pages read the groups: 2, one from each end of the list meeting
 *                        in the middle ({@link GroupStreams}), or 1. Measured against the real Neutron on an
 *                        idle 2-core machine (README, Development), two streams took 0.97 times a plain GET
 *                        with one API worker and 0.90 times with two; one stream 1.07 and 1.01 times
 */
public record Options(int pageSize, int maxPageSize, Duration requestTimeout, int retries, Duration backoffBase,
                      Duration backoffCap, int groupStreams) {

    /** A first page of 25 groups, a screenful; then 100, 400 and up to 1,000 at a time, from both ends. */
    public static final Options DEFAULTS = new Options(25, 1000, Duration.ofSeconds(30), 3, Duration.ofMillis(200),
            Duration.ofSeconds(10), 2);


    public Options {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        if (pageSize < 1) {
            throw new IllegalArgumentException("The page size must be at least 1, not " + pageSize);
        }
        if (maxPageSize < pageSize) {
            throw new IllegalArgumentException("The largest page (" + maxPageSize + ") cannot be smaller than the first ("
                    + pageSize + ")");
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
        if (groupStreams < 1 || groupStreams > 2) {
            throw new IllegalArgumentException("The groups are read in 1 or 2 streams, not " + groupStreams);
        }
    }

    /** Pages of one size throughout. */
    public Options withPageSize(int size) {
        return new Options(size, size, requestTimeout, retries, backoffBase, backoffCap, groupStreams);
    }

    /** A first page of {@code first}, later ones growing fourfold up to {@code largest}. */
    public Options withPageSizes(int first, int largest) {
        return new Options(first, largest, requestTimeout, retries, backoffBase, backoffCap, groupStreams);
    }

    public Options withRequestTimeout(Duration timeout) {
        return new Options(pageSize, maxPageSize, timeout, retries, backoffBase, backoffCap, groupStreams);
    }

    public Options withRetries(int count) {
        return new Options(pageSize, maxPageSize, requestTimeout, count, backoffBase, backoffCap, groupStreams);
    }

    /** The groups read in {@code count} streams of pages (1 or 2). */
    public Options withGroupStreams(int count) {
        return new Options(pageSize, maxPageSize, requestTimeout, retries, backoffBase, backoffCap, count);
    }
}
