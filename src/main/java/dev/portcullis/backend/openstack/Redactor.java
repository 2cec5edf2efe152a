package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.portcullis.backend.BackendException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of one session (password, application credential secret, the tokens given or issued, any
 * secret header value) and the removal of them from text that came from a server or an exception, before
 * that text becomes a message, a report line, a log line or a saved file. A server (or a proxy) may echo
 * what it was sent, so each secret is removed in the forms an echo takes: as sent, JSON-escaped,
 * URL-encoded and base64-encoded; and a Keystone token request echoed back whole is cut out.
 * <p>
 * Thread-safe: tokens are added as they are issued, while other threads redact.
 */
public final class Redactor {

    /** What stands in for a removed secret. */
    public static final String HIDDEN = "[secret removed]";
    /** What stands in for an echoed request. */
    static final String ECHO = "[the request sent was echoed back; not shown]";

    /** Shorter values are not treated as secrets: removing them would garble ordinary words. */
    private static final int SHORTEST = 4;
    /** The start of our token request, as JSON (with or without spaces) and as a Python dict's repr. */
    private static final Pattern REQUEST = Pattern.compile(
            "[{]\\s*(\\\\?[\"'])auth\\1\\s*:\\s*[{]\\s*\\\\?[\"'](identity|scope)", Pattern.DOTALL);
    /** A header as a server prints it back: {@code X-Auth-Token: value} or {@code "X-Auth-Token": "value"}. */
    private static final Pattern TOKEN_HEADER = Pattern.compile(
            "(?i)(x-(auth|subject)-token\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)([^\\s\"',}\\\\]+)");

    /** Redacts nothing: for a session that holds no secrets. */
    public static final Redactor NONE = new Redactor(List.of());

    /** Every form of every secret, longest first so that a longer form is not left half-removed. */
    private final Set<String> forms = new CopyOnWriteArraySet<>();

    Redactor(List<Secret> secrets) {
        secrets.forEach(this::add);
    }

    /** The redactor of a cloud's credentials; add tokens as they are issued. */
    static Redactor of(Credentials credentials) {
        Redactor r = new Redactor(List.of());
        if (credentials != null) {
            r.add(credentials.password());
            r.add(credentials.applicationCredentialSecret());
            r.add(credentials.token());
        }
        return r;
    }

    /** Adds a secret (a token just issued, a header value); null and very short values are ignored. */
    public void add(Secret secret) {
        if (secret == null || secret.reveal().length() < SHORTEST) {
            return;
        }
        String value = secret.reveal();
        String json = jsonEscaped(value);
        String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(value);
        forms.add(json);
        forms.add(jsonEscaped(json)); // a JSON message that quotes JSON
        forms.add(url);
        forms.add(url.replace("+", "%20"));
        forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text without any form of a secret, without an echoed token request and without token headers. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        Matcher echo = REQUEST.matcher(out);
        while (echo.find()) {
            int end = objectEnd(out, echo.start());
            out = out.substring(0, echo.start()) + ECHO + out.substring(end);
            echo = REQUEST.matcher(out);
        }
        out = TOKEN_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
        List<String> longestFirst = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String form : longestFirst) {
            if (out.contains(form)) {
                out = out.replace(form, HIDDEN);
            }
        }
        return out;
    }

    /**
     * The same failure with its message redacted, or {@code e} itself when there was nothing to remove. The
     * cause is dropped from a redacted copy: its own text held a secret too, or may.
     */
    public BackendException redact(BackendException e) {
        String message = e.getMessage();
        String clean = redact(message);
        if (clean == null || clean.equals(message) && (e.getCause() == null || causesClean(e.getCause()))) {
            return e;
        }
        BackendException copy = new BackendException(e.kind(), e.code(), clean);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private boolean causesClean(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.equals(redact(m))) {
                return false;
            }
        }
        return true;
    }

    /** Where the JSON object starting at {@code start} ends (after its closing brace); the text's end if it does not. */
    private static int objectEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"' && text.charAt(i - 1) != '\\') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static String jsonEscaped(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
