package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Which resources of a Heat template may create security groups or rules that the reader does not see: a
 * resource that makes other resources ({@code OS::Heat::ResourceGroup}, {@code AutoScalingGroup},
 * {@code ResourceChain}, {@code OS::Heat::Stack}), a nested template given as the type ({@code rules.yaml},
 * a URL), a type an environment's {@code resource_registry} maps to something else, and a type that is not
 * Heat's own (only a registry can give it a meaning). A review tool must not take these as "nothing here".
 */
final class HeatResourceTypes {

    static final String RESOURCE_GROUP = "OS::Heat::ResourceGroup";
    private static final String AUTO_SCALING_GROUP = "OS::Heat::AutoScalingGroup";
    private static final String RESOURCE_CHAIN = "OS::Heat::ResourceChain";
    /** Resources that create other resources of a type they are given. */
    private static final Set<String> MAKERS = Set.of(RESOURCE_GROUP, AUTO_SCALING_GROUP, RESOURCE_CHAIN,
            "OS::Heat::Stack", "AWS::CloudFormation::Stack");
    /** Keys of a resource_registry that are not type mappings. */
    private static final Set<String> REGISTRY_SETTINGS = Set.of("resources", "base_url", "hooks");
    private static final String NAMESPACED = "[A-Za-z0-9_]+(::[A-Za-z0-9_]+)+";

    private HeatResourceTypes() {
    }

    /**
     * Why what a resource of this type creates is not read, or null when its type is a group, a rule, or
     * one of Heat's types that creates neither.
     *
     * @param resource the resource's name in the template (a registry may map one resource only)
     * @param spec     the resource (for what a maker makes), or null for a type only
     */
    static String unread(String type, String resource, JsonNode spec, Map<String, JsonNode> registry) {
        String mapped = mapped(type, resource, registry);
        if (mapped != null) {
            return "the environment's resource_registry maps " + type + " to " + mapped;
        }
        if (!type.matches(NAMESPACED)) {
            return type.isEmpty() ? "it has no type" : "its type " + type + " is a nested template";
        }
        if (!type.startsWith("OS::") && !type.startsWith("AWS::")) {
            return "its type " + type + " is not one of Heat's: only an environment's resource_registry gives it "
                    + "a meaning";
        }
        if (MAKERS.contains(type)) {
            return makes(type, resource, spec, registry);
        }
        return null;
    }

    /** Null when every resource the maker makes is of a Heat type that creates no group or rule. */
    private static String makes(String type, String resource, JsonNode spec, Map<String, JsonNode> registry) {
        JsonNode props = spec == null ? null : spec.path("properties");
        JsonNode made = switch (type) {
            case RESOURCE_GROUP -> props == null ? null : props.path("resource_def").path("type");
            case AUTO_SCALING_GROUP -> props == null ? null : props.path("resource").path("type");
            case RESOURCE_CHAIN -> props == null ? null : props.path("resources");
            default -> null;
        };
        String what = "it is an " + type + " and what it creates is not read";
        if (made == null || made.isMissingNode() || made.isNull()) {
            return what;
        }
        for (JsonNode t : made.isArray() ? made : JsonNodeFactory.instance.arrayNode().add(made)) {
            if (!t.isTextual() || unread(t.asText(), resource, null, registry) != null
                    || t.asText().equals(HeatReader.GROUP_TYPE) || t.asText().equals(HeatReader.RULE_TYPE)
                    || HeatReader.UNREAD_RULE_TYPES.contains(t.asText())) {
                return what;
            }
        }
        return null;
    }

    /** What the environments' resource_registry maps the type (or this resource's type) to, or null. */
    static String mapped(String type, String resource, Map<String, JsonNode> registry) {
        JsonNode own = registry.containsKey("resources") ? registry.get("resources").get(resource) : null;
        if (own != null && own.isObject()) {
            String to = match(type, own.fields());
            if (to != null) {
                return to;
            }
        }
        for (Map.Entry<String, JsonNode> e : registry.entrySet()) {
            if (!REGISTRY_SETTINGS.contains(e.getKey()) && matches(e.getKey(), type)) {
                return e.getValue().asText("nothing");
            }
        }
        return null;
    }

    private static String match(String type, Iterator<Map.Entry<String, JsonNode>> entries) {
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            if (matches(e.getKey(), type)) {
                return e.getValue().asText("nothing");
            }
        }
        return null;
    }

    /** Heat's registry keys are a type, or a prefix ending in {@code *}. */
    private static boolean matches(String key, String type) {
        return key.endsWith("*") ? type.startsWith(key.substring(0, key.length() - 1)) : key.equals(type);
    }

    /** The value with {@code var} replaced by {@code index} in every text, as a ResourceGroup does to its members. */
    static JsonNode substitute(JsonNode node, String var, String index) {
        if (node == null || var.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(node.asText().replace(var, index));
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(substitute(n, var, index)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), substitute(f.getValue(), var, index)));
            return out;
        }
        return node;
    }
}
