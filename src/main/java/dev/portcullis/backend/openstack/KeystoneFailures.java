package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keystone's refusals and failures as {@link BackendException}s a person can act on. */
final class KeystoneFailures {

    static final String CODE = "Keystone";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    private KeystoneFailures() {
    }

    /** A failure to exchange with Keystone at all: refused connection, timeout, TLS, unknown host. */
    static BackendException transport(Throwable failure, URI uri, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof BackendException backend) {
            return backend;
        }
        String where = uri.getScheme() + "://" + uri.getAuthority();
        String why;
        if (cause instanceof HttpConnectTimeoutException) {
            why = "no connection within " + seconds(timeout);
        } else if (cause instanceof HttpTimeoutException) {
            return new BackendException(Kind.UNAVAILABLE, CODE, "Keystone at " + where + " did not answer within "
                    + seconds(timeout) + " (api_timeout); try again, or raise api_timeout.", cause);
        } else if (TlsWords.isTls(cause)) {
            why = TlsWords.why(cause);
        } else if (cause instanceof ConnectException || cause.getCause() instanceof UnresolvedAddressException) {
            why = "the connection was refused or the host is unknown";
        } else if (cause instanceof IOException) {
            why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        } else {
            return new BackendException(Kind.UNAVAILABLE, CODE, "Talking to Keystone at " + where + " failed unexpectedly"
                    + (cause.getMessage() == null ? "." : ": " + cause.getMessage()), cause);
        }
        return new BackendException(Kind.UNAVAILABLE, CODE, "Could not reach Keystone at " + where + ": " + why + ".", cause);
    }

    /** An answer other than 201 to the token request. */
    static BackendException refusal(int status, String contentType, String body, CloudConfig config, URI uri) {
        String said = said(contentType, body);
        String cloud = "cloud '" + config.name() + "'";
        if (status == 401) {
            String what = switch (config.authType()) {
                case PASSWORD -> "the user name or password";
                case APPLICATION_CREDENTIAL -> "the application credential";
                case TOKEN -> "the token (it may have expired; sign in again for a new one)";
                case NONE -> "the request";
            };
            return new BackendException(Kind.FORBIDDEN, "Unauthorized", "Keystone refused " + what + " for " + cloud
                    + " (HTTP 401" + said + "). Check " + config.source() + ".");
        }
        if (status == 403) {
            return new BackendException(Kind.FORBIDDEN, "Forbidden", "Keystone does not let this user into project "
                    + config.credentials().projectLabel() + " of " + cloud + " (HTTP 403" + said + ").");
        }
        if (status == 404 && said.startsWith(": ")) {
            // Keystone itself answered (its error envelope): the service is there, what the settings name is not
            String what = config.authType() == AuthType.TOKEN
                    ? "Keystone refused the token of " + cloud + ": it does not know it (it expired or was revoked)"
                    + " (HTTP 404" + said + "). Sign in again for a new token and set it in " + config.source() + "."
                    : "Keystone refused the credentials of " + cloud + ": something they name is unknown to it"
                    + " (HTTP 404" + said + "). Check the user, project, domains and any application credential"
                    + " in " + config.source() + ".";
            return new BackendException(Kind.FORBIDDEN, "Unauthorized", what);
        }
        if (status == 404) {
            return new BackendException(Kind.INVALID, "NotFound", "There is no Keystone v3 token service at " + uri
                    + " (HTTP 404" + said + "); check auth_url of " + cloud + ".");
        }
        if (status == 400) {
            return new BackendException(Kind.INVALID, "BadRequest", "Keystone did not accept the settings of " + cloud
                    + " (HTTP 400" + said + ").");
        }
        return new BackendException(Kind.UNAVAILABLE, CODE, "Keystone at " + uri + " failed for " + cloud
                + " (HTTP " + status + said + "); try again later.");
    }

    /** What the body says, as {@code ": <words>"}: Keystone's error envelope, an HTML page's title, or nothing. */
    static String said(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html") || body.stripLeading().startsWith("<")) {
            Matcher title = TITLE.matcher(body);
            return ", an HTML page" + (title.find() ? " titled '" + title.group(1).strip() + "'" : "") + " instead of JSON";
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String message = error.path("message").asText("");
            String title = error.path("title").asText("");
            if (!message.isEmpty() || !title.isEmpty()) {
                return ": " + (title.isEmpty() ? "" : title + ", ") + message;
            }
        } catch (IOException e) {
            return ", an answer that is not JSON";
        }
        return "";
    }

    static BackendException malformed(URI uri, String what) {
        return new BackendException(Kind.UNAVAILABLE, CODE, "Keystone at " + uri + " answered the token request with "
                + what + "; is auth_url Keystone's address?");
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
