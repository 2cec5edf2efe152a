package dev.portcullis.backend.neutron;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Which requests get a {@link Fault}: the method, a pattern the path (without the query) matches whole,
 * and which occurrence of such a request (1 = the first; 0 = every one).
 */
final class FaultRule {

    private final String method;
    private final Pattern path;
    private final int occurrence;
    private final Fault fault;
    private final AtomicInteger matched = new AtomicInteger();

    private FaultRule(String method, String pathRegex, int occurrence, Fault fault) {
        this.method = method;
        this.path = Pattern.compile(pathRegex);
        this.occurrence = occurrence;
        this.fault = fault;
    }

    /** The {@code occurrence}-th request of {@code method} on a path matching {@code pathRegex}. */
    static FaultRule nth(int occurrence, String method, String pathRegex, Fault fault) {
        return new FaultRule(method, pathRegex, occurrence, fault);
    }

    /** Every request of {@code method} on a path matching {@code pathRegex}. */
    static FaultRule every(String method, String pathRegex, Fault fault) {
        return new FaultRule(method, pathRegex, 0, fault);
    }

    Fault fault() {
        return fault;
    }

    /** Whether this request gets the fault; counts it when it matches method and path. */
    boolean takes(String requestMethod, String requestPath) {
        if (!method.equals(requestMethod) || !path.matcher(requestPath).matches()) {
            return false;
        }
        int n = matched.incrementAndGet();
        return occurrence == 0 || n == occurrence;
    }
}
