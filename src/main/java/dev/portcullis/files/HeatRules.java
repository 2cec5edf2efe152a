package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.SourceGroups.GroupSource;
import dev.portcullis.files.SourceGroups.Place;
import dev.portcullis.files.SourceGroups.RuleSource;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rules of a Heat template in Neutron's shape, with Heat's defaults and allowed values (its
 * {@code security_group.py} rule schema and {@code _format_rule}, and {@code security_group_rule.py}), and
 * the places in the template they came from.
 */
final class HeatRules {

    private static final Set<String> INLINE_RULE_KEYS = Set.of("direction", "ethertype", "port_range_min",
            "port_range_max", "protocol", "remote_mode", "remote_group_id", "remote_ip_prefix", "description");

    /** How a resource's values are worked out: Heat's functions, and for a ResourceGroup's members the index. */
    interface Resolver {
        JsonNode resolve(JsonNode node, String pointer) throws HeatFunctions.Unresolved;
    }

    private final YamlTree.Loaded tree;
    private final List<Problem> notices;

    HeatRules(YamlTree.Loaded tree, List<Problem> notices) {
        this.tree = tree;
        this.notices = notices;
    }

    Place place(String pointer, String address) {
        return new Place(address, tree.line(pointer));
    }

    /** {@code resources.web.properties.rules[2].protocol} for {@code /resources/web/properties/rules/2/protocol}. */
    static String address(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String step : pointer.substring(1).split("/")) {
            step = step.replace("~1", "/").replace("~0", "~");
            if (!step.isEmpty() && step.chars().allMatch(c -> c >= '0' && c <= '9') && out.length() > 0) {
                out.append('[').append(step).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(step);
            }
        }
        return out.toString();
    }

    Place member(String pointer, String key) {
        return place(pointer + "/" + key, address(pointer + "/" + key));
    }

    RuleSource inlineRule(GroupSource g, JsonNode rule, String pointer, String address) {
        RuleSource r = new RuleSource(place(pointer, address));
        if (!rule.isObject()) {
            g.problems.add(new Problem(HeatReader.INVALID, r.place.field(), "A rule must be a map of properties."));
            return r;
        }
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!INLINE_RULE_KEYS.contains(key)) {
                g.problems.add(new Problem(HeatReader.INVALID, member(pointer, key).field(), "Heat refuses the unknown rule "
                        + "property \"" + key + "\"."));
            }
        }
        common(g, r, rule, pointer, "ingress", null);
        String mode = text(rule.get("remote_mode"), "remote_ip_prefix");
        if (!mode.equals("remote_ip_prefix") && !mode.equals("remote_group_id")) {
            g.problems.add(new Problem(HeatReader.INVALID, member(pointer, "remote_mode").field(), "Heat allows remote_mode "
                    + "\"remote_ip_prefix\" or \"remote_group_id\", not \"" + mode + "\"."));
        }
        boolean groupMode = mode.equals("remote_group_id");
        JsonNode prefix = rule.get("remote_ip_prefix");
        JsonNode group = rule.get("remote_group_id");
        if (groupMode) {
            String target = group == null || group.isNull() || group.asText().isEmpty() ? g.id() : group.asText();
            r.json.put("remote_group_id", target);
            r.members.put("remote_group_id", member(pointer, group == null ? "remote_mode" : "remote_group_id"));
            ignored(prefix, r, pointer, "remote_ip_prefix", "remote_mode is remote_group_id");
        } else {
            if (prefix != null && !prefix.isNull()) {
                r.json.set("remote_ip_prefix", prefix);
                r.members.put("remote_ip_prefix", member(pointer, "remote_ip_prefix"));
            }
            ignored(group, r, pointer, "remote_group_id", "remote_mode is not remote_group_id (its default is "
                    + "remote_ip_prefix): the rule is open to the prefix, or to every address without one");
        }
        return r;
    }

    private void ignored(JsonNode value, RuleSource r, String pointer, String key, String why) {
        if (value != null && !value.isNull()) {
            notices.add(new Problem(HeatReader.NOT_READ, member(pointer, key).field(), "Heat ignores " + key + " here: "
                    + why + "."));
        }
    }

    /** The properties inline and standalone rules share, with Heat's defaults and allowed values. */
    void common(GroupSource g, RuleSource r, JsonNode rule, String pointer, String direction,
                        String protocol) {
        ObjectNode out = r.json;
        out.put("direction", text(rule.get("direction"), direction));
        out.put("ethertype", text(rule.get("ethertype"), "IPv4"));
        allowed(g, pointer, "direction", out.get("direction").asText(), Set.of("ingress", "egress"));
        allowed(g, pointer, "ethertype", out.get("ethertype").asText(), Set.of("IPv4", "IPv6"));
        String proto = text(rule.get("protocol"), protocol);
        if (proto != null) {
            out.put("protocol", proto);
            if (!HeatWriter.allowedProtocol(proto)) {
                g.problems.add(new Problem(HeatReader.INVALID, member(pointer, "protocol").field(), "Heat does not allow "
                        + "the protocol \"" + proto + "\": it takes " + String.join(", ", HeatWriter.PROTOCOLS)
                        + " and the numbers 0-255."));
            }
        }
        for (String key : List.of("port_range_min", "port_range_max", "description")) {
            JsonNode v = rule.get(key);
            if (v != null && !v.isNull()) {
                out.set(key, v);
            }
        }
        if (!out.has("description")) {
            out.putNull("description");
        }
        for (String key : List.of("direction", "ethertype", "protocol", "port_range_min", "port_range_max",
                "description")) {
            r.members.put(key, rule.has(key) ? member(pointer, key) : r.place);
        }
    }

    private void allowed(GroupSource g, String pointer, String key, String value, Set<String> values) {
        if (!values.contains(value)) {
            g.problems.add(new Problem(HeatReader.INVALID, member(pointer, key).field(), "Heat allows " + key + " "
                    + String.join(" or ", new java.util.TreeSet<>(values)) + ", not \"" + value + "\"."));
        }
    }

    private static String text(JsonNode node, String otherwise) {
        return node == null || node.isNull() ? otherwise : node.asText();
    }
}
