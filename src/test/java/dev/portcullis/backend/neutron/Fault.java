package dev.portcullis.backend.neutron;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link FaultProxy} does to a request a {@link FaultRule} matches, and whether the server sees it
 * ({@link #forwards()}): a fault after forwarding is the worst case of a lost answer, the server did the work.
 *
 * @param name   what a test and its records call it
 * @param before run before the request is forwarded (a change someone else makes at that moment), or null
 * @param answer what the client gets instead of the server's answer ({@link Kind#ANSWER})
 */
record Fault(String name, Kind kind, boolean forwards, Runnable before, FaultProxy.Outgoing answer) {

    enum Kind {
        /** The connection is closed with a TCP reset instead of an answer. */
        RESET,
        /** The connection is reset as soon as the request's head is read, its body left unread. */
        RESET_UNREAD,
        /** The server's answer begun (status, headers, half the body), then the connection reset. */
        RESET_MID_BODY,
        /** The connection is closed (FIN) instead of an answer. */
        CLOSE,
        /** No answer at all, until the client gives up (or {@link FaultProxy#HANG_MS}). */
        HANG,
        /** The server's answer with its body cut in half: JSON that does not parse. */
        GARBLE,
        /** An answer made up by the proxy. */
        ANSWER,
        /** The server's own answer, after {@link Fault#before()} ran. */
        BEFORE,
        /** The request forwarded with a token the server does not know: the server's own 401. */
        STALE_TOKEN
    }

    /** The connection reset, the request never forwarded. */
    static Fault reset() {
        return new Fault("reset", Kind.RESET, false, null, null);
    }

    /** The request forwarded (the server does its work), then the connection reset: the answer is lost. */
    static Fault resetAfterForwarding() {
        return new Fault("reset after forwarding", Kind.RESET, true, null, null);
    }

    /** The connection reset while the request's body is still unread: the client may still be sending it. */
    static Fault resetWhileSending() {
        return new Fault("reset while sending", Kind.RESET_UNREAD, false, null, null);
    }

    /** The request forwarded (the server does its work), its answer begun, then the connection reset. */
    static Fault resetMidAnswer() {
        return new Fault("reset in the middle of the answer", Kind.RESET_MID_BODY, true, null, null);
    }

    /** The request forwarded (the server does its work), then the connection closed without an answer. */
    static Fault closeAfterForwarding() {
        return new Fault("closed after forwarding", Kind.CLOSE, true, null, null);
    }

    /** No answer, the request never forwarded. */
    static Fault hang() {
        return new Fault("hang", Kind.HANG, false, null, null);
    }

    /** The request forwarded (the server does its work), then no answer. */
    static Fault hangAfterForwarding() {
        return new Fault("hang after forwarding", Kind.HANG, true, null, null);
    }

    /** The server's answer with half its body: the server did the work, the client cannot read it. */
    static Fault garbled() {
        return new Fault("malformed JSON", Kind.GARBLE, true, null, null);
    }

    /** An answer from the proxy (not forwarded); {@code headers} are name, value, name, value... */
    static Fault answer(int status, String contentType, String body, String... headers) {
        List<String[]> list = new ArrayList<>();
        list.add(new String[] {"Content-Type", contentType});
        for (int i = 0; i + 1 < headers.length; i += 2) {
            list.add(new String[] {headers[i], headers[i + 1]});
        }
        return new Fault(String.valueOf(status), Kind.ANSWER, false, null,
                new FaultProxy.Outgoing(status, list, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The request forwarded with its {@code X-Auth-Token} replaced by one that is not valid (expired, say). */
    static Fault staleToken() {
        return new Fault("token refused", Kind.STALE_TOKEN, true, null, null);
    }

    /** Runs {@code change} (someone else's change on the server), then forwards the request. */
    static Fault before(String name, Runnable change) {
        return new Fault(name, Kind.BEFORE, true, change, null);
    }

    @Override
    public String toString() {
        return name;
    }
}
