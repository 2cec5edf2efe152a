package dev.portcullis.backend.neutron;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 (an ephemeral port) in front of a real Neutron, for tests: it forwards
 * every request as it is, except those a {@link FaultRule} matches, which get that rule's {@link Fault}.
 * It records every request it read ({@link Seen}: method, path, whether it reached the server, the fault,
 * the token it carried), so that a test can tell which requests were tried again.
 *
 * <p>Bounded: at most {@value #CONNECTIONS} connections at once (more are closed at once), an idle
 * connection is closed after {@value #IDLE_MS} ms, a hang lasts at most {@value #HANG_MS} ms, a forwarded
 * request at most 20 s; {@link #close()} closes every socket and thread. A raw socket server, since
 * a reset (TCP RST) cannot be sent by {@code com.sun.net.httpserver}.
 */
final class FaultProxy implements AutoCloseable {

    static final int CONNECTIONS = 32;
    static final int IDLE_MS = 5_000;
    static final int HANG_MS = 8_000;
    /** Headers java.net.http sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive");

    /** What one request the proxy read became. */
    record Seen(String method, String target, boolean forwarded, String fault, String token, long nanos) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        @Override
        public String toString() {
            return method + " " + target + (fault == null ? "" : " [" + fault + "]")
                    + (forwarded ? "" : " (not forwarded)");
        }
    }

    private final URI upstream;
    private final ServerSocket server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ThreadPoolExecutor handlers;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger count = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(0, CONNECTIONS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "fault-proxy-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::accept, "fault-proxy-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address to give the client instead of the server's. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Adds a rule: its fault for the matching requests it names. */
    FaultProxy inject(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    /** Every request read so far, in the order they were read. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The requests read with this method whose path (without the query) matches {@code pathRegex}. */
    List<Seen> seen(String method, String pathRegex) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().matches(pathRegex)).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(socket);
            try {
                handlers.execute(() -> serve(socket));
            } catch (RejectedExecutionException full) {
                quietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setSoTimeout(IDLE_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Incoming head;
            while ((head = Incoming.head(in)) != null) {
                if (!answer(socket, in, out, head)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException ended) {
            // the client went away, or the proxy is closing
        } finally {
            quietly(socket);
        }
    }

    /** Answers one request; false when the connection is over. */
    private boolean answer(Socket socket, InputStream in, OutputStream out, Incoming head)
            throws IOException, InterruptedException {
        FaultRule rule = rules.stream().filter(r -> r.takes(head.method(), head.path())).findFirst().orElse(null);
        Fault fault = rule == null ? null : rule.fault();
        if (fault != null && fault.kind() == Fault.Kind.RESET_UNREAD) {
            seen.add(new Seen(head.method(), head.target(), false, fault.name(), head.header("x-auth-token"),
                    System.nanoTime()));
            return reset(socket);
        }
        Incoming request = fault != null && fault.kind() == Fault.Kind.STALE_TOKEN
                ? head.withBody(in).withToken("portcullis-stale-token") : head.withBody(in);
        boolean forward = fault == null || fault.forwards();
        seen.add(new Seen(request.method(), request.target(), forward, fault == null ? null : fault.name(),
                request.header("x-auth-token"), System.nanoTime()));
        if (fault != null && fault.before() != null) {
            fault.before().run();
        }
        Outgoing answer = forward ? forward(request) : null;
        if (fault == null || fault.kind() == Fault.Kind.BEFORE || fault.kind() == Fault.Kind.STALE_TOKEN) {
            answer.write(out);
            return true;
        }
        switch (fault.kind()) {
            case RESET -> {
                return reset(socket);
            }
            case RESET_MID_BODY -> {
                answer.writeHalf(out);
                return reset(socket);
            }
            case CLOSE -> {
                socket.close();
                return false;
            }
            case HANG -> {
                closing.await(HANG_MS, TimeUnit.MILLISECONDS);
                return false;
            }
            case GARBLE -> {
                byte[] body = answer.body();
                byte[] cut = java.util.Arrays.copyOf(body, body.length / 2);
                new Outgoing(answer.status(), answer.headers(), cut).write(out);
                return true;
            }
            case ANSWER -> {
                fault.answer().write(out);
                return true;
            }
            default -> throw new IllegalStateException(fault.kind().toString());
        }
    }

    private static boolean reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0); // close with RST, not FIN
        socket.close();
        return false;
    }

    private Outgoing forward(Incoming request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(upstream + request.target()))
                .timeout(Duration.ofSeconds(20))
                .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                        && !request.method().equals("PUT") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String[] h : request.headers()) {
            if (!RESTRICTED.contains(h[0].toLowerCase(Locale.ROOT))) {
                builder.header(h[0], h[1]);
            }
        }
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        List<String[]> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> headers.add(new String[] {name, v}));
            }
        });
        return new Outgoing(response.statusCode(), headers, response.body());
    }

    @Override
    public void close() {
        closing.countDown();
        quietly(server);
        open.forEach(FaultProxy::quietly);
        handlers.shutdownNow();
        try {
            acceptor.join(2_000);
            handlers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** A request as read from the client: request line, headers, a Content-Length body. */
    record Incoming(String method, String target, List<String[]> headers, byte[] body) {

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        /** The same request with another {@code X-Auth-Token}. */
        Incoming withToken(String token) {
            List<String[]> changed = new ArrayList<>(headers.stream().filter(h -> !h[0].equalsIgnoreCase("x-auth-token"))
                    .toList());
            changed.add(new String[] {"X-Auth-Token", token});
            return new Incoming(method, target, changed, body);
        }

        /** The request's body, read after its head. */
        Incoming withBody(InputStream in) throws IOException {
            if (header("transfer-encoding") != null) {
                throw new SocketException("chunked requests are not supported by this test proxy");
            }
            String length = header("content-length");
            return new Incoming(method, target, headers, length == null ? new byte[0]
                    : in.readNBytes(Integer.parseInt(length)));
        }

        /** The next request's line and headers (its body not read yet), or null at the end of the stream. */
        static Incoming head(InputStream in) throws IOException {
            String line = line(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                throw new SocketException("not an HTTP request line: " + line);
            }
            List<String[]> headers = new ArrayList<>();
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                headers.add(new String[] {h.substring(0, colon).strip(), h.substring(colon + 1).strip()});
            }
            return new Incoming(parts[0], parts[1], headers, new byte[0]);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder s = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int end = s.length();
                    return end > 0 && s.charAt(end - 1) == '\r' ? s.substring(0, end - 1) : s.toString();
                }
                s.append((char) b);
            }
            return s.length() == 0 ? null : s.toString();
        }
    }

    /** An answer to write to the client, with its Content-Length. */
    record Outgoing(int status, List<String[]> headers, byte[] body) {

        void write(OutputStream out) throws IOException {
            writeHead(out);
            out.write(body);
            out.flush();
        }

        /** The status, the headers (with the whole body's length) and half the body. */
        void writeHalf(OutputStream out) throws IOException {
            writeHead(out);
            out.write(body, 0, body.length / 2);
            out.flush();
        }

        private void writeHead(OutputStream out) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
            headers.forEach(h -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
