package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON objects a file held for its groups, rules and interfaces, by id, so that writing the file
 * back keeps every member Portcullis does not model ({@code mac_address}, {@code fixed_ips[].subnet_id},
 * a rule's {@code created_at}...) and every value it did not change, written as it was written.
 *
 * <p>Each entry keeps the object as read and its projection: what {@link NeutronJson} writes for the
 * entity the object was read as. Writing overlays only the members whose projection changed.
 */
public final class Originals {

    /** A file with nothing to keep: everything is written from the model. */
    public static final Originals NONE = new Originals(Map.of(), Map.of(), Map.of());

    record Entry(ObjectNode original, ObjectNode projection) {
    }

    private final Map<String, Entry> groups;
    private final Map<String, Entry> rules;
    private final Map<String, Entry> ports;

    private Originals(Map<String, Entry> groups, Map<String, Entry> rules, Map<String, Entry> ports) {
        this.groups = groups;
        this.rules = rules;
        this.ports = ports;
    }

    /** Collects entries while a file is read. */
    static final class Builder {
        private final Map<String, Entry> groups = new HashMap<>();
        private final Map<String, Entry> rules = new HashMap<>();
        private final Map<String, Entry> ports = new HashMap<>();

        void group(String id, JsonNode original, ObjectNode projection) {
            put(groups, id, original, withoutRules(projection));
        }

        void rule(String id, JsonNode original, ObjectNode projection) {
            put(rules, id, original, projection);
        }

        void port(String id, JsonNode original, ObjectNode projection) {
            put(ports, id, original, projection);
        }

        private static void put(Map<String, Entry> map, String id, JsonNode original, ObjectNode projection) {
            if (id != null && original instanceof ObjectNode object) {
                map.put(id, new Entry(object.deepCopy(), projection));
            }
        }

        Originals build() {
            return new Originals(Map.copyOf(groups), Map.copyOf(rules), Map.copyOf(ports));
        }
    }

    ObjectNode group(String id, ObjectNode written) {
        ObjectNode rulesFree = withoutRules(written);
        ObjectNode merged = overlay(groups.get(id), rulesFree);
        JsonNode writtenRules = written.get("security_group_rules");
        ArrayNode mergedRules = merged.putArray("security_group_rules");
        writtenRules.forEach(rule -> {
            String ruleId = rule.path("id").asText(null);
            mergedRules.add(overlay(ruleId == null ? null : rules.get(ruleId), (ObjectNode) rule));
        });
        return merged;
    }

    ObjectNode port(String id, ObjectNode written) {
        return overlay(ports.get(id), written);
    }

    /** The original with the members whose projection changed replaced; the written object where none. */
    private static ObjectNode overlay(Entry entry, ObjectNode written) {
        if (entry == null) {
            return written;
        }
        ObjectNode merged = entry.original().deepCopy();
        for (Iterator<String> names = entry.projection().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!written.has(name)) {
                merged.remove(name);
            }
        }
        for (Map.Entry<String, JsonNode> member : written.properties()) {
            if (!Objects.equals(entry.projection().get(member.getKey()), member.getValue())) {
                merged.set(member.getKey(), member.getValue());
            }
        }
        return merged;
    }

    private static ObjectNode withoutRules(ObjectNode group) {
        ObjectNode copy = group.deepCopy();
        copy.remove("security_group_rules");
        return copy;
    }

    /** Whether anything is kept; for tests and diagnostics. */
    boolean isEmpty() {
        return List.of(groups, rules, ports).stream().allMatch(Map::isEmpty);
    }
}
