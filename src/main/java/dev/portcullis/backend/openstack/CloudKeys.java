package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One cloud's settings with openstacksdk's spellings folded together: dashes read as underscores,
 * {@code *endpoint_type} as {@code *interface}, {@code auth_plugin} as {@code auth_type}, {@code tenant_*}
 * as {@code project_*}, {@code auth_token} as {@code token}; auth settings may sit inside {@code auth} or
 * next to it. Values are read as text, whatever YAML type they had.
 */
final class CloudKeys {

    /** Keys where a value next to {@code auth} beats one inside it (openstacksdk: they carry overrides). */
    private static final List<String> OUTSIDE_WINS = List.of(
            "domain_id", "domain_name", "user_domain_id", "user_domain_name", "project_domain_id",
            "project_domain_name", "token", "project_id", "project_name");

    private final ObjectNode top;
    private final ObjectNode auth;
    private final List<String> problems;

    CloudKeys(JsonNode cloud, List<String> problems) {
        this.problems = problems;
        this.top = normalize(cloud.isObject() ? (ObjectNode) cloud : JsonNodeFactory.instance.objectNode());
        JsonNode inner = top.get("auth");
        if (inner != null && !inner.isObject() && !inner.isNull()) {
            problems.add("'auth' must be a mapping of settings, but holds " + ConfigFile.kind(inner) + ".");
        }
        this.auth = inner != null && inner.isObject() ? (ObjectNode) inner : JsonNodeFactory.instance.objectNode();
        alias("tenant_id", "project_id");
        alias("tenant_name", "project_name");
        alias("auth_token", "token");
        alias("auth_plugin", "auth_type");
    }

    /** A setting of the cloud itself (region, interface, verify...), or null. */
    String setting(String key) {
        return text(key, top.get(key));
    }

    /** A raw setting, for lists such as {@code regions}. */
    JsonNode node(String key) {
        return top.get(key);
    }

    /** An auth setting, from inside {@code auth} or next to it, with openstacksdk's precedence. */
    String auth(String key) {
        String inside = text(key, auth.get(key));
        String outside = text(key, top.get(key));
        if (OUTSIDE_WINS.contains(key)) {
            return outside != null ? outside : inside;
        }
        return inside != null ? inside : outside;
    }

    /** A secret auth setting, exactly as written (spaces kept), or null. */
    String authSecret(String key) {
        JsonNode inside = auth.get(key);
        JsonNode value = inside != null && !inside.isNull() ? inside : top.get(key);
        if (OUTSIDE_WINS.contains(key) && top.get(key) != null && !top.get(key).isNull()) {
            value = top.get(key);
        }
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isEmpty()) {
            return text(key, value);
        }
        return value.asText();
    }

    boolean has(String key) {
        return setting(key) != null;
    }

    /** Keys of the cloud (outside {@code auth}) ending with a suffix, such as the per-service timeouts. */
    List<String> keysEndingWith(String suffix) {
        return top.properties().stream().map(e -> e.getKey()).filter(k -> k.endsWith(suffix)).toList();
    }

    private String text(String key, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isContainerNode()) {
            problems.add("'" + key + "' must be a single value, but holds " + ConfigFile.kind(value) + ".");
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text.trim();
    }

    /** Old spelling {@code from} counts as {@code to} where {@code to} is not given, inside and outside auth. */
    private void alias(String from, String to) {
        for (ObjectNode node : List.of(top, auth)) {
            if (node.has(from) && !node.has(to)) {
                node.set(to, node.get(from));
            }
        }
    }

    private static ObjectNode normalize(ObjectNode node) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(e -> {
            String key = e.getKey().replace('-', '_');
            if (key.endsWith("endpoint_type")) {
                key = key.substring(0, key.length() - "endpoint_type".length()) + "interface";
            }
            JsonNode value = e.getValue();
            copy.set(key, value.isObject() ? normalize((ObjectNode) value) : value);
        });
        return copy;
    }
}
