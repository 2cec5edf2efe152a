package dev.portcullis.review;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.SourceGap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What the checks look at, and where they put what they find, keeping each finding's place for sorting. */
final class Context {

    private record Entry(int group, int rule, Check check, Finding finding) {
    }

    final List<SecurityGroup> groups;
    final List<Port> ports;
    final ReviewSettings settings;
    /** The address groups by id; null while they are not known (a review of pages as they come). */
    final Map<String, AddressGroup> addressGroups;
    private final Map<String, String> names = new HashMap<>();
    /** Added to by both halves of a large review at once (see Review), hence synchronized. */
    private final List<Entry> entries = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Each group's place in {@link #groups}, by identity: a finding finds its place in constant time. */
    private final Map<SecurityGroup, Integer> groupIndex = new IdentityHashMap<>();
    /**
     * Each rule's place in its group, by identity, one map per group (built when a finding first needs it, by
     * the one thread that checks that group).
     */
    private final List<Map<Rule, Integer>> ruleIndex = new ArrayList<>();
    /** How many interfaces use each group, by id, counted once up front (both halves of a review read it). */
    private final Map<String, Integer> users = new HashMap<>();
    /** Each group's place by its id, made when the first gap of the source is placed. */
    private Map<String, Integer> groupsById;

    Context(List<SecurityGroup> groups, List<Port> ports, ReviewSettings settings) {
        this(groups, ports, List.of(), settings);
    }

    /** {@code addressGroups} null: not known yet, so rules naming one are neither resolved nor reported. */
    Context(List<SecurityGroup> groups, List<Port> ports, List<AddressGroup> addressGroups, ReviewSettings settings) {
        this.groups = List.copyOf(groups);
        this.ports = List.copyOf(ports);
        this.settings = settings;
        if (addressGroups == null) {
            this.addressGroups = null;
        } else {
            this.addressGroups = new HashMap<>();
            addressGroups.forEach(a -> this.addressGroups.putIfAbsent(a.id(), a));
            addressGroups.forEach(a -> names.putIfAbsent(a.id(), a.label()));
        }
        groups.forEach(g -> names.putIfAbsent(g.id(), g.name()));
        for (int g = 0; g < this.groups.size(); g++) {
            groupIndex.putIfAbsent(this.groups.get(g), g);
            ruleIndex.add(null);
        }
        for (Port port : this.ports) {
            port.securityGroupIds().stream().distinct().forEach(id -> users.merge(id, 1, Integer::sum));
        }
    }

    /** The group's place in the list (the first, should the same group be listed twice), -1 if not listed. */
    private int indexOf(SecurityGroup group) {
        return groupIndex.getOrDefault(group, -1);
    }

    /** The rule's place in its group, -1 if the group does not hold it (as {@code List.indexOf} would say). */
    private int indexOf(int group, Rule rule) {
        if (group < 0) {
            return -1;
        }
        Map<Rule, Integer> index = ruleIndex.get(group);
        if (index == null) {
            index = new IdentityHashMap<>();
            List<Rule> rules = groups.get(group).rules();
            for (int r = 0; r < rules.size(); r++) {
                index.putIfAbsent(rules.get(r), r);
            }
            ruleIndex.set(group, index);
        }
        return index.getOrDefault(rule, -1);
    }

    /**
     * Whether the definitions say which interfaces use which group. A file without {@code ports} says
     * nothing about use, so checks about use stay silent rather than call every group unused.
     */
    boolean portsKnown() {
        return !ports.isEmpty();
    }

    boolean inUse(SecurityGroup group) {
        return users(group) > 0;
    }

    /** How many interfaces use the group, from a count made once over the interfaces. */
    int users(SecurityGroup group) {
        return users.getOrDefault(group.id(), 0);
    }

    String summary(Rule rule) {
        return rule.summary(names::get);
    }

    void project(Check check, String explanation, String fix) {
        add(-1, -1, check, check.severity(), null, null, explanation, fix);
    }

    void group(Check check, SecurityGroup group, String explanation, String fix) {
        add(indexOf(group), -1, check, check.severity(), group, null, explanation, fix);
    }

    void rule(Check check, SecurityGroup group, Rule rule, String explanation, String fix) {
        rule(check, check.severity(), group, rule, explanation, fix);
    }

    void rule(Check check, Severity severity, SecurityGroup group, Rule rule, String explanation, String fix) {
        int g = indexOf(group);
        add(g, indexOf(g, rule), check, severity, group, rule, explanation, fix);
    }

    /** A part of the source that could not be read, as a finding in the place of its group and rule. */
    void gap(SourceGap item) {
        Check check = item.unknown() ? Check.NOT_REVIEWED : Check.INVALID_DEFINITION;
        if (!settings.enabled(check)) {
            return;
        }
        if (groupsById == null) {
            groupsById = new HashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                groupsById.putIfAbsent(groups.get(g).id(), g);
            }
        }
        int groupIndex = item.groupId() == null ? -1 : groupsById.getOrDefault(item.groupId(), -1);
        int ruleIndex = -1;
        if (groupIndex >= 0 && item.ruleId() != null) {
            List<Rule> rules = groups.get(groupIndex).rules();
            for (int r = 0; r < rules.size() && ruleIndex < 0; r++) {
                ruleIndex = item.ruleId().equals(rules.get(r).id()) ? r : -1;
            }
        }
        String fix = item.unknown()
                ? "Review it where it is defined, as Portcullis cannot tell what it lets in; where a value is "
                        + "missing, give it in the source or with --var."
                : "Correct it as the message says: Neutron would refuse it, so it is not reviewed as written.";
        entries.add(new Entry(groupIndex, ruleIndex, check, new Finding(check.id(), check.severity(), item.groupId(),
                item.groupId() == null ? null : item.groupName(), item.ruleId(), item.ruleText(), item.text(), fix)));
    }

    private void add(int groupIndex, int ruleIndex, Check check, Severity severity, SecurityGroup group, Rule rule,
                     String explanation, String fix) {
        if (!settings.enabled(check)) {
            return;
        }
        entries.add(new Entry(groupIndex, ruleIndex, check, new Finding(check.id(), severity,
                group == null ? null : group.id(), group == null ? null : group.name(),
                rule == null ? null : rule.id(), rule == null ? null : summary(rule), explanation, fix)));
    }

    /** Project first, then by group and rule as they are listed, then the most serious first, then by check. */
    List<Finding> findings() {
        return entries.stream()
                .sorted(Comparator.comparingInt(Entry::group).thenComparingInt(Entry::rule)
                        .thenComparing(e -> e.finding().severity())
                        .thenComparing(Entry::check))
                .map(Entry::finding)
                .toList();
    }
}
