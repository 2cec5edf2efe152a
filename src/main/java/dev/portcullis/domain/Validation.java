package dev.portcullis.domain;

import java.math.BigInteger;
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

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("0|[1-9][0-9]*");

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

        Optional<Protocol> protocol = convertProtocol(in.get("protocol"), problems);
        Optional<Integer> min = convertPort(in.get("port_range_min"), "port_range_min", problems);
        Optional<Integer> max = convertPort(in.get("port_range_max"), "port_range_max", problems);
        boolean portsOk = min != null && max != null;
        Optional<EtherType> etherType = convertEtherType(in.get("ethertype"), problems);
        Optional<Cidr> cidr = convertCidr(in.get("remote_ip_prefix"), problems);
        Optional<String> remoteGroup = convertId(in.get("remote_group_id"), "remote_group_id", problems);
        Optional<String> addressGroup = convertId(in.get("remote_address_group_id"), "remote_address_group_id",
                problems);
        Raw rawDescription = in.get("description");
        Optional<String> description;
        if (rawDescription instanceof Raw.Null && request) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, "description",
                    "The rule description must be text (it may be empty), not null."));
            description = null;
        } else if (rawDescription instanceof Raw.Null) {
            description = Optional.empty();
        } else {
            description = convertText(rawDescription, "description", "The rule description", problems);
        }

        // Neutron canonicalises before it checks ports and protocols.
        PortRange ports = portsOk ? Normalization.canonicalPorts(PortRange.between(min.orElse(null), max.orElse(null)))
                : null;
        if (protocol != null && etherType != null) {
            protocol = protocol.map(p -> Normalization.canonicalProtocol(p, etherType.orElse(EtherType.IPV4)));
        }

        if (ports != null && protocol != null) {
            checkPorts(protocol.orElse(Protocol.ANY), ports, problems);
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
        Optional<String> name = convertText(in.get("name"), "name", "The name", problems);
        if (in.get("name") instanceof Raw.Null) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, "name", "The name must be text (it may be empty)."));
        }
        String finalName = name == null ? null : name.orElse("");
        // Neutron's name validator refuses "default" before the description is looked at.
        if (checkReservedName && SecurityGroup.DEFAULT_NAME.equalsIgnoreCase(finalName)) {
            problems.add(new Problem(ErrorCode.DEFAULT_ALREADY_EXISTS, "name",
                    "\"default\" is reserved for the project's default group: choose another name."));
        }
        Optional<String> description = convertText(in.get("description"), "description", "The description",
                problems);
        if (in.get("description") instanceof Raw.Null) {
            problems.add(new Problem(ErrorCode.INVALID_TYPE, "description",
                    "The description must be text (it may be empty)."));
        }
        boolean stateful = true;
        Raw rawStateful = in.get("stateful");
        if (!rawStateful.isAbsent()) {
            Optional<Boolean> b = toBoolean(rawStateful);
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

    // --- conversions, each as Neutron's attribute converter does it; null = failed (problem added) ---

    private static Optional<Protocol> convertProtocol(Raw raw, List<Problem> problems) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        Optional<BigInteger> number = Python.toInt(raw);
        if (number.isPresent()) {
            BigInteger n = number.get();
            if (n.signum() >= 0 && n.compareTo(BigInteger.valueOf(255)) <= 0) {
                String text = Python.str(raw);
                if (PLAIN_NUMBER.matcher(text).matches()) {
                    return Optional.of(Protocol.of(text));
                }
                // Neutron takes "06", "+6", " 6", 6.0 and true past its first check, then fails on them with
                // an internal error (500); refuse them here with a useful answer instead.
                problems.add(new Problem(ErrorCode.INVALID_PROTOCOL, "protocol",
                        "The protocol number " + raw + " must be written plainly, like " + n + "."));
                return null;
            }
        } else if (raw instanceof Raw.Text t) {
            Optional<Protocol> named = Protocol.named(t.value());
            if (named.isPresent()) {
                return named;
            }
        }
        problems.add(new Problem(ErrorCode.INVALID_PROTOCOL, "protocol",
                "The protocol " + raw + " is not known: use a name such as tcp, udp, icmp or gre, "
                        + "a number from 0 to 255, or leave it empty for any protocol."));
        return null;
    }

    private static Optional<Integer> convertPort(Raw raw, String field, List<Problem> problems) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        Optional<Integer> port = Python.toIntInRange(raw, 0, 65535);
        if (port.isPresent()) {
            return port;
        }
        problems.add(new Problem(ErrorCode.INVALID_PORT_VALUE, field,
                (field.endsWith("min") ? "The first port (or ICMP type) " : "The last port (or ICMP code) ") + raw
                        + " is not valid: it must be a whole number, a port from 1 to 65535 or an ICMP "
                        + (field.endsWith("min") ? "type" : "code") + " from 0 to 255."));
        return null;
    }

    private static Optional<EtherType> convertEtherType(Raw raw, List<Problem> problems) {
        if (raw.isAbsent()) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t) {
            Optional<EtherType> e = EtherType.parse(t.value());
            if (e.isPresent()) {
                return e;
            }
        }
        problems.add(new Problem(ErrorCode.INVALID_ETHERTYPE, "ethertype",
                "The IP version " + raw + " is not valid: use IPv4 or IPv6."));
        return null;
    }

    private static Optional<Cidr> convertCidr(Raw raw, List<Problem> problems) {
        if (Python.falsy(raw)) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t) {
            Optional<Cidr> cidr = Cidr.parse(t.value());
            if (cidr.isPresent()) {
                return cidr;
            }
        }
        problems.add(new Problem(ErrorCode.INVALID_CIDR, "remote_ip_prefix",
                raw + " is not an IP address or network: write it like 203.0.113.0/24, 198.51.100.7 "
                        + "or 2001:db8::/32."));
        return null;
    }

    private static Optional<String> convertId(Raw raw, String field, List<Problem> problems) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t && !t.value().isBlank()) {
            return Optional.of(t.value());
        }
        problems.add(new Problem(ErrorCode.INVALID_ID, field, "The " + field.replace('_', ' ')
                + " must be the id of a group, not " + raw + "; leave it out for no remote group."));
        return null;
    }

    private static Optional<String> convertText(Raw raw, String field, String what, List<Problem> problems) {
        if (raw.isMissing()) {
            return Optional.empty();
        }
        if (raw instanceof Raw.Text t) {
            int length = t.value().codePointCount(0, t.value().length());
            if (length > MAX_LENGTH) {
                problems.add(new Problem(ErrorCode.TOO_LONG, field,
                        what + " is " + length + " characters long; Neutron accepts at most " + MAX_LENGTH + "."));
                return null;
            }
            return Optional.of(t.value());
        }
        problems.add(new Problem(ErrorCode.INVALID_TYPE, field, what + " must be text, not " + raw + "."));
        return null;
    }

    private static final Set<String> TRUE_WORDS = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE_WORDS = Set.of("0", "f", "false", "off", "n", "no");

    /**
     * neutron-lib's convert_to_boolean, a strict bool_from_string: booleans, and the text of the value
     * (trimmed, any case) being one of 1/t/true/on/y/yes or 0/f/false/off/n/no. So 0 and "yes" are
     * fine, null and 2 are not.
     */
    private static Optional<Boolean> toBoolean(Raw raw) {
        if (raw instanceof Raw.Bool b) {
            return Optional.of(b.value());
        }
        String word = Python.strip(Python.str(raw)).toLowerCase(java.util.Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Optional.of(true);
        }
        if (FALSE_WORDS.contains(word)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static void checkPorts(Protocol protocol, PortRange ports, List<Problem> problems) {
        if (ports.isAny()) {
            return;
        }
        if (protocol.isAny()) {
            problems.add(new Problem(ErrorCode.PROTOCOL_REQUIRED_WITH_PORTS, "protocol",
                    "Ports need a protocol: choose TCP, UDP, SCTP, DCCP or UDP-Lite, or remove the ports."));
            return;
        }
        if (protocol.supportsPorts()) {
            if (Integer.valueOf(0).equals(ports.min()) || Integer.valueOf(0).equals(ports.max())) {
                problems.add(new Problem(ErrorCode.INVALID_PORT_VALUE,
                        Integer.valueOf(0).equals(ports.min()) ? "port_range_min" : "port_range_max",
                        "Port 0 is not valid for " + protocol.label() + ": ports are 1 to 65535."));
                return;
            }
            if (ports.min() != null && ports.max() != null && ports.min() <= ports.max()) {
                return;
            }
            String message = ports.min() == null || ports.max() == null
                    ? "The port range needs both ends: for one port give it as first and last port."
                    : "The port range " + ports.min() + "-" + ports.max() + " runs backwards: the first port must "
                            + "not be larger than the last.";
            problems.add(new Problem(ErrorCode.INVALID_PORT_RANGE,
                    ports.min() == null ? "port_range_min" : "port_range_max", message));
            return;
        }
        if (protocol.isIcmp()) {
            if (ports.min() != null && ports.min() > 255) {
                problems.add(new Problem(ErrorCode.INVALID_ICMP_VALUE, "port_range_min",
                        "The ICMP type " + ports.min() + " is not valid: it must be 0 to 255."));
            }
            if (ports.max() != null && ports.max() > 255) {
                problems.add(new Problem(ErrorCode.INVALID_ICMP_VALUE, "port_range_max",
                        "The ICMP code " + ports.max() + " is not valid: it must be 0 to 255."));
            }
            if (ports.min() == null && ports.max() != null) {
                problems.add(new Problem(ErrorCode.MISSING_ICMP_TYPE, "port_range_min",
                        "An ICMP code (" + ports.max() + ") needs an ICMP type as well."));
            }
            return;
        }
        problems.add(new Problem(ErrorCode.INVALID_PROTOCOL_FOR_PORT, "port_range_min",
                "Protocol " + protocol.label() + " has no ports: ports are only for "
                        + String.join(", ", Protocol.portProtocolNames()) + "."));
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
