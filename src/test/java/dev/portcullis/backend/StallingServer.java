package dev.portcullis.backend;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that answers every request with its status line and headers at once, then the
 * first bytes of a body it promises to be longer, and then nothing until it is closed: the answer that
 * never ends. WireMock cannot send this (its dribble delays the headers too).
 */
public final class StallingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    public StallingServer(int status, String extraHeaders) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String head = "HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
                + extraHeaders + "\r\n{";
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.add(client);
                    readHeaders(client.getInputStream());
                    requests.incrementAndGet();
                    client.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** How many requests it has read (and started to answer). */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : accepted) {
            client.close();
        }
    }
}
