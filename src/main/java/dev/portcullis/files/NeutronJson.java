package dev.portcullis.files;

import dev.portcullis.domain.DraftIds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

/** The domain in Neutron's JSON shapes: what a definition file holds and what the API sends and returns. */
public final class NeutronJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NeutronJson() {
    }

    /** A rule as Neutron stores it: the members {@code portcullis validate} prints as "normalized". */
    public static ObjectNode normalizedRule(Rule rule) {
        ObjectNode o = JSON.objectNode();
        o.put("direction", rule.direction().neutronValue());
        o.put("ethertype", rule.etherType().neutronValue());
        o.put("protocol", rule.protocol().value());
        putInt(o, "port_range_min", rule.ports().min());
        putInt(o, "port_range_max", rule.ports().max());
        o.put("remote_ip_prefix", rule.remoteIpPrefix());
        o.put("normalized_cidr", rule.normalizedCidr());
        o.put("remote_group_id", rule.remoteGroupId());
        if (rule.remoteAddressGroupId() != null) {
            o.put("remote_address_group_id", rule.remoteAddressGroupId());
        }
        o.put("description", rule.description());
        return o;
    }

    /** A rule as it appears inside a group in a definition file. */
    public static ObjectNode rule(Rule rule, SecurityGroup group) {
        return rule(rule, group.id(), group.projectId());
    }

    /** A rule as it appears inside the group {@code groupId} of the project {@code projectId} (may be null). */
    static ObjectNode rule(Rule rule, String groupId, String projectId) {
        ObjectNode o = JSON.objectNode();
        if (rule.id() != null && !DraftIds.isDraft(rule.id())) {
            o.put("id", rule.id());
        }
        if (!DraftIds.isDraft(groupId)) {
            o.put("security_group_id", groupId);
        }
        o.setAll(normalizedRule(rule));
        o.put("remote_address_group_id", rule.remoteAddressGroupId());
        if (projectId != null) {
            o.put("project_id", projectId);
        }
        return o;
    }

    /**
     * The request body member for creating a rule in a group: the stored form without what Neutron
     * computes ({@code normalized_cidr}) and without the members that are not set.
     */
    public static ObjectNode ruleRequest(Rule rule, String groupId) {
        ObjectNode o = JSON.objectNode();
        o.put("security_group_id", groupId);
        normalizedRule(rule).properties().forEach(member -> {
            if (!member.getValue().isNull() && !member.getKey().equals("normalized_cidr")) {
                o.set(member.getKey(), member.getValue());
            }
        });
        return o;
    }

    /**
     * A rule as the members of a create request, without the group it targets, as the raw values
     * {@link dev.portcullis.domain.Validation} checks: so a rule built in code goes through the same
     * conversions as one read from a file.
     */
    public static java.util.Map<String, dev.portcullis.domain.Raw> ruleRequestMembers(Rule rule) {
        ObjectNode request = ruleRequest(rule, null);
        request.remove("security_group_id");
        return JsonValues.members(request);
    }

    public static ObjectNode group(SecurityGroup group) {
        ObjectNode o = JSON.objectNode();
        if (!DraftIds.isDraft(group.id())) {
            o.put("id", group.id());
        }
        o.put("name", group.name());
        o.put("description", group.description());
        o.put("stateful", group.stateful());
        o.put("shared", group.shared());
        if (group.projectId() != null) {
            o.put("project_id", group.projectId());
            o.put("tenant_id", group.projectId());
        }
        o.put("revision_number", group.revision());
        ArrayNode tags = o.putArray("tags");
        group.tags().forEach(tags::add);
        if (group.createdAt() != null) {
            o.put("created_at", group.createdAt().toString());
        }
        if (group.updatedAt() != null) {
            o.put("updated_at", group.updatedAt().toString());
        }
        ArrayNode rules = o.putArray("security_group_rules");
        group.rules().forEach(r -> rules.add(rule(r, group)));
        return o;
    }

    public static ObjectNode port(Port port) {
        ObjectNode o = JSON.objectNode();
        o.put("id", port.id());
        o.put("name", port.name());
        o.put("device_id", port.deviceId());
        o.put("device_owner", port.deviceOwner());
        ArrayNode ips = o.putArray("fixed_ips");
        port.fixedIps().forEach(ip -> ips.addObject().put("ip_address", ip));
        ArrayNode groups = o.putArray("security_groups");
        port.securityGroupIds().forEach(groups::add);
        return o;
    }

    public static ObjectNode addressGroup(AddressGroup group) {
        ObjectNode o = JSON.objectNode();
        o.put("id", group.id());
        o.put("name", group.name());
        o.put("description", group.description());
        if (group.projectId() != null) {
            o.put("project_id", group.projectId());
        }
        ArrayNode addresses = o.putArray("addresses");
        group.addresses().forEach(c -> addresses.add(c.toString()));
        return o;
    }

    private static void putInt(ObjectNode o, String name, Integer value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

}
