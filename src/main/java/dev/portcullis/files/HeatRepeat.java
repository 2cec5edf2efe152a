package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Heat's {@code repeat}: the combinations of its lists' values, and the template with each one put in. */
final class HeatRepeat {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HeatRepeat() {
    }

    /**
     * Every combination of one value from each list ({@code permutations}), or the values at the same place in
     * each list (then the lists must be equally long).
     */
    static List<List<JsonNode>> combinations(List<JsonNode> lists, boolean permutations, String at)
            throws HeatFunctions.Unresolved {
        List<List<JsonNode>> combinations = new ArrayList<>();
        combinations.add(List.of());
        if (permutations) {
            for (JsonNode list : lists) {
                List<List<JsonNode>> next = new ArrayList<>();
                for (List<JsonNode> c : combinations) {
                    for (JsonNode v : list) {
                        List<JsonNode> longer = new ArrayList<>(c);
                        longer.add(v);
                        next.add(longer);
                    }
                }
                combinations = next;
            }
        } else {
            combinations.clear();
            int n = lists.isEmpty() ? 0 : lists.get(0).size();
            for (JsonNode list : lists) {
                if (list.size() != n) {
                    throw new HeatFunctions.Unresolved(at, "without permutations, repeat's lists must be equally long");
                }
            }
            for (int i = 0; i < n; i++) {
                List<JsonNode> c = new ArrayList<>();
                for (JsonNode list : lists) {
                    c.add(list.get(i));
                }
                combinations.add(c);
            }
        }
        return combinations;
    }

    /** The template with each placeholder replaced by its value, in texts and keys alike. */
    static JsonNode substitute(JsonNode template, Map<String, String> values) {
        if (template.isTextual()) {
            String s = template.textValue();
            for (Map.Entry<String, String> e : values.entrySet()) {
                s = s.replace(e.getKey(), e.getValue());
            }
            return JSON.textNode(s);
        }
        if (template.isArray()) {
            ArrayNode out = JSON.arrayNode();
            template.forEach(item -> out.add(substitute(item, values)));
            return out;
        }
        if (template.isObject()) {
            ObjectNode out = JSON.objectNode();
            template.fields().forEachRemaining(f -> out.set(
                    substitute(JSON.textNode(f.getKey()), values).textValue(), substitute(f.getValue(), values)));
            return out;
        }
        return template;
    }
}
