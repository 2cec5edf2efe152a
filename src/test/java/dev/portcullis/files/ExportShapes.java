package dev.portcullis.files;

import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an export to Heat or Ansible must carry of a group, ids aside: its name, description, statefulness
 * and rules, each rule as Neutron tells rules apart ({@link RuleKey}) with its description, and a remote
 * group named by the group's name (ids differ after the trip: drafts come back with draft ids).
 */
public record ExportShapes(String name, String description, boolean stateful, List<String> rules) {

    public static List<ExportShapes> of(List<SecurityGroup> groups) {
        Map<String, String> names = new HashMap<>();
        groups.forEach(g -> names.put(g.id(), g.name()));
        return groups.stream().map(g -> new ExportShapes(g.name(), g.description() == null ? "" : g.description(),
                g.stateful(), g.rules().stream().map(r -> {
                    Rule named = r.remote() instanceof Remote.Group rg
                            ? new Rule(null, r.direction(), r.etherType(), r.protocol(), r.ports(),
                                    Remote.group("name:" + names.getOrDefault(rg.groupId(), rg.groupId())), null)
                            : r.asDraft().withDescription(null);
                    return RuleKey.of(named) + " description=" + r.description();
                }).sorted().toList())).toList();
    }
}
