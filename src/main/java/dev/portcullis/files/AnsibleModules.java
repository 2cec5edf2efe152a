package dev.portcullis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.SourceGroups.GroupSource;
import dev.portcullis.files.SourceGroups.Place;
import dev.portcullis.files.SourceGroups.RuleSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the security group modules of the {@code openstack.cloud} collection do to a project, task by task,
 * written from their source ({@code plugins/modules/security_group.py} and {@code security_group_rule.py}):
 * <ul>
 * <li>{@code openstack.cloud.security_group} (2.x): finds the group by name; creates it (Neutron adds its two
 * egress rules) with {@code description} and {@code stateful} when given, else updates the description.
 * With {@code security_group_rules} (given, even empty), the group's rules become exactly that list: a
 * listed rule matching a rule the group has keeps it (matching compares only the options given), the others
 * are created, and every rule not listed is deleted, Neutron's egress rules too. Without it the rules are
 * left as they are. A rule's {@code direction} defaults to ingress, {@code ether_type} to IPv4,
 * {@code protocol} {@code any}/{@code 0} means every protocol (ports are then ignored), -1 ports of
 * icmp/tcp/udp mean none, {@code remote_group} is a name or an id.</li>
 * <li>{@code openstack.cloud.security_group_rule} (2.x): the same options (with {@code ethertype} as an
 * alias), on {@code security_group} by name or id; a rule is created unless the group has one matching the
 * options given; {@code state: absent} deletes the match.</li>
 * <li>{@code os_security_group}/{@code os_security_group_rule} (Ansible 2.9, collection 1.x, also as
 * {@code openstack.cloud.os_*}): no rules on the group, {@code description} defaults to "", and
 * {@code ethertype}; a rule is created unless one matches exactly.</li>
 * </ul>
 * The playbook is read as run against a project where its groups do not exist yet, but for {@code default},
 * the project's default group with Neutron's four rules. A task that may not run (a {@link Condition}) is read
 * as running only when it adds; when it deletes a rule or a group or replaces a group's rules, which of the two
 * the project ends with is known only when the play runs: a problem, and nothing is deleted.
 */
final class AnsibleModules {

    static final Set<String> GROUP_NEW = Set.of("openstack.cloud.security_group", "security_group");
    static final Set<String> GROUP_OLD = Set.of("os_security_group", "openstack.cloud.os_security_group");
    static final Set<String> RULE_NEW = Set.of("openstack.cloud.security_group_rule", "security_group_rule");
    static final Set<String> RULE_OLD = Set.of("os_security_group_rule", "openstack.cloud.os_security_group_rule");
    /** The connection options every module of the collection takes (its "openstack" documentation fragment). */
    private static final Set<String> CONNECTION = Set.of("cloud", "auth", "auth_type", "region_name", "validate_certs",
            "ca_cert", "client_cert", "client_key", "wait", "timeout", "api_timeout", "interface", "sdk_log_path",
            "sdk_log_level", "availability_zone");
    private static final Set<String> GROUP_NEW_ARGS = Set.of("name", "description", "project", "state", "stateful",
            "security_group_rules");
    private static final Set<String> GROUP_OLD_ARGS = Set.of("name", "description", "project", "state");
    private static final Set<String> RULE_OPTIONS = Set.of("description", "direction", "ether_type", "port_range_max",
            "port_range_min", "protocol", "remote_group", "remote_ip_prefix");
    private static final Set<String> RULE_NEW_ARGS = Set.of("description", "direction", "ether_type", "ethertype",
            "port_range_max", "port_range_min", "project", "protocol", "remote_group", "remote_ip_prefix",
            "security_group", "state");
    private static final Set<String> RULE_OLD_ARGS = Set.of("description", "direction", "ethertype", "port_range_max",
            "port_range_min", "project", "protocol", "remote_group", "remote_ip_prefix", "security_group", "state");

    /** Where an option of the task was written: {@code of()} is the task, {@code of("security_group_rules", 2)}. */
    interface Where {
        Place of(Object... steps);
    }

    /** Why a task may not run ({@code when}, a handler, {@code rescue}...), and where that is written. */
    record Condition(Place at, String reason) {
    }

    /** A task's options that cannot be used; the task is skipped. */
    private static final class Refused extends Exception {
        final Place place;

        Refused(Place place, String message) {
            super(message);
            this.place = place;
        }
    }

    final Map<String, GroupSource> groups = new LinkedHashMap<>();
    private final List<Problem> problems;
    private final List<Problem> notices;

    AnsibleModules(List<Problem> problems, List<Problem> notices) {
        this.problems = problems;
        this.notices = notices;
    }

    static boolean handles(String module) {
        return GROUP_NEW.contains(module) || GROUP_OLD.contains(module) || RULE_NEW.contains(module)
                || RULE_OLD.contains(module);
    }

    /** What the task does, for a task that runs ({@code condition} null) or may not. */
    void apply(String module, JsonNode args, Where where, Condition condition) {
        try {
            if (!args.isObject()) {
                throw new Refused(where.of(), "The options of " + module + " must be a map.");
            }
            boolean old = GROUP_OLD.contains(module) || RULE_OLD.contains(module);
            boolean group = GROUP_NEW.contains(module) || GROUP_OLD.contains(module);
            Set<String> known = group ? (old ? GROUP_OLD_ARGS : GROUP_NEW_ARGS) : (old ? RULE_OLD_ARGS : RULE_NEW_ARGS);
            for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key) && !CONNECTION.contains(key)) {
                    throw new Refused(where.of(key), "Ansible refuses the task: " + module + " has no option \""
                            + key + "\".");
                }
            }
            if (group) {
                group(args, where, old, condition);
            } else {
                rule(args, where, old, condition);
            }
        } catch (Refused r) {
            problems.add(new Problem(AnsibleReader.INVALID, r.place.field(), r.getMessage()));
        }
    }

    private static String text(JsonNode args, String key) {
        JsonNode v = args.get(key);
        return v == null || v.isNull() || v == AnsibleTemplates.OMIT ? null : v.asText();
    }

    /** A problem, on the group when it is known, for a task that may not run and deletes: true if so. */
    private boolean mayNotRun(Condition condition, GroupSource g, String name, Where where, String what) {
        if (condition == null) {
            return false;
        }
        Problem p = new Problem(AnsibleReader.NOT_RESOLVED, where.of().field(), "Whether this task runs is known "
                + "only when the play runs (" + condition.reason() + "): " + what + " is not applied, and what " + name
                + " lets in is not known offline.");
        (g == null ? problems : g.problems).add(p);
        return true;
    }

    private void readAsRunning(Condition condition) {
        if (condition != null) {
            notices.add(new Problem(AnsibleReader.NOT_READ, condition.at().field(), "Whether this task runs is "
                    + "known only when the play runs (" + condition.reason() + "): it adds, so it is read as if it runs."));
        }
    }

    private void group(JsonNode args, Where where, boolean old, Condition condition) throws Refused {
        String name = text(args, "name");
        if (name == null) {
            throw new Refused(where.of(), "The task has no name of a group (the module requires it).");
        }
        String state = choice(args, "state", "present", Set.of("present", "absent"), where);
        String description = old && text(args, "description") == null ? "" : text(args, "description");
        if (state.equals("absent")) {
            if (mayNotRun(condition, groups.get(name), name, where, "deleting the group " + name)) {
                return;
            }
            groups.remove(name);
            notices.add(new Problem(AnsibleReader.NOT_READ, where.of().field(), "The group " + name
                    + " is deleted (state: absent): it is not part of what the playbook leaves."));
            return;
        }
        GroupSource g = groups.get(name);
        if (g == null) {
            g = create(name, where);
            if (args.has("stateful") && text(args, "stateful") != null) {
                g.json.set("stateful", args.get("stateful"));
                g.members.put("stateful", where.of("stateful"));
            }
        } else if (text(args, "stateful") != null) {
            notices.add(new Problem(AnsibleReader.NOT_READ, where.of("stateful").field(), "The module sets stateful "
                    + "only when it creates the group; " + name + " exists by then."));
        }
        if (description != null) {
            g.json.put("description", description);
            g.members.put("description", args.has("description") ? where.of("description") : where.of());
        }
        JsonNode rules = args.get("security_group_rules");
        if (rules == null || rules.isNull() || rules == AnsibleTemplates.OMIT) {
            readAsRunning(condition);
            return;
        }
        if (!rules.isArray()) {
            throw new Refused(where.of("security_group_rules"), "security_group_rules must be a list.");
        }
        List<RuleSource> kept = new ArrayList<>();
        List<RuleSource> created = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode options = rules.get(i);
            Place place = where.of("security_group_rules", i);
            if (!options.isObject()) {
                throw new Refused(place, "A rule of security_group_rules must be a map.");
            }
            for (Iterator<String> it = options.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!RULE_OPTIONS.contains(key)) {
                    throw new Refused(where.of("security_group_rules", i, key), "Ansible refuses the task: a rule "
                            + "of security_group_rules has no option \"" + key + "\"" + (key.equals("ethertype")
                            ? " (here it is ether_type)." : "."));
                }
            }
            int index = i;
            RuleSource r = prototype(g, options, place, steps -> where.of(prepend("security_group_rules", index, steps)),
                    "ether_type", false);
            List<RuleSource> matches = g.rules.stream().filter(e -> AnsibleRuleMatch.matches(e, r, true)).toList();
            if (matches.size() > 1) {
                throw new Refused(place, "The module fails here: more than one rule of " + g.json.get("name").asText()
                        + " matches this one.");
            }
            if (matches.isEmpty()) {
                created.add(r);
            } else if (!kept.contains(matches.get(0))) {
                kept.add(matches.get(0));
            }
        }
        if (mayNotRun(condition, g, name, where, "replacing the rules of " + name + " by security_group_rules "
                + "(the rules it would delete are read as kept, the rules it would add as added)")) {
            g.rules.addAll(created);
            return;
        }
        g.rules.clear();
        g.rules.addAll(kept);
        g.rules.addAll(created);
    }

    private static Object[] prepend(String key, int index, Object[] steps) {
        Object[] all = new Object[steps.length + 2];
        all[0] = key;
        all[1] = index;
        System.arraycopy(steps, 0, all, 2, steps.length);
        return all;
    }

    /** A group the module creates: Neutron's two egress rules; "default" is the project's own group. */
    private GroupSource create(String name, Where where) {
        GroupSource g = new GroupSource(where.of(), DraftIds.group(name));
        g.json.put("name", name);
        g.members.put("name", where.of("name"));
        boolean project = name.equals("default");
        if (project) {
            g.json.put("description", "Default security group");
        }
        for (String direction : project ? List.of("egress", "ingress") : List.of("egress")) {
            for (String etherType : List.of("IPv4", "IPv6")) {
                RuleSource d = new RuleSource(new Place(where.of().address() + " (Neutron's default " + etherType + " "
                        + direction + " rule)", where.of().line()));
                d.json.put("direction", direction);
                d.json.put("ethertype", etherType);
                if (direction.equals("ingress")) {
                    d.json.put("remote_group_id", g.id());
                }
                d.json.putNull("description");
                g.rules.add(d);
            }
        }
        groups.put(name, g);
        return g;
    }

    private void rule(JsonNode args, Where where, boolean old, Condition condition) throws Refused {
        String owner = text(args, "security_group");
        if (owner == null) {
            throw new Refused(where.of(), "The task has no security_group (the module requires it).");
        }
        GroupSource g = groups.get(owner);
        if (g == null && DraftIds.isDraft(owner)) {
            // A group's id is the draft id of its name: look the name up rather than scan every group.
            GroupSource named = groups.get(DraftIds.shown(owner));
            g = named != null && named.id().equals(owner) ? named : null;
        }
        if (g == null && owner.equals("default")) {
            g = create(owner, where);
        }
        if (g == null) {
            throw new Refused(where.of("security_group"), "The group " + owner + " is not created by this playbook: "
                    + "the module looks it up in the cloud, where its other rules are not known offline.");
        }
        String state = choice(args, "state", "present", Set.of("present", "absent"), where);
        if (!old && args.has("ethertype") && args.has("ether_type")) {
            throw new Refused(where.of("ethertype"), "ethertype is an alias of ether_type: give one of them.");
        }
        String etherKey = !old && args.has("ethertype") ? "ethertype" : (old ? "ethertype" : "ether_type");
        RuleSource r = prototype(g, args, where.of(), where::of, etherKey, old);
        List<RuleSource> matches = g.rules.stream().filter(e -> old ? AnsibleRuleMatch.exactly(e, r)
                : AnsibleRuleMatch.matches(e, r, false)).toList();
        if (matches.size() > 1 && !old) {
            throw new Refused(where.of(), "The module fails here: more than one rule of " + owner
                    + " matches these options.");
        }
        if (state.equals("absent") && mayNotRun(condition, g, owner, where, "deleting the rule from " + owner)) {
            return;
        }
        if (state.equals("absent")) {
            if (!matches.isEmpty()) {
                g.rules.remove(matches.get(0));
            }
            notices.add(new Problem(AnsibleReader.NOT_READ, where.of().field(), matches.isEmpty()
                    ? "The rule to delete (state: absent) is not in " + owner + " at this point: nothing changes."
                    : "The rule is deleted from " + owner + " (state: absent): it is not part of what the playbook leaves."));
        } else if (matches.isEmpty()) {
            readAsRunning(condition);
            g.rules.add(r);
        } else {
            notices.add(new Problem(AnsibleReader.NOT_READ, where.of().field(), "The group already has a rule matching "
                    + "these options (" + matches.get(0).place.address() + "): the module creates nothing."));
        }
    }

    private static String choice(JsonNode args, String key, String otherwise, Set<String> allowed, Where where)
            throws Refused {
        String v = text(args, key);
        if (v == null) {
            return otherwise;
        }
        if (!allowed.contains(v)) {
            throw new Refused(where.of(key), "Ansible refuses " + key + " \"" + v + "\": it takes "
                    + String.join(" or ", new java.util.TreeSet<>(allowed)) + ".");
        }
        return v;
    }

    /** The rule the module sends to Neutron for these options, as {@code _define_prototype} makes it. */
    private RuleSource prototype(GroupSource g, JsonNode options, Place place, Where where, String etherKey, boolean old)
            throws Refused {
        RuleSource r = new RuleSource(place);
        ObjectNode json = r.json;
        String direction = choice(options, "direction", "ingress", Set.of("ingress", "egress"), where);
        String etherType = choice(options, etherKey, "IPv4", Set.of("IPv4", "IPv6"), where);
        json.put("direction", direction);
        json.put("ethertype", etherType);
        r.members.put("direction", options.has("direction") ? where.of("direction") : place);
        r.members.put("ethertype", options.has(etherKey) ? where.of(etherKey) : place);
        String protocol = text(options, "protocol");
        boolean any = protocol != null && (protocol.equals("any") || (!old && protocol.equals("0")));
        if (protocol != null && !any) {
            json.put("protocol", protocol);
            r.members.put("protocol", where.of("protocol"));
        }
        for (String key : List.of("port_range_min", "port_range_max")) {
            String v = text(options, key);
            if (v == null || (!old && any)) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new Refused(where.of(key), "Ansible refuses " + key + " \"" + v + "\": it must be an integer.");
            }
            boolean minusOne = port == -1 && (old || List.of("icmp", "ipv6-icmp", "tcp", "udp").contains(protocol));
            if (!minusOne) {
                json.put(key, port);
                r.members.put(key, where.of(key));
            }
        }
        String prefix = text(options, "remote_ip_prefix");
        String group = text(options, "remote_group");
        if (prefix != null && group != null) {
            throw new Refused(where.of("remote_group"), "remote_ip_prefix and remote_group are mutually exclusive.");
        }
        if (prefix != null) {
            json.put("remote_ip_prefix", prefix);
            r.members.put("remote_ip_prefix", where.of("remote_ip_prefix"));
        }
        if (group != null) {
            GroupSource target = groups.get(group);
            json.put("remote_group_id", group.equals(g.json.path("name").asText()) || group.equals(g.id()) ? g.id()
                    : target != null ? target.id() : group);
            r.members.put("remote_group_id", where.of("remote_group"));
        }
        String description = text(options, "description");
        if (description != null) {
            json.put("description", description);
        } else {
            json.putNull("description");
        }
        r.members.put("description", options.has("description") ? where.of("description") : place);
        return r;
    }
}
