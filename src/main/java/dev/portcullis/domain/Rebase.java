package dev.portcullis.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Someone else changed a group while a person was editing it: what they changed, and the person's own
 * changes carried over onto the group as it is now. The person's changes are what their draft differs in
 * from the group their dialog opened on: a new name, description or statefulness, rules added, rules
 * removed (rules are compared by {@link RuleKey}, as Neutron compares them) and descriptions of kept
 * rules changed. Carried over, a rule the person removed that is already gone stays gone, a rule they
 * added that the group already has is not added twice, and everything the other person did that the
 * person did not touch stays as the other person left it.
 */
public final class Rebase {

    private Rebase() {
    }

    /**
     * What differs between two versions of a group, as rules of the later one added and rules of the
     * earlier one removed; an empty name or description means it did not change.
     */
    public record Difference(Optional<String> name, Optional<String> description, Optional<Boolean> stateful,
                             List<Rule> added, List<Rule> removed) {

        public Difference {
            Objects.requireNonNull(name);
            Objects.requireNonNull(description);
            Objects.requireNonNull(stateful);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return name.isEmpty() && description.isEmpty() && stateful.isEmpty() && added.isEmpty()
                    && removed.isEmpty();
        }

        /** One line per change, for people: {@code Renamed to "web"}, {@code Rule added: Ingress IPv4 TCP 22 from 0.0.0.0/0}. */
        public List<String> lines(Function<String, String> groupName) {
            List<String> lines = new ArrayList<>();
            name.ifPresent(n -> lines.add("Renamed to \"" + n + "\""));
            description.ifPresent(d -> lines.add(d.isEmpty() ? "Description removed"
                    : "Description changed to \"" + d + "\""));
            stateful.ifPresent(s -> lines.add(s ? "Made stateful" : "Made stateless"));
            added.forEach(r -> lines.add("Rule added: " + r.summary(groupName)));
            removed.forEach(r -> lines.add("Rule removed: " + r.summary(groupName)));
            return lines;
        }
    }

    /** What changed from {@code before} to {@code after} (two versions of one group). */
    public static Difference between(SecurityGroup before, SecurityGroup after) {
        return difference(before.name(), before.description(), before.stateful(), before.rules(),
                after.name(), after.description(), after.stateful(), after.rules());
    }

    /** What a person changed: from the group their dialog opened on to their draft. */
    public static Difference between(SecurityGroup opened, GroupDraft mine) {
        return difference(opened.name(), opened.description(), opened.stateful(), opened.rules(),
                mine.name(), mine.description(), mine.stateful(), mine.rules());
    }

    /**
     * The person's changes (from {@code opened} to {@code mine}) applied to {@code fresh}, the group as it
     * is now. Rules of {@code fresh} keep their ids (they are not sent again); rules the person added are
     * drafts.
     */
    public static GroupDraft onto(SecurityGroup opened, GroupDraft mine, SecurityGroup fresh) {
        Difference own = between(opened, mine);
        Map<RuleKey, Rule> removed = byKey(own.removed());
        Map<RuleKey, String> redescribed = new LinkedHashMap<>();
        Map<RuleKey, Rule> openedByKey = byKey(opened.rules());
        for (Rule rule : mine.rules()) {
            Rule before = openedByKey.get(rule.key());
            if (before != null && !Objects.equals(text(before.description()), text(rule.description()))) {
                redescribed.put(rule.key(), rule.description());
            }
        }
        List<Rule> rules = new ArrayList<>();
        Map<RuleKey, Rule> present = new LinkedHashMap<>();
        for (Rule rule : fresh.rules()) {
            if (removed.containsKey(rule.key())) {
                continue;
            }
            Rule kept = redescribed.containsKey(rule.key()) ? rule.withDescription(redescribed.get(rule.key())) : rule;
            rules.add(kept);
            present.putIfAbsent(rule.key(), kept);
        }
        for (Rule rule : own.added()) {
            if (!present.containsKey(rule.key())) {
                Rule draft = rule.asDraft();
                rules.add(draft);
                present.put(rule.key(), draft);
            }
        }
        return new GroupDraft(own.name().orElse(fresh.name()),
                own.description().orElse(text(fresh.description())),
                own.stateful().orElse(fresh.stateful()), rules);
    }

    private static Difference difference(String name, String description, boolean stateful, List<Rule> rules,
                                         String newName, String newDescription, boolean newStateful,
                                         List<Rule> newRules) {
        Map<RuleKey, Rule> before = byKey(rules);
        Map<RuleKey, Rule> after = byKey(newRules);
        List<Rule> added = after.entrySet().stream().filter(e -> !before.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        List<Rule> removed = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new Difference(
                Objects.equals(name, newName) ? Optional.empty() : Optional.of(newName),
                text(description).equals(text(newDescription)) ? Optional.empty() : Optional.of(text(newDescription)),
                stateful == newStateful ? Optional.empty() : Optional.of(newStateful),
                added, removed);
    }

    private static Map<RuleKey, Rule> byKey(List<Rule> rules) {
        Map<RuleKey, Rule> map = new LinkedHashMap<>();
        rules.forEach(r -> map.putIfAbsent(r.key(), r));
        return map;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
