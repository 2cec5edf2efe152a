package dev.portcullis.files.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.files.terraform.SecurityGroups.GroupOut;
import dev.portcullis.files.terraform.SecurityGroups.RuleOut;

import java.util.List;
import java.util.Map;

/**
 * Neutron's two egress rules (IPv4 and IPv6, every protocol, anywhere), which every new group gets. The
 * provider deletes them only for {@code openstack_networking_secgroup_v2} with {@code delete_default_rules =
 * true}; {@code openstack_compute_secgroup_v2} always keeps them. A rule the configuration writes that is the
 * same as one of them is not added twice.
 */
final class DefaultRules {

    private DefaultRules() {
    }

    static void addUnlessDeleted(GroupOut g) {
        ObjectNode json = g.json();
        JsonNode delete = json.remove("delete_default_rules");
        if (delete != null && delete.asBoolean(false)) {
            return;
        }
        ArrayNode rules = (ArrayNode) json.get("security_group_rules");
        for (String etherType : List.of("IPv4", "IPv6")) {
            boolean present = false;
            for (JsonNode r : rules) {
                present |= "egress".equals(r.path("direction").asText()) && etherType.equals(r.path("ethertype")
                        .asText()) && r.path("protocol").isMissingNode() && r.path("port_range_min").isMissingNode()
                        && r.path("port_range_max").isMissingNode() && r.path("remote_ip_prefix").isMissingNode()
                        && r.path("remote_group_id").isMissingNode() && r.path("remote_address_group_id").isMissingNode();
            }
            if (!present) {
                ObjectNode egress = rules.addObject();
                egress.put("direction", "egress");
                egress.put("ethertype", etherType);
                egress.putNull("description");
                g.rules().add(new RuleOut(address(g.address(), etherType), g.source(), g.line(), Map.of(), egress,
                        new java.util.ArrayList<>()));
            }
        }
    }

    /** The report path of a default rule: {@code GROUP (Neutron's default IPv4 egress rule)}. */
    static String address(String group, String etherType) {
        return group + " (Neutron's default " + etherType + " egress rule)";
    }
}
