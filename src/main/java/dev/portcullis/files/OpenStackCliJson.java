package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What the OpenStack command line prints, turned into a definition file. {@code openstack security group
 * show -f json} prints one group as Neutron has it, with its rules under {@code "rules"} rather than
 * {@code "security_group_rules"}; {@code openstack security group list -f json} prints rows with the
 * columns {@code ID}, {@code Name}, {@code Description}, {@code Project}, {@code Tags} (and {@code Shared}
 * in some versions), and no rules.
 */
final class OpenStackCliJson {

    /** The converted document, and a note for the reader where something is missing from it. */
    record Converted(JsonNode root, String note) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenStackCliJson() {
    }

    static Optional<Converted> convert(JsonNode root) {
        if (root.isObject() && root.has("rules") && !root.has("security_group_rules")
                && !root.has("security_groups") && !root.has("security_group")) {
            ObjectNode group = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                group.set(e.getKey().equals("rules") ? "security_group_rules" : e.getKey(), e.getValue());
            }
            ObjectNode converted = JSON.objectNode();
            converted.set("security_group", group);
            return Optional.of(new Converted(converted, null));
        }
        if (root.isArray() && !root.isEmpty() && root.get(0).isObject() && root.get(0).has("ID")) {
            ArrayNode groups = JSON.arrayNode();
            for (JsonNode row : root) {
                ObjectNode group = groups.addObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    group.set(column(e.getKey()), e.getValue());
                }
                group.putArray("security_group_rules");
            }
            ObjectNode converted = JSON.objectNode();
            converted.set("security_groups", groups);
            return Optional.of(new Converted(converted, "This is the table \"openstack security group list\" prints: "
                    + "it has no rules, so every group is read without rules (\"openstack security group show ID "
                    + "-f json\" prints a group with its rules)."));
        }
        return Optional.empty();
    }

    /** The Neutron member for a column of the list; unknown columns keep their name and are reported. */
    private static String column(String name) {
        return switch (name) {
            case "ID" -> "id";
            case "Name" -> "name";
            case "Description" -> "description";
            case "Project" -> "project_id";
            case "Tags" -> "tags";
            case "Shared" -> "shared";
            default -> name;
        };
    }
}
