package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.files.SourceGroups.RuleSource;

import java.util.List;

/** When a rule of a group counts as the one a task of the {@code openstack.cloud} modules names. */
final class AnsibleRuleMatch {

    private static final List<String> MATCHED = List.of("description", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id");

    private AnsibleRuleMatch() {
    }

    /** The 2.x modules' match: every option given equals the rule's value ({@code tcp}/{@code udp} 1-65535 as none). */
    static boolean matches(RuleSource existing, RuleSource prototype, boolean groupModule) {
        JsonNode p = prototype.json;
        boolean fullRange = List.of("tcp", "udp").contains(p.path("protocol").asText());
        for (String key : MATCHED) {
            JsonNode want = p.get(key);
            if (want == null || want.isNull()) {
                continue;
            }
            JsonNode have = existing.json.get(key);
            if (fullRange && ((key.equals("port_range_max") && want.asInt() == 65535)
                    || (key.equals("port_range_min") && want.asInt() == 1))) {
                if (groupModule && have != null && !have.isNull()) {
                    return false;
                }
                continue;
            }
            if (have == null || have.isNull() || !have.asText().equals(want.asText())) {
                return false;
            }
        }
        return true;
    }

    /** The 1.x module's match: protocol, prefix, ethertype, direction, remote group and ports all equal. */
    static boolean exactly(RuleSource existing, RuleSource prototype) {
        for (String key : List.of("protocol", "remote_ip_prefix", "ethertype", "direction", "remote_group_id")) {
            if (!existing.json.path(key).asText("").equals(prototype.json.path(key).asText(""))) {
                return false;
            }
        }
        String protocol = prototype.json.path("protocol").asText(null);
        if (protocol == null || protocol.equals("tcp") || protocol.equals("udp")) {
            if (fullOrNone(existing.json) && fullOrNone(prototype.json)) {
                return true;
            }
        }
        return existing.json.path("port_range_min").asText("").equals(prototype.json.path("port_range_min").asText(""))
                && existing.json.path("port_range_max").asText("").equals(prototype.json.path("port_range_max").asText(""));
    }

    private static boolean fullOrNone(JsonNode rule) {
        JsonNode min = rule.get("port_range_min");
        JsonNode max = rule.get("port_range_max");
        return (min == null && max == null) || (min != null && max != null && min.asInt() == 1 && max.asInt() == 65535);
    }
}
