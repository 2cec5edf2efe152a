package dev.portcullis.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses exactly what Neutron refuses, and says so for every problem it finds (Neutron stops at the
 * first). Problems come in the order Neutron checks, so the first one carries the code Neutron would
 * answer with. Inputs are {@link Raw} values keyed by Neutron's member names, so that a file, a form
 * and a test all go through the same conversions Neutron applies.
 */
public final class Validation {

    /** The longest name or description Neutron accepts, in characters. */
    public static final int MAX_LENGTH = 255;

    /** Members Neutron sets itself: refused in a create request, expected in what it returns. */
    public static final Set<String> RULE_READ_ONLY_MEMBERS = Set.of(
            "id", "normalized_cidr", "standard_attr_id", "tags", "created_at", "updated_at", "revision_number",
            "belongs_to_default_sg");

    /** Members a rule may carry in a create request. */
    public static final Set<String> RULE_REQUEST_MEMBERS = Set.of(
            "security_group_id", "direction", "ethertype", "protocol", "port_range_min", "port_range_max",
            "remote_ip_prefix", "remote_group_id", "remote_address_group_id", "description", "tenant_id",
            "project_id");

    private Validation() {
    }

    /** A converted rule, or the problems that stop it. */
    public record RuleResult(Rule rule, List<Problem> problems) {
        public RuleResult {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The group-level members, converted, or the problems with them. */
    public record GroupFields(String name, String description, boolean stateful, List<Problem> problems) {
        public GroupFields {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Checks a rule the way Neutron checks a {@code security_group_rule} in a create request, members
     * the request may not carry included.
     */
    public static RuleResult ruleRequest(Map<String, Raw> members) {
        List<Problem> unknown = new ArrayList<>();
        Set<String> names = new TreeSet<>(members.keySet());
        names.removeAll(RULE_REQUEST_MEMBERS);
        Set<String> readOnly = new TreeSet<>(names);
        readOnly.retainAll(RULE_READ_ONLY_MEMBERS);
        names.removeAll(RULE_READ_ONLY_MEMBERS);
        if (!names.isEmpty()) {
            unknown.add(new Problem(ErrorCode.UNRECOGNIZED_ATTRIBUTE, names.iterator().next(),
                    "Neutron does not know " + (names.size() == 1 ? "the member " : "the members ")
                            + String.join(", ", names) + "."));
        }
        for (String name : readOnly) {
            unknown.add(new Problem(ErrorCode.NOT_ALLOWED_IN_POST, name,
                    "\"" + name + "\" is set by Neutron and cannot be given when creating a rule."));
        }
        RuleResult result = convert(members, true);
        if (unknown.isEmpty()) {
            return result;
        }
        unknown.addAll(result.problems());
        return new RuleResult(null, unknown);
    }

    /**
     * Converts and checks a rule's members ({@code direction}, {@code ethertype}, {@code protocol},
     * {@code port_range_min}, {@code port_range_max}, {@code remote_ip_prefix}, {@code remote_group_id},
     * {@code remote_address_group_id}, {@code description}); other members are not looked at.
     */
    public static RuleResult rule(Map<String, Raw> members) {
        return convert(members, false);
    }

    /**
     * {@code request}: the members are a create request, where Neutron refuses a null description; in
     * what Neutron returns, its own default rules carry one.
     */
    private static RuleResult convert(Map<String, Raw> members, boolean request) {
        Input in = new Input(members);
        List<Problem> problems = new ArrayList<>();

        Raw rawDirection = in.get("direction");
        Direction direction = null;
        if (rawDirection.isAbsent()) {
            problems.add(new Problem(ErrorCode.MISSING_ATTRIBUTE, "direction",
                    "The direction is missing: a rule is either ingress (inbound) or egress (outbound)."));
        } else if (rawDirection instanceof Raw.Text t && Direction.fromNeutron(t.value()).isPresent()) {
            direction = Direction.fromNeutron(t.value()).get();
        } else {
            problems.add(new Problem(ErrorCode.INVALID_DIRECTION, "direction",
                    "The direction " + rawDirection + " is not valid: it must be exactly \"ingress\" or \"egress\"."));
        }

        // A protocol number Neutron takes but cannot store ("06") fails only after every other check.
        List<Problem> unstorable = new ArrayList<>(1);
        Optional<Protocol> protocol = MemberChecks.convertProtocol(in.get("protocol"), problems, unstorable);
        Optional<Integer> min = MemberChecks.convertPort(in.get("port_range_min"), "port_range_min", problems);
        Optional<Integer> max = MemberChecks.convertPort(in.get("port_range_max"), "port_range_max", problems);
        boolean portsOk = min != null && max != null;
        Optional<EtherType> etherType = MemberChecks.convertEtherType(in.get("ethertype"), problems);
        Optional<Cidr> cidr = MemberChecks.convertCidr(in.get("remote_ip_prefix"), problems);
        Optional<String> remoteGroup = MemberChecks.convertId(in.get("remote_group_id"), "remote_group_id",
                problems);
        Optional<String> addressGroup = MemberChecks.convertId(in.get("remote_address_group_id"),
                "remote_address_group_id", problems);
        Raw rawDescription = in.get("description");
        Optional<String> description;
        if (rawDescription instanceof Raw.Null && request) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, "description",
                    "The rule description must be text (it may be empty), not null."));
            description = null;
        } else if (rawDescription instanceof Raw.Null) {
            description = Optional.empty();
        } else {
            description = MemberChecks.convertText(rawDescription, "description", "The rule description", problems);
        }

        // Neutron canonicalises before it checks ports and protocols.
        PortRange ports = portsOk ? Normalization.canonicalPorts(PortRange.between(min.orElse(null), max.orElse(null)))
                : null;
        if (protocol != null && etherType != null) {
            protocol = protocol.map(p -> Normalization.canonicalProtocol(p, etherType.orElse(EtherType.IPV4)));
        }

        if (ports != null && protocol != null) {
            MemberChecks.checkPorts(protocol.orElse(Protocol.ANY), ports, problems);
        }
        if (cidr != null && etherType != null && cidr.isPresent()) {
            EtherType wanted = etherType.orElse(EtherType.IPV4);
            if (cidr.get().version() != wanted.version()) {
                problems.add(new Problem(ErrorCode.PARAMETER_CONFLICT, "remote_ip_prefix",
                        "The address " + cidr.get() + " is IPv" + cidr.get().version() + " but the rule is for "
                                + wanted.neutronValue() + ": choose IPv" + cidr.get().version()
                                + " or give an " + wanted.neutronValue() + " address."));
            }
        }
        if (protocol != null && etherType != null && protocol.isPresent()
                && etherType.orElse(EtherType.IPV4) == EtherType.IPV4 && protocol.get().isIpv6Only()) {
            problems.add(new Problem(ErrorCode.ETHERTYPE_CONFLICT_WITH_PROTOCOL, "protocol",
                    "The protocol " + protocol.get().value() + " exists only for IPv6; this rule is for IPv4."));
        }
        int remotes = (cidr != null && cidr.isPresent() ? 1 : 0)
                + (remoteGroup != null && remoteGroup.isPresent() ? 1 : 0)
                + (addressGroup != null && addressGroup.isPresent() ? 1 : 0);
        if (remotes > 1) {
            problems.add(new Problem(ErrorCode.MULTIPLE_REMOTES, "remote_group_id",
                    "A rule has one remote: an address range (CIDR), a security group or an address group, "
                            + "not several."));
        }
        problems.addAll(unstorable);

        if (!problems.isEmpty()) {
            return new RuleResult(null, problems);
        }
        Remote remote = Remote.ANYWHERE;
        if (cidr.isPresent()) {
            remote = new Remote.Prefix(cidr.get());
        } else if (remoteGroup.isPresent()) {
            remote = new Remote.Group(remoteGroup.get());
        } else if (addressGroup.isPresent()) {
            remote = new Remote.AddressGroup(addressGroup.get());
        }
        Rule rule = new Rule(null, direction, etherType.orElse(EtherType.IPV4), protocol.orElse(Protocol.ANY), ports,
                remote, description.orElse(rawDescription.isAbsent() ? "" : null));
        return new RuleResult(rule, List.of());
    }

    /** Which request a group's members come in: Neutron allows different members in each. */
    public enum GroupRequest {
        /** {@code POST /v2.0/security-groups}. */
        CREATE,
        /** {@code PUT /v2.0/security-groups/{id}}. */
        UPDATE
    }

    /** Every member Neutron shows on a group; the others are unknown to it. */
    public static final Set<String> GROUP_MEMBERS = Set.of(
            "id", "name", "description", "stateful", "tenant_id", "project_id", "security_group_rules", "shared",
            "tags", "revision_number", "created_at", "updated_at");

    /** Members a group may carry in a create request. */
    public static final Set<String> GROUP_CREATE_MEMBERS = Set.of(
            "name", "description", "stateful", "tenant_id", "project_id");

    /** Members an update may change. */
    public static final Set<String> GROUP_UPDATE_MEMBERS = Set.of("name", "description", "stateful");

    /**
     * Checks a group the way Neutron checks a {@code security_group} in a create or an update request:
     * members it does not know, members it sets itself, then {@link #groupFields} with the reserved name
     * checked. For an update the members left out keep the group's values; the answer then shows
     * Neutron's defaults for them ({@code ""}, {@code ""}, stateful), so take only the members given.
     */
    public static GroupFields groupRequest(Map<String, Raw> members, GroupRequest request) {
        List<Problem> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(members.keySet());
        unknown.removeAll(GROUP_MEMBERS);
        if (!unknown.isEmpty()) {
            problems.add(new Problem(ErrorCode.UNRECOGNIZED_ATTRIBUTE, unknown.iterator().next(),
                    "Neutron does not know " + (unknown.size() == 1 ? "the member " : "the members ")
                            + String.join(", ", unknown) + "."));
        }
        Set<String> fixed = new TreeSet<>(members.keySet());
        fixed.retainAll(GROUP_MEMBERS);
        fixed.removeAll(request == GroupRequest.CREATE ? GROUP_CREATE_MEMBERS : GROUP_UPDATE_MEMBERS);
        for (String name : fixed) {
            problems.add(request == GroupRequest.CREATE
                    ? new Problem(ErrorCode.NOT_ALLOWED_IN_POST, name,
                            "\"" + name + "\" is set by Neutron and cannot be given when creating a group.")
                    : new Problem(ErrorCode.READ_ONLY_ATTRIBUTE, name,
                            "\"" + name + "\" cannot be changed once the group exists."));
        }
        GroupFields fields = groupFields(members, true);
        if (problems.isEmpty()) {
            return fields;
        }
        problems.addAll(fields.problems());
        return new GroupFields(fields.name(), fields.description(), fields.stateful(), problems);
    }

    /**
     * Checks a group's name, description and statefulness, in the order Neutron does. {@code
     * checkReservedName}: refuse the name "default" in any letter case, as Neutron does in every request
     * that sets a name, create or rename; false only for a group as Neutron returns it, where the
     * project's default group carries that name.
     */
    public static GroupFields groupFields(Map<String, Raw> members, boolean checkReservedName) {
        Input in = new Input(members);
        List<Problem> problems = new ArrayList<>();
        Optional<String> name = MemberChecks.convertText(in.get("name"), "name", "The name", problems);
        if (in.get("name") instanceof Raw.Null) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, "name", "The name must be text (it may be empty)."));
        }
        String finalName = name == null ? null : name.orElse("");
        // Neutron's name validator refuses "default" before the description is looked at.
        if (checkReservedName && SecurityGroup.DEFAULT_NAME.equalsIgnoreCase(finalName)) {
            problems.add(new Problem(ErrorCode.DEFAULT_ALREADY_EXISTS, "name",
                    "\"default\" is reserved for the project's default group: choose another name."));
        }
        Optional<String> description = MemberChecks.convertText(in.get("description"), "description",
                "The description", problems);
        if (in.get("description") instanceof Raw.Null) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, "description",
                    "The description must be text (it may be empty)."));
        }
        boolean stateful = true;
        Raw rawStateful = in.get("stateful");
        if (!rawStateful.isAbsent()) {
            Optional<Boolean> b = MemberChecks.toBoolean(rawStateful);
            if (b.isPresent()) {
                stateful = b.get();
            } else {
                problems.add(new Problem(ErrorCode.INVALID_INPUT, "stateful",
                        "\"stateful\" must be true or false, not " + rawStateful + "."));
            }
        }
        return new GroupFields(finalName, description == null ? null : description.orElse(""), stateful, problems);
    }

    /**
     * Checks the rules of one group against each other and against the groups that exist: a rule
     * repeated among the new rules ({@code DuplicateSecurityGroupRuleInPost}), a new rule equal to one
     * that exists ({@code SecurityGroupRuleExists}), a new rule's remote group that does not exist. The answer maps
     * the index of each rule with problems to its problems.
     */
    public static Map<Integer, List<Problem>> ruleSet(List<Rule> rules, String ownGroupId, Set<String> knownGroupIds) {
        Map<Integer, List<Problem>> byIndex = new HashMap<>();
        Map<RuleKey, Integer> firstByKey = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule == null) {
                continue;
            }
            String remoteGroup = rule.remoteGroupId();
            // A rule Neutron already stored may point at a group this list does not show (shared from
            // another project, or filtered out); only a rule still to be created must find its group.
            if (rule.isDraft() && remoteGroup != null && !remoteGroup.equals(ownGroupId)
                    && !knownGroupIds.contains(remoteGroup)) {
                byIndex.computeIfAbsent(i, k -> new ArrayList<>()).add(new Problem(ErrorCode.GROUP_NOT_FOUND,
                        "remote_group_id", "The remote group " + remoteGroup + " does not exist."));
            }
            Integer earlier = firstByKey.putIfAbsent(rule.key(), i);
            if (earlier == null) {
                continue;
            }
            Rule first = rules.get(earlier);
            Problem p;
            if (rule.isDraft() && first.isDraft()) {
                p = new Problem(ErrorCode.DUPLICATE_RULE_IN_POST, "",
                        "This rule is the same as an earlier one (" + first.summary(id -> null)
                                + "); Neutron counts rules that differ only in their description as one rule.");
            } else {
                Rule existing = first.isDraft() ? rule : first;
                p = new Problem(ErrorCode.RULE_EXISTS, "",
                        "This rule already exists in the group (" + existing.summary(id -> null)
                                + (existing.id() != null ? ", rule id " + existing.id() : "")
                                + "); Neutron counts rules that differ only in their description as one rule.");
            }
            byIndex.computeIfAbsent(i, k -> new ArrayList<>()).add(p);
        }
        return byIndex;
    }

    /** Looks members up; a member not in the map is {@link Raw#ABSENT}. */
    private record Input(Map<String, Raw> members) {
        Raw get(String name) {
            Raw raw = members.get(name);
            return raw == null ? Raw.ABSENT : raw;
        }
    }

    /** The names of every member a group or a rule may carry in a definition file. */
    public static Set<String> knownRuleMembers() {
        Set<String> known = new LinkedHashSet<>(RULE_REQUEST_MEMBERS);
        known.addAll(List.of("id", "normalized_cidr", "standard_attr_id", "tags", "created_at", "updated_at",
                "revision_number", "belongs_to_default_sg"));
        return known;
    }
}
