package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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

    /**
     * What an object held beyond its projection: the members whose value differs from the projection's or that the
     * projection lacks ({@code extra}), and the order of all its members. The object is the projection with those
     * members put back in that order; so an object that holds just its projection costs nothing.
     */
    record Entry(ObjectNode extra, List<String> order, Supplier<ObjectNode> projection) {

        /** The object as it was read. */
        ObjectNode original(ObjectNode projected) {
            ObjectNode original = projected.objectNode();
            for (String name : order) {
                JsonNode value = extra.has(name) ? extra.get(name) : projected.get(name);
                original.set(name, value == null ? null : value.deepCopy());
            }
            return original;
        }
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
        /** One copy of each member order and of each text kept, as most objects of a file share them. */
        private final Map<List<String>, List<String>> orders = new HashMap<>();
        private final Map<JsonNode, JsonNode> values = new HashMap<>();

        /** A group; its rules are kept one by one ({@link #rule}), not with it. */
        void group(String id, JsonNode original, ObjectNode projection) {
            if (original instanceof ObjectNode object && object.has("security_group_rules")) {
                ObjectNode rulesFree = object.deepCopy();
                // The member stays where it was written; its value is the rules written at the time.
                rulesFree.putArray("security_group_rules");
                original = rulesFree;
            }
            ObjectNode projected = withoutRules(projection);
            if (original.has("security_group_rules")) {
                projected.putArray("security_group_rules");
            }
            put(groups, id, original, projected, () -> projected);
        }

        /** A rule, whose projection is made again when it is needed rather than kept. */
        void rule(String id, JsonNode original, Supplier<ObjectNode> projection) {
            put(rules, id, original, projection.get(), projection);
        }

        void port(String id, JsonNode original, ObjectNode projection) {
            put(ports, id, original, projection, () -> projection);
        }

        private void put(Map<String, Entry> map, String id, JsonNode original, ObjectNode projected,
                         Supplier<ObjectNode> projection) {
            if (id == null || !(original instanceof ObjectNode object)) {
                return;
            }
            List<String> order = new ArrayList<>(object.size());
            ObjectNode extra = null;
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                order.add(member.getKey());
                if (!same(member.getValue(), projected.get(member.getKey()))) {
                    extra = extra == null ? object.objectNode() : extra;
                    extra.set(member.getKey(), kept(member.getValue()));
                }
            }
            List<String> written = new ArrayList<>(projected.size());
            projected.fieldNames().forEachRemaining(written::add);
            if (extra == null && order.equals(written)) {
                return;
            }
            map.put(id, new Entry(extra == null ? object.objectNode() : extra,
                    orders.computeIfAbsent(List.copyOf(order), o -> o), projection));
        }

        /** Equal values; a whole number is the same whether it was read as an int or made as a long. */
        private static boolean same(JsonNode read, JsonNode projected) {
            return read.equals(projected) || projected != null && read.isIntegralNumber()
                    && projected.isIntegralNumber() && read.bigIntegerValue().equals(projected.bigIntegerValue());
        }

        /** A value to keep: text once for all the objects that hold it, a list or an object as a copy of its own. */
        private JsonNode kept(JsonNode value) {
            if (value.isTextual()) {
                return values.computeIfAbsent(value, v -> v);
            }
            return value.isContainerNode() ? value.deepCopy() : value;
        }

        Originals build() {
            return new Originals(Map.copyOf(groups), Map.copyOf(rules), Map.copyOf(ports));
        }
    }

    ObjectNode group(String id, ObjectNode written) {
        ObjectNode rulesFree = written.deepCopy();
        if (rulesFree.has("security_group_rules")) {
            rulesFree.putArray("security_group_rules");
        }
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
        ObjectNode projection = entry.projection().get();
        ObjectNode merged = entry.original(projection);
        for (Iterator<String> names = projection.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!written.has(name)) {
                merged.remove(name);
            }
        }
        for (Map.Entry<String, JsonNode> member : written.properties()) {
            if (!Objects.equals(projection.get(member.getKey()), member.getValue())) {
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

    /** Whether nothing is kept: a file written with these holds just what the model writes. */
    public boolean isEmpty() {
        return List.of(groups, rules, ports).stream().allMatch(Map::isEmpty);
    }
}
