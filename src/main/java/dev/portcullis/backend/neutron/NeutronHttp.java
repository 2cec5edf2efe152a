package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.openstack.Access;
import dev.portcullis.backend.openstack.Session;
import dev.portcullis.backend.openstack.TlsWords;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The requests of one backend: sent with {@code sendAsync} on the session's one client, with the session's
 * headers, a timeout each, and answers parsed on the backend's worker (never on the caller's thread).
 *
 * <p>What is tried again: GET and DELETE only, as they are idempotent, after a connection failure (refused,
 * reset, closed), a timeout, or a 502, 503 or 504; up to {@link Options#retries()} times, waiting a random
 * share of an exponentially growing wait ("full jitter"), or what the server's {@code Retry-After} says
 * (seconds or an HTTP date), never more than {@link Options#backoffCap()}. A refused certificate or TLS protocol is not tried again (it would be refused again), nor is a 500: it is
 * a fault of the server that repeats. POST and PUT are never tried again, since the first may have done its
 * work (an apply reads the group again to tell: {@link LostAnswers}). A DELETE whose retry answers 404 did its work on an earlier try: that counts as done. A 401 makes
 * the session authenticate again, once, and the request is sent once more, whatever its method: the server
 * did nothing with a request it did not accept.
 */
final class NeutronHttp {

    /** Runs what comes after a wait: the seam for tests, which run it at once and note the wait. */
    @FunctionalInterface
    interface Delays {
        Executor after(Duration wait);
    }

    record Request(String method, String path, JsonNode body, Map<String, String> headers) {
        Request {
            headers = Map.copyOf(headers);
        }

        static Request get(String path) {
            return new Request("GET", path, null, Map.of());
        }

        static Request delete(String path) {
            return new Request("DELETE", path, null, Map.of());
        }

        static Request post(String path, JsonNode body) {
            return new Request("POST", path, body, Map.of());
        }

        static Request put(String path, JsonNode body, long ifRevision) {
            return new Request("PUT", path, body, Map.of("If-Match", "revision_number=" + ifRevision));
        }

        boolean idempotent() {
            return method.equals("GET") || method.equals("DELETE");
        }
    }

    record Answer(int status, HttpHeaders headers, JsonNode json) {
    }

    /**
     * One call of the backend: the future its caller holds and the exchange now running for it, so that
     * cancelling the one cancels the other.
     */
    static final class Call {
        final CompletableFuture<?> result;
        private final Set<CompletableFuture<?>> exchanges = ConcurrentHashMap.newKeySet();

        Call(CompletableFuture<?> result) {
            this.result = result;
        }

        void running(CompletableFuture<?> exchange) {
            exchanges.add(exchange);
            exchange.whenComplete((r, e) -> exchanges.remove(exchange));
            if (result.isDone()) {
                exchange.cancel(true);
            }
        }

        void cancelExchange() {
            exchanges.forEach(e -> e.cancel(true));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;
    private final Options options;
    private final Executor worker;
    private final Delays delays;
    private final DoubleSupplier random;
    private final Clock clock;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    NeutronHttp(Session session, Options options, Executor worker, Delays delays, DoubleSupplier random,
                Clock clock) {
        this.session = session;
        this.options = options;
        this.worker = worker;
        this.delays = delays;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Runs {@code work} as one call: the future answered completes with what {@code work}'s future does, on
     * the worker; cancelling it cancels the request then running; {@link #close()} fails it.
     */
    <T> CompletableFuture<T> call(Function<Call, CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Call call = new Call(result);
        if (closed) {
            result.completeExceptionally(NeutronErrors.closed());
            return result;
        }
        calls.add(call);
        result.whenComplete((value, failure) -> {
            calls.remove(call);
            if (result.isCancelled() || closed) {
                call.cancelExchange();
            }
        });
        if (closed) { // closed while it was being added
            result.completeExceptionally(NeutronErrors.closed());
            return result;
        }
        CompletableFuture<T> work1;
        try {
            work1 = work.apply(call);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        work1.whenCompleteAsync((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(unwrap(failure));
            }
        }, worker);
        return result;
    }

    /** Sends a request for a call and answers the server's successful answer; a refusal fails it. */
    CompletableFuture<Answer> send(Call call, Request request) {
        return session.access().thenCompose(access -> attempt(call, request, access, 0, false));
    }

    private CompletableFuture<Answer> attempt(Call call, Request request, Access access, int tries,
                                              boolean reauthenticated) {
        if (closed) {
            return CompletableFuture.failedFuture(NeutronErrors.closed());
        }
        if (call.result.isDone()) {
            return CompletableFuture.failedFuture(new CancellationException("the call is over"));
        }
        URI endpoint = base(access);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint + request.path()))
                .timeout(options.requestTimeout())
                .header("Accept", "application/json");
        access.headers().forEach((name, value) -> builder.header(name, value.reveal()));
        request.headers().forEach(builder::header);
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
            builder.method(request.method(), HttpRequest.BodyPublishers.ofString(request.body().toString()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = session.http().sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(NeutronErrors.unreachable(endpoint, e, options.requestTimeout()));
        }
        call.running(exchange);
        // The request's own timeout ends when the headers arrive; this one bounds the whole answer, body
        // included, and ends the exchange when it fires.
        CompletableFuture<HttpResponse<byte[]>> whole = exchange.copy()
                .orTimeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        whole.whenComplete((response, failure) -> {
            if (unwrap(failure) instanceof TimeoutException) {
                exchange.cancel(true);
            }
        });
        return whole.handleAsync((response, failure) -> {
            if (failure != null) {
                return failed(call, request, access, tries, reauthenticated, endpoint, unwrap(failure));
            }
            return answered(call, request, access, tries, reauthenticated, endpoint, response);
        }, worker).thenCompose(Function.identity());
    }

    private CompletableFuture<Answer> failed(Call call, Request request, Access access, int tries,
                                             boolean reauthenticated, URI endpoint, Throwable failed) {
        Throwable failure = failed;
        if (closed) {
            return CompletableFuture.failedFuture(NeutronErrors.closed());
        }
        if (failure instanceof CancellationException) {
            return CompletableFuture.failedFuture(failure);
        }
        if (failure instanceof TimeoutException) {
            failure = new HttpTimeoutException("no whole answer within " + options.requestTimeout());
        }
        // a refused certificate or protocol is refused again: not tried again
        if (failure instanceof IOException && request.idempotent() && tries < options.retries()
                && !TlsWords.repeats(failure)) {
            return later(backoff(tries), () -> attempt(call, request, access, tries + 1, reauthenticated));
        }
        return CompletableFuture.failedFuture(session.redactor().redact(
                NeutronErrors.unreachable(endpoint, failure, options.requestTimeout())));
    }

    private CompletableFuture<Answer> answered(Call call, Request request, Access access, int tries,
                                               boolean reauthenticated, URI endpoint,
                                               HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return CompletableFuture.completedFuture(
                    new Answer(status, response.headers(), json(endpoint, request, response.body())));
        }
        if (status == 401 && !reauthenticated) {
            return session.reauthenticate(access)
                    .thenCompose(renewed -> attempt(call, request, renewed, tries, true));
        }
        if ((status == 502 || status == 503 || status == 504) && request.idempotent()
                && tries < options.retries()) {
            Duration wait = retryAfter(response.headers()).orElseGet(() -> backoff(tries));
            return later(wait, () -> attempt(call, request, access, tries + 1, reauthenticated));
        }
        if (status == 404 && request.method().equals("DELETE") && tries > 0) {
            return CompletableFuture.completedFuture(new Answer(204, response.headers(), null));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        // the server's words may echo the token or other secrets: removed before they become a message
        byte[] said = response.body() == null ? null : session.redactor()
                .redact(new String(response.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        NeutronRefusal refusal = NeutronErrors.of(status, type, said);
        if (status == 404 && refusal.code().equals("HTTP404")) {
            refusal = refusal.reworded(NeutronErrors.notServed(endpoint, pathOnly(request.path()), refusal));
        }
        return CompletableFuture.failedFuture(refusal);
    }

    private JsonNode json(URI endpoint, Request request, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            // the parser's message quotes the body, which may echo the token
            throw session.redactor().redact(
                    NeutronErrors.notJson(endpoint, request.method() + " " + pathOnly(request.path()), e));
        }
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private <T> CompletableFuture<T> later(Duration wait, java.util.function.Supplier<CompletableFuture<T>> then) {
        return CompletableFuture.supplyAsync(then, delays.after(wait)).thenCompose(Function.identity());
    }

    /** Full jitter: a random share of the base doubled per try, within the cap. */
    Duration backoff(int tries) {
        long base = options.backoffBase().toMillis();
        long cap = options.backoffCap().toMillis();
        long ceiling = tries >= 30 ? cap : Math.min(cap, base << tries);
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    /** What {@code Retry-After} asks for, in seconds or as an HTTP date, within the cap. */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.get()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(options.backoffCap()) > 0 ? options.backoffCap() : wait);
    }

    /** The endpoint without a trailing slash or a {@code /v2.0} the catalog may give. */
    static URI base(Access access) {
        String s = access.networkEndpoint().toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/v2.0")) {
            s = s.substring(0, s.length() - "/v2.0".length());
        }
        return URI.create(s);
    }

    /** Fails every call still running, cancels their exchanges; later calls fail at once. */
    void close() {
        closed = true;
        for (Call call : calls) {
            call.result.completeExceptionally(NeutronErrors.closed());
            call.cancelExchange();
        }
        calls.clear();
    }

    boolean isClosed() {
        return closed;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A future failed with what {@code t} wraps. */
    static <T> CompletableFuture<T> failure(Throwable t) {
        return CompletableFuture.failedFuture(unwrap(t));
    }

    /** A future failed with the failure {@code t} answers once it is known. */
    static <T> CompletableFuture<T> failure(CompletableFuture<? extends Throwable> t) {
        return t.thenCompose(NeutronHttp::failure);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * The failure said with what did not happen first ("The group web was not shared with project x: " and
     * the refusal's words), its kind and code kept; a failure that is no refusal stays as it is.
     */
    static <T> CompletableFuture<T> failedAs(String what, Throwable failure) {
        BackendException refusal = asBackend(failure);
        return refusal == null ? failure(failure) : CompletableFuture.failedFuture(new BackendException(
                refusal.kind(), refusal.code(), what + ": " + refusal.getMessage(), refusal));
    }

    static BackendException asBackend(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof BackendException b ? b : null;
    }
}
