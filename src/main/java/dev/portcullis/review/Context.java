package dev.portcullis.review;

import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.SourceGap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the checks look at, and where they put what they find, keeping each finding's place for sorting. */
final class Context {

    private record Entry(int group, int rule, Finding finding) {
    }

    final List<SecurityGroup> groups;
    final List<Port> ports;
    final ReviewSettings settings;
    private final Map<String, String> names = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    Context(List<SecurityGroup> groups, List<Port> ports, ReviewSettings settings) {
        this.groups = List.copyOf(groups);
        this.ports = List.copyOf(ports);
        this.settings = settings;
        groups.forEach(g -> names.putIfAbsent(g.id(), g.name()));
    }

    /**
     * Whether the definitions say which interfaces use which group. A file without {@code ports} says
     * nothing about use, so checks about use stay silent rather than call every group unused.
     */
    boolean portsKnown() {
        return !ports.isEmpty();
    }

    boolean inUse(SecurityGroup group) {
        return ports.stream().anyMatch(p -> p.uses(group.id()));
    }

    String summary(Rule rule) {
        return rule.summary(names::get);
    }

    void project(Check check, String explanation, String fix) {
        add(-1, -1, check, check.severity(), null, null, explanation, fix);
    }

    void group(Check check, SecurityGroup group, String explanation, String fix) {
        add(groups.indexOf(group), -1, check, check.severity(), group, null, explanation, fix);
    }

    void rule(Check check, SecurityGroup group, Rule rule, String explanation, String fix) {
        rule(check, check.severity(), group, rule, explanation, fix);
    }

    void rule(Check check, Severity severity, SecurityGroup group, Rule rule, String explanation, String fix) {
        add(groups.indexOf(group), group.rules().indexOf(rule), check, severity, group, rule, explanation, fix);
    }

    /** A part of the source that could not be read, as a finding in the place of its group and rule. */
    void gap(SourceGap item) {
        Check check = item.unknown() ? Check.NOT_REVIEWED : Check.INVALID_DEFINITION;
        if (!settings.enabled(check)) {
            return;
        }
        int groupIndex = -1;
        int ruleIndex = -1;
        for (int g = 0; g < groups.size() && item.groupId() != null && groupIndex < 0; g++) {
            if (groups.get(g).id().equals(item.groupId())) {
                groupIndex = g;
                List<Rule> rules = groups.get(g).rules();
                for (int r = 0; r < rules.size() && item.ruleId() != null && ruleIndex < 0; r++) {
                    ruleIndex = item.ruleId().equals(rules.get(r).id()) ? r : -1;
                }
            }
        }
        String fix = item.unknown()
                ? "Give it a value the source itself holds (or pass one with --var), or review what it stands for "
                        + "where it is defined."
                : "Correct it as the message says: Neutron would refuse it, so it is not reviewed as written.";
        entries.add(new Entry(groupIndex, ruleIndex, new Finding(check.id(), check.severity(), item.groupId(),
                item.groupId() == null ? null : item.groupName(), item.ruleId(), item.ruleText(), item.text(), fix)));
    }

    private void add(int groupIndex, int ruleIndex, Check check, Severity severity, SecurityGroup group, Rule rule,
                     String explanation, String fix) {
        if (!settings.enabled(check)) {
            return;
        }
        entries.add(new Entry(groupIndex, ruleIndex, new Finding(check.id(), severity,
                group == null ? null : group.id(), group == null ? null : group.name(),
                rule == null ? null : rule.id(), rule == null ? null : summary(rule), explanation, fix)));
    }

    /** Project first, then by group and rule as they are listed, then the most serious first, then by check. */
    List<Finding> findings() {
        return entries.stream()
                .sorted(Comparator.comparingInt(Entry::group).thenComparingInt(Entry::rule)
                        .thenComparing(e -> e.finding().severity())
                        .thenComparing(e -> Check.byId(e.finding().check()).orElseThrow()))
                .map(Entry::finding)
                .toList();
    }
}
