package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Heat's intrinsic functions, as far as they can be worked out without a cloud: {@code get_param} (with
 * index paths), {@code get_resource}, {@code str_replace} (and its strict forms), {@code list_join},
 * {@code list_concat}, {@code str_split}, {@code map_merge}, {@code repeat}, {@code if} with the template's
 * {@code conditions} ({@code equals}, {@code not}, {@code and}, {@code or}). Anything else ({@code get_attr},
 * {@code get_file}, {@code yaql}, pseudo parameters...) is {@link Unresolved} with the reason.
 */
final class HeatFunctions {

    /** A value that cannot be known offline; {@code pointer} is where it was written. */
    static final class Unresolved extends Exception {
        final String pointer;

        Unresolved(String pointer, String reason) {
            super(reason);
            this.pointer = pointer;
        }
    }

    /** What the functions look up in the template. */
    interface Context {
        JsonNode param(String name, String pointer) throws Unresolved;

        String resourceId(String name, String pointer) throws Unresolved;

        boolean condition(String name, String pointer) throws Unresolved;
    }

    private static final Set<String> OFFLINE_UNKNOWN = Set.of("get_attr", "get_file", "yaql", "digest", "filter",
            "make_url", "contains", "map_replace", "resource_facade", "Fn::GetAtt", "Fn::GetAZs", "Ref",
            "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Replace", "Fn::Base64", "Fn::MemberListToMap",
            "Fn::ResourceFacade");

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final Context context;

    HeatFunctions(Context context) {
        this.context = context;
    }

    /** The value with every function in it worked out. */
    JsonNode resolve(JsonNode node, String pointer) throws Unresolved {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.size() == 1) {
            String name = node.fieldNames().next();
            JsonNode arg = node.get(name);
            String at = YamlTree.step(pointer, name);
            switch (name) {
                case "get_param":
                    return getParam(arg, at);
                case "get_resource":
                    return json.textNode(context.resourceId(text(resolve(arg, at), at, "get_resource"), at));
                case "str_replace", "str_replace_strict", "str_replace_vstrict":
                    return strReplace(arg, at);
                case "list_join":
                    return listJoin(arg, at);
                case "list_concat", "list_concat_unique":
                    return listConcat(resolve(arg, at), at, name.endsWith("unique"));
                case "str_split":
                    return strSplit(resolve(arg, at), at);
                case "map_merge":
                    return mapMerge(resolve(arg, at), at);
                case "repeat":
                    return repeat(arg, at);
                case "if":
                    return ifFunction(arg, at);
                case "equals", "not", "and", "or":
                    return json.booleanNode(condition(node, pointer));
                default:
                    if (OFFLINE_UNKNOWN.contains(name)) {
                        throw new Unresolved(at, name.equals("get_attr")
                                ? "get_attr gives a value Heat knows only once the stack exists"
                                : name + " is not worked out offline by Portcullis");
                    }
            }
        }
        if (node.isObject()) {
            ObjectNode out = json.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), resolve(f.getValue(), YamlTree.step(pointer, f.getKey())));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(resolve(node.get(i), YamlTree.step(pointer, i)));
            }
            return out;
        }
        return node;
    }

    /** A condition: a name from the {@code conditions} section, a boolean, or an expression. */
    boolean condition(JsonNode node, String pointer) throws Unresolved {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return context.condition(node.textValue(), pointer);
        }
        if (node.isObject() && node.size() == 1) {
            String name = node.fieldNames().next();
            JsonNode arg = node.get(name);
            String at = YamlTree.step(pointer, name);
            switch (name) {
                case "equals":
                    JsonNode pair = resolve(arg, at);
                    if (!pair.isArray() || pair.size() != 2) {
                        throw new Unresolved(at, "equals takes a list of two values");
                    }
                    return same(pair.get(0), pair.get(1));
                case "not":
                    return !condition(arg, at);
                case "and", "or":
                    if (!arg.isArray()) {
                        throw new Unresolved(at, name + " takes a list of conditions");
                    }
                    boolean and = name.equals("and");
                    for (int i = 0; i < arg.size(); i++) {
                        if (condition(arg.get(i), YamlTree.step(at, i)) != and) {
                            return !and;
                        }
                    }
                    return and;
                default:
                    JsonNode value = resolve(node, pointer);
                    if (value.isBoolean()) {
                        return value.booleanValue();
                    }
            }
        }
        throw new Unresolved(pointer, "this is not a condition (a name from \"conditions\", true/false, "
                + "equals, not, and, or)");
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private JsonNode getParam(JsonNode arg, String at) throws Unresolved {
        JsonNode resolved = resolve(arg, at);
        List<JsonNode> path = new ArrayList<>();
        if (resolved.isArray()) {
            resolved.forEach(path::add);
        } else {
            path.add(resolved);
        }
        if (path.isEmpty()) {
            throw new Unresolved(at, "get_param needs the name of a parameter");
        }
        JsonNode value = context.param(text(path.get(0), at, "get_param"), at);
        for (JsonNode key : path.subList(1, path.size())) {
            if (value.isArray() && key.canConvertToInt()) {
                value = value.get(key.asInt());
            } else if (value.isArray() && key.isTextual() && key.textValue().matches("\\d{1,9}")) {
                value = value.get(Integer.parseInt(key.textValue()));
            } else if (value.isObject()) {
                value = value.get(key.asText());
            } else {
                value = null;
            }
            if (value == null) {
                throw new Unresolved(at, "the parameter " + path.get(0).asText() + " has nothing at " + key);
            }
        }
        return value;
    }

    private static String text(JsonNode node, String at, String function) throws Unresolved {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            throw new Unresolved(at, function + " needs a name here");
        }
        return node.asText();
    }

    /** A scalar as Heat turns it into text in a string function. */
    private static String scalar(JsonNode node, String at) throws Unresolved {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        throw new Unresolved(at, "a list or a map cannot be put into a string here");
    }

    private JsonNode strReplace(JsonNode arg, String at) throws Unresolved {
        if (!arg.isObject() || !arg.has("template") || !arg.has("params")) {
            throw new Unresolved(at, "str_replace takes a map with \"template\" and \"params\"");
        }
        String template = scalar(resolve(arg.get("template"), YamlTree.step(at, "template")), at);
        JsonNode params = resolve(arg.get("params"), YamlTree.step(at, "params"));
        if (!params.isObject()) {
            throw new Unresolved(at, "str_replace's params must be a map");
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            replacements.put(f.getKey(), scalar(f.getValue(), at));
        }
        // Heat replaces the longest keys first, so that one key inside another is not half replaced.
        List<String> keys = new ArrayList<>(replacements.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < template.length()) {
            for (String key : keys) {
                if (!key.isEmpty() && template.startsWith(key, i)) {
                    out.append(replacements.get(key));
                    i += key.length();
                    continue outer;
                }
            }
            out.append(template.charAt(i++));
        }
        return json.textNode(out.toString());
    }

    private JsonNode listJoin(JsonNode arg, String at) throws Unresolved {
        JsonNode args = resolve(arg, at);
        if (!args.isArray() || args.size() < 1) {
            throw new Unresolved(at, "list_join takes a delimiter and lists");
        }
        String delimiter = scalar(args.get(0), at);
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            JsonNode list = args.get(i);
            if (!list.isArray()) {
                throw new Unresolved(at, "list_join joins lists");
            }
            for (JsonNode item : list) {
                parts.add(item.isContainerNode() ? item.toString() : scalar(item, at));
            }
        }
        return json.textNode(String.join(delimiter, parts));
    }

    private JsonNode listConcat(JsonNode args, String at, boolean unique) throws Unresolved {
        if (!args.isArray()) {
            throw new Unresolved(at, "list_concat takes a list of lists");
        }
        ArrayNode out = json.arrayNode();
        for (JsonNode list : args) {
            if (!list.isArray()) {
                throw new Unresolved(at, "list_concat takes a list of lists");
            }
            for (JsonNode item : list) {
                boolean seen = false;
                for (JsonNode o : out) {
                    seen |= o.equals(item);
                }
                if (!unique || !seen) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    private JsonNode strSplit(JsonNode args, String at) throws Unresolved {
        if (!args.isArray() || args.size() < 2) {
            throw new Unresolved(at, "str_split takes a delimiter, a string and optionally an index");
        }
        String[] parts = scalar(args.get(1), at).split(java.util.regex.Pattern.quote(scalar(args.get(0), at)), -1);
        if (args.size() > 2) {
            int index = args.get(2).asInt(-1);
            if (index < 0 || index >= parts.length) {
                throw new Unresolved(at, "str_split has no item " + args.get(2));
            }
            return json.textNode(parts[index]);
        }
        ArrayNode out = json.arrayNode();
        for (String p : parts) {
            out.add(p);
        }
        return out;
    }

    private JsonNode mapMerge(JsonNode args, String at) throws Unresolved {
        if (!args.isArray()) {
            throw new Unresolved(at, "map_merge takes a list of maps");
        }
        ObjectNode out = json.objectNode();
        for (JsonNode map : args) {
            if (!map.isObject()) {
                throw new Unresolved(at, "map_merge takes a list of maps");
            }
            out.setAll((ObjectNode) map);
        }
        return out;
    }

    private JsonNode ifFunction(JsonNode arg, String at) throws Unresolved {
        if (!arg.isArray() || arg.size() != 3) {
            throw new Unresolved(at, "if takes a condition and two values");
        }
        boolean yes = condition(arg.get(0), YamlTree.step(at, 0));
        return resolve(arg.get(yes ? 1 : 2), YamlTree.step(at, yes ? 1 : 2));
    }

    /** {@code repeat}: the template once for each value (each combination, with several lists). */
    private JsonNode repeat(JsonNode arg, String at) throws Unresolved {
        if (!arg.isObject() || !arg.has("for_each") || !arg.has("template")) {
            throw new Unresolved(at, "repeat takes a map with \"for_each\" and \"template\"");
        }
        JsonNode forEach = resolve(arg.get("for_each"), YamlTree.step(at, "for_each"));
        if (!forEach.isObject()) {
            throw new Unresolved(at, "repeat's for_each must be a map of placeholders to lists");
        }
        boolean permutations = !arg.has("permutations") || arg.get("permutations").asBoolean(true);
        List<String> keys = new ArrayList<>();
        List<JsonNode> lists = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = forEach.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isArray()) {
                throw new Unresolved(at, "repeat's for_each." + f.getKey() + " must be a list");
            }
            keys.add(f.getKey());
            lists.add(f.getValue());
        }
        List<List<JsonNode>> combinations = HeatRepeat.combinations(lists, permutations, at);
        ArrayNode out = json.arrayNode();
        JsonNode template = resolve(arg.get("template"), YamlTree.step(at, "template"));
        for (List<JsonNode> c : combinations) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                values.put(keys.get(i), scalar(c.get(i), at));
            }
            out.add(HeatRepeat.substitute(template, values));
        }
        return out;
    }
}
