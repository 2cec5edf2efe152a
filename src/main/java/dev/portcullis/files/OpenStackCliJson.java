package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the OpenStack command line prints with {@code -f json}, turned into a definition file:
 * <ul>
 *   <li>{@code openstack security group show}: one group as Neutron has it, with its rules under
 *       {@code "rules"}, and the SDK's attribute names where they differ from Neutron's ({@code is_shared});</li>
 *   <li>{@code openstack security group list}: rows of {@code ID}, {@code Name}, {@code Description},
 *       {@code Project}, {@code Tags} (and {@code Shared}), without rules;</li>
 *   <li>{@code openstack security group rule list [GROUP]}: rows of {@code ID}, {@code IP Protocol},
 *       {@code Ethertype}, {@code IP Range}, {@code Port Range} ({@code 22:22}, {@code type=8:code=3}),
 *       {@code Direction}, {@code Remote Security Group}, {@code Remote Address Group}, and
 *       {@code Security Group} when no group was named: rules, grouped by their group.</li>
 * </ul>
 * Columns the client may add in other versions are notices, not refusals: the rest is still read.
 */
final class OpenStackCliJson {

    /** The converted document, and notices for the reader where something is missing or was set aside. */
    record Converted(JsonNode root, List<Problem> notices) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** A column or member the client prints that the definitions do not hold. */
    static final String COLUMN_NOT_READ = "CliColumnNotRead";
    /** A value the client's table prints in a way that loses part of it. */
    static final String CLI_LOSSY = "CliTableLossy";

    private static final Map<String, String> SHOW_MEMBERS = Map.of("rules", "security_group_rules",
            "is_shared", "shared");
    private static final Map<String, String> LIST_COLUMNS = Map.of("ID", "id", "Name", "name",
            "Description", "description", "Project", "project_id", "Tags", "tags", "Shared", "shared");
    private static final Set<String> RULE_COLUMNS = Set.of("ID", "IP Protocol", "Ethertype", "IP Range", "Port Range",
            "Direction", "Remote Security Group", "Remote Address Group", "Security Group", "Description");

    private OpenStackCliJson() {
    }

    static Optional<Converted> convert(JsonNode root) {
        if (root.isObject() && root.has("rules") && !root.has("security_group_rules")
                && !root.has("security_groups") && !root.has("security_group")) {
            return Optional.of(show(root));
        }
        if (root.isArray() && !root.isEmpty() && root.get(0).isObject() && root.get(0).has("ID")) {
            JsonNode first = root.get(0);
            if (first.has("Port Range") || first.has("IP Protocol") || first.has("Ethertype")) {
                return Optional.of(ruleList(root));
            }
            return Optional.of(groupList(root));
        }
        return Optional.empty();
    }

    private static Converted show(JsonNode root) {
        List<Problem> notices = new ArrayList<>();
        ObjectNode group = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String member = SHOW_MEMBERS.getOrDefault(e.getKey(), e.getKey());
            if (DefinitionReader.GROUP_MEMBERS.contains(member)) {
                group.set(member, e.getValue());
            } else if (!e.getKey().equals("location")) {
                notices.add(new Problem(COLUMN_NOT_READ, "security_group." + e.getKey(), "\"" + e.getKey()
                        + "\" is not something a definition file holds; it was not read."));
            }
        }
        ObjectNode converted = JSON.objectNode();
        converted.set("security_group", group);
        return new Converted(converted, notices);
    }

    private static Converted groupList(JsonNode rows) {
        List<Problem> notices = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        ArrayNode groups = JSON.arrayNode();
        for (JsonNode row : rows) {
            ObjectNode group = groups.addObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String member = LIST_COLUMNS.get(e.getKey());
                if (member != null) {
                    group.set(member, e.getValue());
                } else {
                    unknown.add(e.getKey());
                }
            }
            group.putArray("security_group_rules");
        }
        notices.add(new Problem(FileErrorCode.RULES_NOT_LISTED, "", "This is the table \"openstack security group "
                + "list\" prints: it has no rules, so every group is read without rules (\"openstack security group "
                + "show ID -f json\" prints a group with its rules)."));
        unknown.forEach(c -> notices.add(new Problem(COLUMN_NOT_READ, c, "The column \"" + c + "\" is not one "
                + "this table had when Portcullis was written; it was not read.")));
        ObjectNode converted = JSON.objectNode();
        converted.set("security_groups", groups);
        return new Converted(converted, notices);
    }

    /**
     * The rules of {@code openstack security group rule list}, each in the group its {@code Security Group}
     * column names (one group when the list was for one group and has no such column). The client prints
     * no remote address as {@code 0.0.0.0/0} or {@code ::/0}, which Neutron takes as the same rule, and
     * leaves ICMP type 0 and code 0 out of {@code Port Range}: those rules are read as any type or any code,
     * as wide as they may be, and a notice says so.
     */
    private static Converted ruleList(JsonNode rows) {
        List<Problem> notices = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, ArrayNode> byGroup = new LinkedHashMap<>();
        boolean icmpWidened = false;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            row.fieldNames().forEachRemaining(c -> {
                if (!RULE_COLUMNS.contains(c)) {
                    unknown.add(c);
                }
            });
            String groupId = row.path("Security Group").isTextual() ? row.get("Security Group").textValue() : "";
            ObjectNode rule = byGroup.computeIfAbsent(groupId, g -> JSON.arrayNode()).addObject();
            copy(row, "ID", rule, "id");
            copy(row, "Direction", rule, "direction");
            copy(row, "Ethertype", rule, "ethertype");
            copy(row, "IP Protocol", rule, "protocol");
            copy(row, "Description", rule, "description");
            if (row.path("Remote Security Group").isTextual()) {
                copy(row, "Remote Security Group", rule, "remote_group_id");
            } else if (row.path("Remote Address Group").isTextual()) {
                copy(row, "Remote Address Group", rule, "remote_address_group_id");
            } else {
                copy(row, "IP Range", rule, "remote_ip_prefix");
            }
            icmpWidened |= ports(row.path("Port Range").asText(""), rule, "rows[" + i + "]", notices);
        }
        if (icmpWidened) {
            notices.add(new Problem(CLI_LOSSY, "Port Range", "The table leaves ICMP type 0 (echo reply) and code 0 "
                    + "out of \"Port Range\": an ICMP rule shown without a type is read as any type, and one "
                    + "without a code as any code, so it may be narrower than read here (\"openstack security group "
                    + "show -f json\" prints the exact values)."));
        }
        unknown.forEach(c -> notices.add(new Problem(COLUMN_NOT_READ, c, "The column \"" + c + "\" is not one "
                + "this table had when Portcullis was written; it was not read.")));
        ArrayNode groups = JSON.arrayNode();
        byGroup.forEach((groupId, rules) -> {
            ObjectNode group = groups.addObject();
            if (!groupId.isEmpty()) {
                group.put("id", groupId);
            } else {
                notices.add(new Problem(COLUMN_NOT_READ, "Security Group", "The table does not say which group its "
                        + "rules are in (it was listed for one group): they are read as one group without a name."));
            }
            group.put("name", "");
            group.set("security_group_rules", rules);
        });
        ObjectNode converted = JSON.objectNode();
        converted.set("security_groups", groups);
        return new Converted(converted, notices);
    }

    private static void copy(JsonNode row, String column, ObjectNode rule, String member) {
        JsonNode value = row.get(column);
        if (value != null && !value.isNull()) {
            rule.set(member, value);
        }
    }

    /**
     * {@code Port Range} as the client formats it: {@code ""}, {@code MIN:MAX}, {@code type=T},
     * {@code type=T:code=C}. True when an ICMP rule's range may have lost a 0.
     */
    private static boolean ports(String range, ObjectNode rule, String where, List<Problem> notices) {
        String protocol = rule.path("protocol").asText("");
        boolean icmp = List.of("icmp", "icmpv6", "ipv6-icmp", "1", "58").contains(protocol);
        if (range.isEmpty()) {
            return icmp;
        }
        if (range.startsWith("type=")) {
            String[] parts = range.substring("type=".length()).split(":code=", 2);
            rule.put("port_range_min", parts[0]);
            if (parts.length == 2) {
                rule.put("port_range_max", parts[1]);
                return false;
            }
            return true;
        }
        if (range.startsWith(":code=")) {
            rule.put("port_range_max", range.substring(":code=".length()));
            return true;
        }
        String[] parts = range.split(":", 2);
        rule.put("port_range_min", parts[0]);
        rule.put("port_range_max", parts.length == 2 ? parts[1] : parts[0]);
        return false;
    }
}
