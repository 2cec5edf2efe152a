package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Raw;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.Validation;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.portcullis.files.JsonMembers.bool;
import static dev.portcullis.files.JsonMembers.instant;
import static dev.portcullis.files.JsonMembers.integer;
import static dev.portcullis.files.JsonMembers.strings;
import static dev.portcullis.files.JsonMembers.text;
import static dev.portcullis.files.JsonMembers.unknownMembers;

/**
 * One reading of one definition document, fed its groups one at a time (so that a file of any size is never a
 * tree in memory at once) and then its interfaces: each group and rule is converted and checked as Neutron
 * would, and its JSON object is kept aside ({@link Originals}) where it holds more than the model.
 */
final class DefinitionParse {

    private static final Set<String> PORT_MEMBERS = Set.of("id", "name", "network_id", "tenant_id", "project_id",
            "mac_address", "admin_state_up", "status", "device_id", "device_owner", "fixed_ips",
            "allowed_address_pairs", "extra_dhcp_opts", "security_groups", "description", "port_security_enabled",
            "binding:host_id", "binding:vif_type", "binding:vif_details", "binding:vnic_type", "binding:profile",
            "dns_name", "dns_assignment", "dns_domain", "qos_policy_id", "qos_network_policy_id", "tags",
            "created_at", "updated_at", "revision_number", "standard_attr_id", "ip_allocation", "data_plane_status",
            "propagate_uplink_status", "resource_request", "mac_learning_enabled", "numa_affinity_policy",
            "device_profile", "hints", "trunk_details");
    private static final Set<String> RULE_MEMBERS = Validation.knownRuleMembers();

    private final DefinitionOutline outline;
    private final GroupReferences references;
    private final List<Problem> fileProblems;
    private final List<Problem> portProblems = new ArrayList<>();
    private final List<Problem> notices;
    private final Originals.Builder originals = new Originals.Builder();
    private final List<GroupReport> groups = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private JsonNode portNodes;
    private JsonNode addressGroupNodes;
    /** Who hears the groups as they are read, or null. */
    private GroupPaging paging;

    /** @param notices what was said of the document before its groups (the command line's columns) */
    DefinitionParse(DefinitionOutline outline, List<Problem> notices) {
        this.outline = outline;
        this.references = new GroupReferences(outline.ids(), outline.names());
        this.fileProblems = new ArrayList<>(outline.problems());
        this.notices = new ArrayList<>(notices);
    }

    /** Tells {@code paging} each group as it is read. */
    DefinitionParse pagedTo(GroupPaging paging) {
        this.paging = paging;
        return this;
    }

    /** The next group of the document; its node is not kept, only what it holds beyond the model. */
    void group(JsonNode node) {
        int index = groups.size();
        GroupReport report = group(index, outline.path(index), node);
        groups.add(report);
        if (paging != null) {
            paging.add(report);
        }
        report.group().ifPresent(group -> {
            originals.group(group.id(), node, NeutronJson.group(group));
            JsonNode ruleNodes = node.get("security_group_rules");
            String groupId = group.id();
            String projectId = group.projectId();
            for (RuleReport r : report.rules()) {
                if (r.id() != null) {
                    Rule rule = r.rule().withId(r.id());
                    originals.rule(r.id(), ruleNodes.get(r.index()), () -> NeutronJson.rule(rule, groupId, projectId));
                }
            }
        });
    }

    /** The document's {@code ports}, read once all groups are known. */
    void ports(JsonNode node) {
        portNodes = node;
    }

    /** The document's {@code address_groups}. */
    void addressGroups(JsonNode node) {
        addressGroupNodes = node;
    }

    DefinitionReport report() {
        if (paging != null) {
            paging.flush();
        }
        List<Port> ports = ports(portNodes, references.known);
        if (portNodes != null && portNodes.isArray()) {
            Map<String, JsonNode> byId = new HashMap<>();
            portNodes.forEach(node -> byId.put(node.path("id").asText(null), node));
            for (Port port : ports) {
                originals.port(port.id(), byId.get(port.id()), NeutronJson.port(port));
            }
        }
        List<AddressGroup> addressGroups = AddressGroupsParse.read(addressGroupNodes, portProblems);
        return new DefinitionReport(fileProblems, groups, ports, portProblems, notices, originals.build(),
                SourceLocations.NONE, addressGroups);
    }

    private GroupReport group(int index, String path, JsonNode node) {
        Set<String> knownIds = references.known;
        List<Problem> problems = new ArrayList<>();
        if (!node.isObject()) {
            problems.add(new Problem(FileErrorCode.WRONG_SHAPE, path, "A group must be a JSON object."));
            return new GroupReport(index, path, null, null, null, true, false, null, 0, List.of(), false, null,
                    null, problems, List.of());
        }
        String prefix = path + ".";
        unknownMembers(node, DefinitionReader.GROUP_MEMBERS, prefix, problems);
        String givenId = text(node, "id", prefix, problems);
        String id = givenId != null ? givenId : references.draftIds.get(index);
        if (givenId != null && !seenIds.add(id)) {
            problems.add(new Problem(FileErrorCode.DUPLICATE_ID, prefix + "id",
                    "Another group in this file has the id " + id + "."));
        }
        Map<String, Raw> members = JsonValues.members(node);
        Validation.GroupFields fields = Validation.groupFields(members, givenId == null);
        fields.problems().forEach(p -> problems.add(p.under(prefix)));
        String projectId = text(node, "project_id", prefix, problems);
        if (projectId == null) {
            projectId = text(node, "tenant_id", prefix, problems);
        }
        boolean shared = bool(node, "shared", prefix, problems);
        long revision = integer(node, "revision_number", prefix, problems);
        List<String> tags = strings(node, "tags", prefix, problems);
        boolean tagsGiven = node.hasNonNull("tags");
        dev.portcullis.domain.Tags.check(tags).forEach(p -> problems.add(p.under(prefix)));
        Instant created = instant(node, "created_at", prefix, problems);
        Instant updated = instant(node, "updated_at", prefix, problems);

        List<RuleReport> rules = new ArrayList<>();
        JsonNode ruleNodes = node.get("security_group_rules");
        if (ruleNodes != null && !ruleNodes.isNull()) {
            if (!ruleNodes.isArray()) {
                problems.add(new Problem(FileErrorCode.WRONG_SHAPE, prefix + "security_group_rules",
                        "\"security_group_rules\" must be a list of rules."));
            } else {
                for (int j = 0; j < ruleNodes.size(); j++) {
                    rules.add(rule(j, prefix + "security_group_rules[" + j + "]",
                            references.resolve(ruleNodes.get(j)), givenId));
                }
            }
        }
        List<Rule> valid = rules.stream().map(r -> r.valid() ? r.rule().withId(r.id()) : null).toList();
        for (RuleReport r : rules) {
            String remote = r.valid() ? r.rule().remoteGroupId() : null;
            if (r.id() != null && remote != null && !remote.equals(id) && !knownIds.contains(remote)) {
                notices.add(new Problem(ErrorCode.GROUP_NOT_FOUND, r.path() + ".remote_group_id",
                        "This rule allows traffic from the members of group " + remote + ", which is not "
                                + "in this file (shared from another project, or left out of the list)."));
            }
        }
        Map<Integer, List<Problem>> setProblems = Validation.ruleSet(valid, id, knownIds);
        if (!setProblems.isEmpty()) {
            List<RuleReport> withSet = new ArrayList<>();
            for (RuleReport r : rules) {
                List<Problem> extra = setProblems.get(r.index());
                if (extra == null) {
                    withSet.add(r);
                } else {
                    List<Problem> all = new ArrayList<>(r.problems());
                    extra.forEach(p -> all.add(p.under(r.path() + ".")));
                    // The rule itself could be read; only its place among the others is refused.
                    withSet.add(new RuleReport(r.index(), r.path(), r.id(), r.rule(), all));
                }
            }
            rules = withSet;
        }
        return new GroupReport(index, path, id, fields.name(), fields.description(), fields.stateful(), shared,
                projectId, revision, tags, tagsGiven, created, updated, problems, rules);
    }

    private RuleReport rule(int index, String path, JsonNode node, String groupId) {
        List<Problem> problems = new ArrayList<>();
        if (!node.isObject()) {
            problems.add(new Problem(FileErrorCode.WRONG_SHAPE, path, "A rule must be a JSON object."));
            return new RuleReport(index, path, null, null, problems);
        }
        String prefix = path + ".";
        unknownMembers(node, RULE_MEMBERS, prefix, problems);
        String id = text(node, "id", prefix, problems);
        String ownerId = text(node, "security_group_id", prefix, problems);
        if (ownerId != null && groupId != null && !ownerId.equals(groupId)) {
            problems.add(new Problem(FileErrorCode.RULE_IN_WRONG_GROUP, prefix + "security_group_id",
                    "This rule says it belongs to group " + ownerId + " but it is listed in group "
                            + groupId + "."));
        }
        Validation.RuleResult result = Validation.rule(JsonValues.members(node));
        result.problems().forEach(p -> problems.add(p.under(prefix)));
        return new RuleReport(index, path, id, problems.isEmpty() ? result.rule() : null, problems);
    }

    private List<Port> ports(JsonNode node, Set<String> knownGroupIds) {
        List<Port> ports = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ports;
        }
        if (!node.isArray()) {
            portProblems.add(new Problem(FileErrorCode.WRONG_SHAPE, "ports", "\"ports\" must be a list."));
            return ports;
        }
        for (int i = 0; i < node.size(); i++) {
            String prefix = "ports[" + i + "].";
            JsonNode p = node.get(i);
            if (!p.isObject()) {
                portProblems.add(new Problem(FileErrorCode.WRONG_SHAPE, "ports[" + i + "]",
                        "An interface must be a JSON object."));
                continue;
            }
            List<Problem> problems = new ArrayList<>();
            // Neutron ports carry many attributes we do not use; they are reported, not refused.
            unknownMembers(p, PORT_MEMBERS, prefix, notices);
            String id = text(p, "id", prefix, problems);
            if (id == null) {
                problems.add(new Problem(FileErrorCode.WRONG_SHAPE, prefix + "id", "An interface needs an id."));
            }
            List<String> groups = strings(p, "security_groups", prefix, problems);
            for (int k = 0; k < groups.size(); k++) {
                if (!knownGroupIds.contains(groups.get(k))) {
                    problems.add(new Problem(ErrorCode.GROUP_NOT_FOUND, prefix + "security_groups[" + k + "]",
                            "The interface uses group " + groups.get(k) + ", which is not in this file."));
                }
            }
            List<String> ips = new ArrayList<>();
            JsonNode fixed = p.get("fixed_ips");
            if (fixed != null && fixed.isArray()) {
                for (JsonNode ip : fixed) {
                    JsonNode address = ip.get("ip_address");
                    if (address != null && address.isTextual()) {
                        ips.add(address.textValue());
                    }
                }
            }
            String name = text(p, "name", prefix, problems);
            String deviceId = text(p, "device_id", prefix, problems);
            String deviceOwner = text(p, "device_owner", prefix, problems);
            if (problems.isEmpty()) {
                ports.add(new Port(id, name, deviceId, deviceOwner, ips, groups));
            }
            portProblems.addAll(problems);
        }
        return ports;
    }
}
