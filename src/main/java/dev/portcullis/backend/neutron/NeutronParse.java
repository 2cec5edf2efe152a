package dev.portcullis.backend.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Validation;
import dev.portcullis.files.JsonValues;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Neutron's answers as the domain: groups with their rules (read by the domain's own {@link Validation},
 * as a definition file is), and ports. An answer that is not what Neutron sends fails with words naming
 * what is wrong and where.
 */
final class NeutronParse {

    static final String UNREADABLE = "UnreadableAnswer";

    private NeutronParse() {
    }

    static List<SecurityGroup> groups(JsonNode root) {
        JsonNode list = root == null ? null : root.get("security_groups");
        if (list == null || !list.isArray()) {
            throw unreadable("security_groups", "the list of groups is missing");
        }
        List<SecurityGroup> groups = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            groups.add(group(list.get(i), "security_groups[" + i + "]"));
        }
        return groups;
    }

    static SecurityGroup group(JsonNode root) {
        JsonNode node = root == null ? null : root.get("security_group");
        if (node == null || !node.isObject()) {
            throw unreadable("security_group", "the group is missing");
        }
        return group(node, "security_group");
    }

    static SecurityGroup group(JsonNode node, String path) {
        String id = text(node, "id");
        if (id == null) {
            throw unreadable(path + ".id", "a group has no id");
        }
        String project = text(node, "project_id");
        if (project == null) {
            project = text(node, "tenant_id");
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode ruleNodes = node.path("security_group_rules");
        for (int j = 0; j < ruleNodes.size(); j++) {
            rules.add(rule(ruleNodes.get(j), path + ".security_group_rules[" + j + "]"));
        }
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        return new SecurityGroup(id, project, text(node, "name"), text(node, "description"),
                !node.has("stateful") || node.path("stateful").asBoolean(true), node.path("shared").asBoolean(false),
                node.path("revision_number").asLong(0), rules, tags, instant(node, "created_at"),
                instant(node, "updated_at"));
    }

    static List<Rule> rules(JsonNode root) {
        JsonNode list = root == null ? null : root.get("security_group_rules");
        if (list == null || !list.isArray()) {
            throw unreadable("security_group_rules", "the list of rules is missing");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), "security_group_rules[" + i + "]"));
        }
        return rules;
    }

    static Rule rule(JsonNode node, String path) {
        String id = text(node, "id");
        Validation.RuleResult result = Validation.rule(JsonValues.members(node));
        if (!result.valid() || id == null) {
            List<Problem> problems = result.problems();
            String why = id == null ? "it has no id"
                    : problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining(" "));
            throw unreadable(path, "a rule cannot be read: " + why);
        }
        return result.rule().withId(id);
    }

    static List<AddressGroup> addressGroups(JsonNode root) {
        JsonNode list = root == null ? null : root.get("address_groups");
        if (list == null || !list.isArray()) {
            throw unreadable("address_groups", "the list of address groups is missing");
        }
        List<AddressGroup> groups = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            groups.add(addressGroup(list.get(i), "address_groups[" + i + "]"));
        }
        return groups;
    }

    /** An address group; its addresses are prefixes, as Neutron keeps them (it refuses a bare address). */
    static AddressGroup addressGroup(JsonNode node, String path) {
        String id = text(node, "id");
        if (id == null) {
            throw unreadable(path + ".id", "an address group has no id");
        }
        List<Cidr> addresses = new ArrayList<>();
        JsonNode given = node.path("addresses");
        for (int i = 0; i < given.size(); i++) {
            String text = given.get(i).asText();
            addresses.add(Cidr.parse(text).orElseThrow(() -> unreadable(path + ".addresses",
                    "an address group holds \"" + text + "\", which is not a prefix")));
        }
        return new AddressGroup(id, text(node, "project_id"), text(node, "name"), text(node, "description"),
                addresses);
    }

    static List<Port> ports(JsonNode root) {
        JsonNode list = root == null ? null : root.get("ports");
        if (list == null || !list.isArray()) {
            throw unreadable("ports", "the list of interfaces is missing");
        }
        List<Port> ports = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ports.add(port(list.get(i), "ports[" + i + "]"));
        }
        return ports;
    }

    static Port port(JsonNode root) {
        JsonNode node = root == null ? null : root.get("port");
        if (node == null || !node.isObject()) {
            throw unreadable("port", "the interface is missing");
        }
        return port(node, "port");
    }

    static Port port(JsonNode node, String path) {
        String id = text(node, "id");
        if (id == null) {
            throw unreadable(path + ".id", "an interface has no id");
        }
        List<String> ips = new ArrayList<>();
        node.path("fixed_ips").forEach(ip -> {
            if (ip.path("ip_address").isTextual()) {
                ips.add(ip.path("ip_address").textValue());
            }
        });
        List<String> groups = new ArrayList<>();
        node.path("security_groups").forEach(g -> groups.add(g.asText()));
        return new Port(id, text(node, "name"), text(node, "device_id"), text(node, "device_owner"), ips, groups);
    }

    /** The revision of a port answer, for {@code If-Match}. */
    static long portRevision(JsonNode root) {
        return root.path("port").path("revision_number").asLong(-1);
    }

    /**
     * What to call an interface in a message: its name, else what it belongs to ({@code compute:nova
     * 1a2b3c4d}), else its id; with its first address where it has one: {@code web-1 (10.0.0.11)}.
     */
    static String label(Port port) {
        String base;
        if (!port.name().isBlank()) {
            base = port.name();
        } else if (port.deviceOwner() != null && !port.deviceOwner().isBlank()) {
            String device = port.deviceId() == null || port.deviceId().isBlank() ? ""
                    : " " + port.deviceId().substring(0, Math.min(8, port.deviceId().length()));
            base = port.deviceOwner() + device;
        } else {
            base = port.id();
        }
        return port.fixedIps().isEmpty() ? base : base + " (" + port.fixedIps().get(0) + ")";
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static Instant instant(JsonNode node, String name) {
        String v = text(node, name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BackendException unreadable(String where, String what) {
        return new BackendException(Kind.UNAVAILABLE, UNREADABLE,
                "The network service sent an answer that cannot be read: " + what + " (at " + where + ").");
    }
}
