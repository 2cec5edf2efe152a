package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.backend.openstack.TlsWords;
import dev.portcullis.domain.ErrorCode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Neutron's answers that are not a success, in words: each {@code NeutronError.type} of the error catalogue
 * (shared/neutron/RECIPE.md 6.5) becomes a {@link BackendException} of the right kind whose code is Neutron's
 * type, as do Keystone's {@code {"error": ...}} 401, HTML pages and bodies that are not JSON. Messages never
 * hold a header value: only the status, Neutron's own message and the endpoint's address.
 */
public final class NeutronErrors {

    public static final String IN_USE = "SecurityGroupInUse";
    public static final String RULE_NOT_FOUND = "SecurityGroupRuleNotFound";
    public static final String PORT_NOT_FOUND = "PortNotFound";
    public static final String REVISION_CONFLICT = "RevisionNumberConstraintFailed";
    public static final String OVER_QUOTA = "OverQuota";
    public static final String CANNOT_UPDATE_DEFAULT = "SecurityGroupCannotUpdateDefault";
    public static final String CANNOT_REMOVE_DEFAULT = "SecurityGroupCannotRemoveDefault";
    public static final String POLICY = "PolicyNotAuthorized";

    // Ours, where the server gave no type.
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String UNREACHABLE = "ServiceUnreachable";
    public static final String TIMEOUT = "ServiceTimeout";
    public static final String NOT_JSON = "MalformedResponse";
    public static final String CLOSED = "BackendClosed";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of an answer that is not JSON a message quotes. */
    private static final int QUOTED = 120;

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry(IN_USE, Kind.CONFLICT),
            Map.entry(ErrorCode.RULE_EXISTS, Kind.CONFLICT),
            Map.entry(ErrorCode.DUPLICATE_RULE_IN_POST, Kind.CONFLICT),
            Map.entry(ErrorCode.DEFAULT_ALREADY_EXISTS, Kind.CONFLICT),
            Map.entry(CANNOT_UPDATE_DEFAULT, Kind.CONFLICT),
            Map.entry(CANNOT_REMOVE_DEFAULT, Kind.CONFLICT),
            Map.entry(REVISION_CONFLICT, Kind.STALE),
            Map.entry(OVER_QUOTA, Kind.QUOTA),
            Map.entry(POLICY, Kind.FORBIDDEN),
            Map.entry(ErrorCode.GROUP_NOT_FOUND, Kind.NOT_FOUND),
            Map.entry(RULE_NOT_FOUND, Kind.NOT_FOUND),
            Map.entry(PORT_NOT_FOUND, Kind.NOT_FOUND));

    private NeutronErrors() {
    }

    /** An answer with a status that is not a success. */
    public static NeutronRefusal of(int status, String contentType, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        JsonNode root = parse(text);
        String type = null;
        String message = null;
        if (root != null && root.path("NeutronError").isObject()) {
            type = textOrNull(root.path("NeutronError").path("type"));
            message = textOrNull(root.path("NeutronError").path("message"));
        } else if (root != null && root.path("error").isObject()) {
            JsonNode error = root.path("error");
            type = textOrNull(error.path("title"));
            message = textOrNull(error.path("message"));
        }
        if (type == null) {
            type = status == 401 ? UNAUTHORIZED : "HTTP" + status;
        }
        Kind kind = kindOf(status, type);
        return new NeutronRefusal(kind, type, words(status, type, message, root == null ? text : null), status,
                message);
    }

    static Kind kindOf(int status, String type) {
        Kind known = KINDS.get(type);
        if (known != null) {
            return known;
        }
        if (status == 401 || status == 403) {
            return Kind.FORBIDDEN;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status == 409) {
            return Kind.CONFLICT;
        }
        if (status == 412) {
            return Kind.STALE;
        }
        if (status >= 500 || status == 429 || status == 408) {
            return Kind.UNAVAILABLE;
        }
        return Kind.INVALID;
    }

    private static String words(int status, String type, String message, String notJson) {
        String said = message == null || message.isBlank() ? "" : " " + sentence(message);
        switch (type) {
            case IN_USE:
                return "This group is still used by interfaces." + said;
            case REVISION_CONFLICT:
                return stale(message);
            case OVER_QUOTA:
                return "The project's quota is used up." + said;
            case ErrorCode.DEFAULT_ALREADY_EXISTS:
                return "\"default\" is reserved for the project's default group: choose another name.";
            case CANNOT_UPDATE_DEFAULT:
                return "The default group cannot be renamed; its description and rules can be changed.";
            case CANNOT_REMOVE_DEFAULT:
                return "The default group cannot be deleted: every project has one.";
            case ErrorCode.DUPLICATE_RULE_IN_POST:
                return "Two of the new rules are the same rule (descriptions do not count).";
            case POLICY:
                return "You are not allowed to do this in this project." + said;
            default:
                break;
        }
        if (status == 401) {
            return "The network service refused the credentials (401 Unauthorized)." + said
                    + " Sign in again, or check the cloud's configuration.";
        }
        if (status == 403) {
            return "You are not allowed to do this in this project (403 Forbidden)." + said;
        }
        if (status >= 500) {
            String page = said.isEmpty() && notJson != null && !notJson.isBlank() ? " " + sentence(quote(notJson))
                    : said;
            String what = switch (status) {
                case 502 -> "A gateway or proxy in front of the network service could not reach it (502)";
                case 503 -> "The network service is unavailable for now (503)";
                case 504 -> "A gateway or proxy in front of the network service got no answer from it in time (504)";
                default -> "The network service failed (" + status + ")";
            };
            return what + (page.isEmpty() ? "." : ":" + page) + " Trying again later may work.";
        }
        if (!said.isEmpty()) {
            return said.trim();
        }
        if (notJson != null && !notJson.isBlank()) {
            return "The network service refused the request (" + status + "): " + quote(notJson);
        }
        return "The network service refused the request (" + status + ").";
    }

    /** Neutron's "Constrained to 1, but current revision is 5" in words. */
    static String stale(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Constrained to (\\d+), but current revision is (\\d+)")
                .matcher(message == null ? "" : message);
        String revisions = m.find() ? " (revision " + m.group(1) + ", now " + m.group(2) + ")" : "";
        return "Someone else changed this group since you opened it" + revisions
                + ". Reload it and make your changes again.";
    }

    /**
     * A 404 that is not one of Neutron's (no {@code NeutronError} type): the endpoint does not serve this path
     * at all, most often a network endpoint that is not Neutron's (a wrong catalog entry, region or
     * endpoint_override), said with the URL (without any user:password part) and what the server said.
     */
    static String notServed(URI endpoint, String path, NeutronRefusal refusal) {
        String what = path.startsWith("/v2.0/security-group-rules") ? "security group rules"
                : path.startsWith("/v2.0/security-groups") ? "security groups"
                : path.startsWith("/v2.0/ports") ? "interfaces (ports)" : "what was asked";
        String url = withoutUserInfo(endpoint) + path;
        String said = refusal.neutronMessage().isBlank() ? "" : " It said: " + sentence(refusal.neutronMessage());
        return "The network endpoint does not serve " + what + " at " + url + " (HTTP 404)." + said
                + " Check the cloud's network endpoint: network_endpoint_override if set, else the catalog's network"
                + " endpoint for its region_name and interface.";
    }

    private static String withoutUserInfo(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    /** A success whose body is not the JSON it should be. */
    static BackendException notJson(URI endpoint, String what, Exception cause) {
        return new BackendException(Kind.UNAVAILABLE, NOT_JSON, "The network service at " + endpoint
                + " answered " + what + " with something that is not the JSON it should send.", cause);
    }

    /** A request that never got an answer. */
    static BackendException unreachable(URI endpoint, Throwable cause, Duration timeout) {
        if (cause instanceof HttpTimeoutException) {
            return new BackendException(Kind.UNAVAILABLE, TIMEOUT, "The network service at " + endpoint
                    + " did not answer within " + seconds(timeout) + ".", cause);
        }
        String why = cause instanceof ConnectException ? "the connection was refused"
                : TlsWords.isTls(cause) ? TlsWords.why(cause)
                : reset(cause) ? "the connection was reset by the server or a proxy before the whole answer came"
                : cause instanceof IOException && cause.getMessage() != null
                ? "the connection failed (" + cause.getMessage() + ")" : "the connection failed";
        return new BackendException(Kind.UNAVAILABLE, UNREACHABLE, "Could not reach the network service at "
                + endpoint + ": " + why + ".", cause);
    }

    /**
     * Whether the connection was reset or closed under the request: java.net.http says "Connection reset"
     * when the reset comes while it reads, and "header parser received no bytes" (or an end of stream)
     * when the connection ends before the answer's first byte.
     */
    static boolean reset(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof java.io.EOFException || m.contains("Connection reset") || m.contains("received no bytes")
                    || m.contains("Broken pipe")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static BackendException closed() {
        return new BackendException(Kind.UNAVAILABLE, CLOSED, "The connection to the cloud was closed.");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    /** The readable text of an answer that is not JSON (an HTML page's words), shortened. */
    private static String quote(String body) {
        String plain = body.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ").strip();
        return plain.length() <= QUOTED ? plain : plain.substring(0, QUOTED) + "…";
    }

}
