package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.SourceGroups.GroupSource;
import dev.portcullis.files.SourceGroups.Place;
import dev.portcullis.files.SourceGroups.RuleSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Heat Orchestration Template (YAML or JSON) into the groups and rules Heat would create, as
 * {@code heat/engine/resources/openstack/neutron/security_group.py} and {@code security_group_rule.py} make
 * them:
 * <ul>
 * <li>{@code OS::Neutron::SecurityGroup}: {@code name} (Heat's default is the stack's physical name,
 * {@code STACK-RESOURCE-RANDOM}, known only at create; it is read as the resource name, with a notice),
 * {@code description}, {@code stateful}, and inline {@code rules}, each with {@code direction} (default
 * ingress), {@code ethertype} (default IPv4), {@code protocol} (default none: every protocol),
 * {@code port_range_min}/{@code max}, {@code remote_mode} (default {@code remote_ip_prefix}: a
 * {@code remote_group_id} is then dropped; with {@code remote_group_id} the prefix is dropped and no group
 * means the group itself) and {@code description}. When the rules list any egress rule Heat deletes the
 * two egress rules Neutron adds to a new group; otherwise they stay. The name "default" is refused.</li>
 * <li>{@code OS::Neutron::SecurityGroupRule}: {@code security_group}, the same properties except
 * {@code remote_group} for the remote group and {@code protocol} defaulting to <b>tcp</b>.</li>
 * </ul>
 * Groups get the draft id {@code draft:RESOURCE}; {@code get_resource} of a group is that id. Intrinsic
 * functions are worked out by {@link HeatFunctions}; what cannot be known offline is a problem naming the
 * line and the reason, and the rest is still read.
 */
public final class HeatReader {

    /** The file is not a template (not YAML, or no heat_template_version). */
    public static final String SYNTAX = "HeatSyntax";
    /** Something Heat itself refuses (an unknown property, a value its schema does not allow). */
    public static final String INVALID = "HeatInvalid";
    /** A value that cannot be known without the cloud (get_attr, a parameter without a value...). */
    public static final String NOT_RESOLVED = "HeatNotResolved";
    /** A note: something of the template that is not read. */
    public static final String NOT_READ = "HeatNotRead";

    static final String GROUP_TYPE = "OS::Neutron::SecurityGroup";
    static final String RULE_TYPE = "OS::Neutron::SecurityGroupRule";
    private static final Set<String> GROUP_PROPERTIES = Set.of("name", "description", "rules", "stateful");
    private static final Set<String> RULE_PROPERTIES = Set.of("security_group", "description", "direction",
            "ethertype", "port_range_min", "port_range_max", "protocol", "remote_group", "remote_ip_prefix");
    /** Resource types that carry security rules and are not read: a visible problem, never a silent gap. */
    static final Set<String> UNREAD_RULE_TYPES = Set.of("AWS::EC2::SecurityGroup",
            "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress");
    /** The most members of a ResourceGroup of groups or rules that are read one by one. */
    static final int MAX_MEMBERS = 1000;
    static final String OUTSIDE = "Heat looks it up by name or id in the project when the stack is created.";

    public DefinitionReport read(Path file, ReadOptions options) {
        YamlTree.Loaded tree;
        try {
            tree = YamlTree.load(file);
        } catch (YamlTree.SyntaxException e) {
            return DefinitionReport.unusable(new Problem(SYNTAX, "", "The Heat template " + file
                    + " cannot be read: " + e.getMessage()));
        }
        if (tree.root() == null || !tree.root().isObject() || !tree.root().has("heat_template_version")) {
            return DefinitionReport.unusable(new Problem(SYNTAX, "", file + " is not a Heat template: it has no "
                    + "heat_template_version."));
        }
        return new Reading(file, tree, options).read();
    }

    private static final class Reading implements HeatFunctions.Context {
        private final Path file;
        private final YamlTree.Loaded tree;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> notices = new ArrayList<>();
        private final HeatParameters parameters;
        private final HeatFunctions functions = new HeatFunctions(this);
        private final JsonNode resources;
        /** The groups by resource name, for get_resource. */
        private final Map<String, GroupSource> groups = new LinkedHashMap<>();
        /** Every group, a ResourceGroup's members included, in the template's order. */
        private final List<GroupSource> all = new ArrayList<>();
        private final Map<String, GroupSource> byId = new HashMap<>();
        private final List<Runnable> groupReads = new ArrayList<>();
        private final List<Runnable> ruleReads = new ArrayList<>();
        private final Map<String, Boolean> conditions = new HashMap<>();
        private final HeatRules rules;

        Reading(Path file, YamlTree.Loaded tree, ReadOptions options) {
            this.file = file;
            this.tree = tree;
            this.parameters = new HeatParameters(tree.root().get("parameters"), options, problems, notices)
                    .withLines(tree);
            JsonNode r = tree.root().get("resources");
            this.resources = r == null || !r.isObject() ? JsonNodeFactory.instance.objectNode() : r;
            this.rules = new HeatRules(tree, notices);
        }

        DefinitionReport read() {
            for (Iterator<String> it = resources.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode resource = resources.get(name);
                String type = resource.path("type").asText("");
                Place place = rules.place("/resources/" + name, "resources." + name);
                if (!created(resource, name, place)) {
                    continue;
                }
                String at = "/resources/" + name + "/properties";
                JsonNode props = resource.path("properties");
                String memberType = resource.path("properties").path("resource_def").path("type").asText("");
                if (type.equals(HeatResourceTypes.RESOURCE_GROUP)
                        && HeatResourceTypes.mapped(type, name, parameters.registry) == null
                        && HeatResourceTypes.mapped(memberType, name, parameters.registry) == null
                        && (memberType.equals(GROUP_TYPE) || memberType.equals(RULE_TYPE))) {
                    resourceGroup(name, place, props, memberType);
                    continue;
                }
                String unread = HeatResourceTypes.unread(type, name, resource, parameters.registry);
                if (unread != null) {
                    problems.add(new Problem(NOT_RESOLVED, place.field(), "What the resource " + name + " creates is "
                            + "not read (" + unread + "): its security groups are not reviewed."));
                } else if (type.equals(GROUP_TYPE)) {
                    GroupSource g = new GroupSource(place, DraftIds.group(name));
                    groups.put(name, g);
                    all.add(g);
                    groupReads.add(() -> group(g, at, props, name, functions::resolve));
                } else if (type.equals(RULE_TYPE)) {
                    ruleReads.add(() -> standaloneRule(place, at, props, functions::resolve));
                } else if (UNREAD_RULE_TYPES.contains(type)) {
                    problems.add(new Problem(NOT_READ, place.field(), "The " + type + " resource carries security "
                            + "rules, which Portcullis does not read: review it by other means."));
                } else {
                    notices.add(new Problem(NOT_READ, place.field(), "The resource " + name + " (" + type
                            + ") is not a security group or rule; it was not read."));
                }
            }
            all.forEach(g -> byId.putIfAbsent(g.id(), g));
            groupReads.forEach(Runnable::run);
            ruleReads.forEach(Runnable::run);
            return SourceGroups.report(file, all, problems, notices, OUTSIDE);
        }

        /**
         * The members of a ResourceGroup of groups or rules, read as Heat makes them: {@code count} members
         * named 0, 1, ..., with {@code index_var} (default {@code %index%}) replaced by the index in their
         * properties. A count that cannot be known, or removal policies, leave it unread: a problem.
         */
        private void resourceGroup(String name, Place place, JsonNode props, String memberType) {
            String at = "/resources/" + name + "/properties";
            String why = null;
            int count = 1;
            String var = "%index%";
            try {
                JsonNode c = props.has("count") ? functions.resolve(props.get("count"), at + "/count") : null;
                if (c != null && !c.asText().matches("\\d{1,9}")) {
                    why = "its count " + c + " is not a whole number";
                } else if (c != null) {
                    count = Integer.parseInt(c.asText());
                }
                JsonNode v = props.has("index_var") ? functions.resolve(props.get("index_var"), at + "/index_var") : null;
                var = v == null || v.isNull() ? var : v.asText();
                JsonNode removal = props.has("removal_policies")
                        ? functions.resolve(props.get("removal_policies"), at + "/removal_policies") : null;
                if (removal != null && !removal.isNull() && !removal.isEmpty()) {
                    why = "its removal_policies change which members it creates";
                }
            } catch (HeatFunctions.Unresolved e) {
                why = e.getMessage() + " (" + HeatRules.address(e.pointer) + ", line " + tree.line(e.pointer) + ")";
            }
            if (why == null && count > MAX_MEMBERS) {
                why = "its count " + count + " is more than the " + MAX_MEMBERS + " members Portcullis reads";
            }
            if (why != null) {
                problems.add(new Problem(NOT_RESOLVED, place.field(), "What the resource " + name + " creates is not "
                        + "read (" + why + "): its security groups are not reviewed."));
                return;
            }
            String def = at + "/resource_def/properties";
            JsonNode memberProps = props.path("resource_def").path("properties");
            String index = var;
            for (int i = 0; i < count; i++) {
                String member = String.valueOf(i);
                Place where = rules.place(at + "/resource_def", "resources." + name + "[" + i + "]");
                HeatRules.Resolver resolver = (n, p) -> HeatResourceTypes.substitute(functions.resolve(n, p), index, member);
                if (memberType.equals(GROUP_TYPE)) {
                    GroupSource g = new GroupSource(where, DraftIds.group(name + "." + i));
                    all.add(g);
                    groupReads.add(() -> group(g, def, memberProps, name + "." + member, resolver));
                } else {
                    ruleReads.add(() -> standaloneRule(where, def, memberProps, resolver));
                }
            }
        }

        /** False for a resource whose condition is false (Heat does not create it); a condition it cannot work out is a problem. */
        private boolean created(JsonNode resource, String name, Place place) {
            if (!resource.has("condition")) {
                return true;
            }
            try {
                boolean yes = functions.condition(resource.get("condition"), "/resources/" + name + "/condition");
                if (!yes) {
                    notices.add(new Problem(NOT_READ, place.field(), "The condition of " + name
                            + " is false: Heat does not create it."));
                }
                return yes;
            } catch (HeatFunctions.Unresolved e) {
                unresolved(e, null);
                return false;
            }
        }

        private void unresolved(HeatFunctions.Unresolved e, GroupSource group) {
            Problem p = new Problem(NOT_RESOLVED, HeatRules.address(e.pointer) + " (line " + tree.line(e.pointer) + ")",
                    "This cannot be known offline: " + e.getMessage() + ".");
            (group == null ? problems : group.problems).add(p);
        }

        private void group(GroupSource g, String at, JsonNode props, String name, HeatRules.Resolver resolver) {
            if (!props.isObject() && !props.isMissingNode() && !props.isNull()) {
                g.problems.add(new Problem(INVALID, g.place.field(), "properties must be a map."));
                props = JsonNodeFactory.instance.objectNode();
            }
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!GROUP_PROPERTIES.contains(key)) {
                    g.problems.add(new Problem(INVALID, rules.place(at + "/" + key, HeatRules.address(at + "/" + key)).field(),
                            "Heat refuses the unknown property \"" + key + "\" of " + GROUP_TYPE + "."));
                }
            }
            JsonNode nameValue = property(g, props, "name", at, resolver);
            if (nameValue == null || nameValue.isNull()) {
                g.json.put("name", name);
                notices.add(new Problem(NOT_READ, g.place.field(), "The group has no name: Heat names it after the "
                        + "stack and resource (STACK-" + name + "-RANDOM); it is read as \"" + name + "\"."));
            } else {
                g.json.set("name", nameValue);
                if ("default".equals(nameValue.asText())) {
                    g.problems.add(new Problem(INVALID, rules.member(at, "name").field(),
                            "Heat refuses this: security groups cannot be assigned the name \"default\"."));
                }
            }
            g.members.put("name", rules.member(at, "name"));
            for (String key : List.of("description", "stateful")) {
                JsonNode value = property(g, props, key, at, resolver);
                if (value != null && !value.isNull()) {
                    g.json.set(key, value);
                    g.members.put(key, rules.member(at, key));
                }
            }
            JsonNode list = property(g, props, "rules", at, resolver);
            boolean egress = false;
            List<RuleSource> inline = new ArrayList<>();
            if (list != null && !list.isNull() && !list.isArray()) {
                g.problems.add(new Problem(INVALID, rules.member(at, "rules").field(), "rules must be a list of rules."));
            } else if (list != null && !list.isNull()) {
                JsonNode raw = props.get("rules");
                for (int i = 0; i < list.size(); i++) {
                    String rulePointer = at + "/rules/" + i;
                    JsonNode rule = list.get(i);
                    if (raw.isArray()) {
                        try {
                            rule = resolver.resolve(raw.get(i), rulePointer);
                        } catch (HeatFunctions.Unresolved e) {
                            unresolved(e, g);
                            egress |= "egress".equals(raw.get(i).path("direction").asText());
                            continue;
                        }
                    }
                    RuleSource r = rules.inlineRule(g, rule, rulePointer, HeatRules.address(at) + ".rules[" + i + "]");
                    egress |= "egress".equals(r.json.path("direction").asText());
                    inline.add(r);
                }
            }
            if (!egress) {
                for (String etherType : List.of("IPv4", "IPv6")) {
                    RuleSource d = new RuleSource(new Place(g.place.address() + " (Neutron's default " + etherType
                            + " egress rule)", g.place.line()));
                    d.json.put("direction", "egress");
                    d.json.put("ethertype", etherType);
                    d.json.putNull("description");
                    g.rules.add(d);
                }
            }
            g.rules.addAll(inline);
        }

        /** A property with its functions worked out; null (and a problem) when it cannot be. */
        private JsonNode property(GroupSource g, JsonNode props, String key, String at, HeatRules.Resolver resolver) {
            if (!props.has(key)) {
                return null;
            }
            if (key.equals("rules") && props.get(key).isArray()) {
                return props.get(key);
            }
            try {
                return resolver.resolve(props.get(key), at + "/" + key);
            } catch (HeatFunctions.Unresolved e) {
                unresolved(e, g);
                return null;
            }
        }

        private void standaloneRule(Place place, String at, JsonNode raw, HeatRules.Resolver resolver) {
            JsonNode props;
            try {
                props = resolver.resolve(raw, at);
            } catch (HeatFunctions.Unresolved e) {
                unresolved(e, null);
                return;
            }
            JsonNode owner = props.get("security_group");
            GroupSource g = owner == null ? null : byId.get(owner.asText());
            if (g == null) {
                problems.add(new Problem(NOT_RESOLVED, rules.member(at, "security_group").field(), owner == null
                        ? "The rule has no security_group (Heat requires one)."
                        : "The rule's group " + owner.asText() + " is not created by this template: write "
                        + "{get_resource: NAME} of an " + GROUP_TYPE + " of the template."));
                return;
            }
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!RULE_PROPERTIES.contains(key)) {
                    g.problems.add(new Problem(INVALID, rules.member(at, key).field(), "Heat refuses the unknown property \""
                            + key + "\" of " + RULE_TYPE + "."));
                }
            }
            RuleSource r = new RuleSource(place);
            rules.common(g, r, props, at, "ingress", "tcp");
            JsonNode prefix = props.get("remote_ip_prefix");
            JsonNode remote = props.get("remote_group");
            if (prefix != null && !prefix.isNull() && remote != null && !remote.isNull()) {
                g.problems.add(new Problem(INVALID, rules.member(at, "remote_group").field(), "Heat refuses a rule with "
                        + "both remote_group and remote_ip_prefix."));
            }
            if (prefix != null && !prefix.isNull()) {
                r.json.set("remote_ip_prefix", prefix);
                r.members.put("remote_ip_prefix", rules.member(at, "remote_ip_prefix"));
            } else if (remote != null && !remote.isNull()) {
                r.json.set("remote_group_id", remote);
                r.members.put("remote_group_id", rules.member(at, "remote_group"));
            }
            g.rules.add(r);
        }

        @Override
        public JsonNode param(String name, String pointer) throws HeatFunctions.Unresolved {
            return parameters.value(name, pointer);
        }

        @Override
        public String resourceId(String name, String pointer) throws HeatFunctions.Unresolved {
            if (groups.containsKey(name)) {
                return groups.get(name).id();
            }
            throw new HeatFunctions.Unresolved(pointer, resources.has(name)
                    ? "the id of " + name + " is known only once the stack creates it"
                    : "the template has no resource " + name);
        }

        @Override
        public boolean condition(String name, String pointer) throws HeatFunctions.Unresolved {
            if (conditions.containsKey(name)) {
                return conditions.get(name);
            }
            JsonNode definition = tree.root().path("conditions").get(name);
            if (definition == null) {
                throw new HeatFunctions.Unresolved(pointer, "the template has no condition " + name);
            }
            conditions.put(name, false); // a condition that names itself is false rather than endless
            boolean value = functions.condition(definition, "/conditions/" + name);
            conditions.put(name, value);
            return value;
        }
    }
}
