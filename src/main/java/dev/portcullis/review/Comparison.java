package dev.portcullis.review;

import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Tags;
import dev.portcullis.review.ComparisonGroup.FieldChange;
import dev.portcullis.review.ComparisonGroup.Redescribed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The differences between two sets of groups. Groups are paired by id, and the rest by name (groups
 * sharing a name, which Neutron allows, pair in the order they appear; the extras have no partner). Rules are compared as Neutron compares them for
 * duplicates ({@link RuleKey}: the id and the description do not count), so a rule whose description alone
 * changed is shown as that, not as a removal and an addition. A remote group is compared through the pairing:
 * a rule of the second source pointing at group B is the same as one of the first pointing at the group
 * paired with B, so two copies of a project under different ids compare equal.
 *
 * @param onlyInFirst  groups of the first source with no partner in the second
 * @param onlyInSecond the other way round
 * @param changed      paired groups that differ
 * @param unchanged    how many paired groups are the same
 */
public record Comparison(List<SecurityGroup> onlyInFirst, List<SecurityGroup> onlyInSecond,
                         List<ComparisonGroup> changed, int unchanged) {

    public Comparison {
        onlyInFirst = List.copyOf(onlyInFirst);
        onlyInSecond = List.copyOf(onlyInSecond);
        changed = List.copyOf(changed);
    }

    public boolean same() {
        return onlyInFirst.isEmpty() && onlyInSecond.isEmpty() && changed.isEmpty();
    }

    public static Comparison of(List<SecurityGroup> first, List<SecurityGroup> second) {
        List<Pair> pairs = pair(first, second);
        Map<String, String> secondToFirstId = new HashMap<>();
        pairs.forEach(p -> secondToFirstId.put(p.second().id(), p.first().id()));
        List<ComparisonGroup> changed = new ArrayList<>();
        int unchanged = 0;
        for (Pair p : pairs) {
            ComparisonGroup g = compare(p.first(), p.second(), secondToFirstId);
            if (g.same()) {
                unchanged++;
            } else {
                changed.add(g);
            }
        }
        Set<SecurityGroup> pairedFirst = identitySet();
        Set<SecurityGroup> pairedSecond = identitySet();
        pairs.forEach(p -> {
            pairedFirst.add(p.first());
            pairedSecond.add(p.second());
        });
        return new Comparison(unpaired(first, pairedFirst), unpaired(second, pairedSecond), changed, unchanged);
    }

    private record Pair(SecurityGroup first, SecurityGroup second) {
    }

    /**
     * Each first-source group with its partner, in the first source's order. Groups are held by identity:
     * two listings of an identical group are two groups, and no group's rules are hashed to find it.
     */
    private static List<Pair> pair(List<SecurityGroup> first, List<SecurityGroup> second) {
        Map<String, SecurityGroup> secondById = new HashMap<>();
        second.forEach(g -> secondById.putIfAbsent(g.id(), g));
        Map<SecurityGroup, SecurityGroup> partners = new IdentityHashMap<>();
        Set<SecurityGroup> pairedSecond = identitySet();
        for (SecurityGroup a : first) {
            SecurityGroup b = partners.containsKey(a) ? null : secondById.remove(a.id());
            if (b != null) {
                partners.put(a, b);
                pairedSecond.add(b);
            }
        }
        Map<String, List<SecurityGroup>> firstByName = byName(unpaired(first, partners.keySet()));
        Map<String, List<SecurityGroup>> secondByName = byName(unpaired(second, pairedSecond));
        firstByName.forEach((name, as) -> {
            List<SecurityGroup> bs = secondByName.getOrDefault(name, List.of());
            for (int i = 0; i < Math.min(as.size(), bs.size()); i++) {
                partners.put(as.get(i), bs.get(i));
            }
        });
        List<Pair> pairs = new ArrayList<>();
        Set<SecurityGroup> listed = identitySet();
        for (SecurityGroup a : first) {
            SecurityGroup b = partners.get(a);
            if (b != null && listed.add(a)) {
                pairs.add(new Pair(a, b));
            }
        }
        return pairs;
    }

    private static List<SecurityGroup> unpaired(List<SecurityGroup> groups, Set<SecurityGroup> paired) {
        return groups.stream().filter(g -> !paired.contains(g)).toList();
    }

    private static Set<SecurityGroup> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static Map<String, List<SecurityGroup>> byName(List<SecurityGroup> groups) {
        return groups.stream().collect(Collectors.groupingBy(SecurityGroup::name, LinkedHashMap::new,
                Collectors.toList()));
    }

    private static ComparisonGroup compare(SecurityGroup a, SecurityGroup b, Map<String, String> secondToFirstId) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "name", a.name(), b.name());
        field(fields, "description", text(a.description()), text(b.description()));
        field(fields, "stateful", Boolean.toString(a.stateful()), Boolean.toString(b.stateful()));
        // tags as Neutron tells them apart: in any order, letter case aside
        if (!a.tags().isEmpty() || !b.tags().isEmpty()) {
            if (!Tags.same(a.tags(), b.tags())) {
                fields.add(new FieldChange("tags", String.join(", ", Tags.normalized(a.tags())),
                        String.join(", ", Tags.normalized(b.tags()))));
            }
        }

        Map<RuleKey, List<Rule>> secondRules = new LinkedHashMap<>();
        for (Rule r : b.rules()) {
            secondRules.computeIfAbsent(inFirstTerms(r, secondToFirstId).key(), k -> new ArrayList<>()).add(r);
        }
        List<Rule> onlyInFirst = new ArrayList<>();
        List<Rule> unmatched = new ArrayList<>();
        for (Rule r : a.rules()) {
            List<Rule> candidates = secondRules.getOrDefault(r.key(), new ArrayList<>());
            Rule same = candidates.stream().filter(c -> sameDescription(r, c)).findFirst().orElse(null);
            if (same != null) {
                candidates.remove(same);
            } else if (candidates.isEmpty()) {
                onlyInFirst.add(r);
            } else {
                unmatched.add(r);
            }
        }
        List<Redescribed> redescribed = new ArrayList<>();
        for (Rule r : unmatched) {
            List<Rule> candidates = secondRules.getOrDefault(r.key(), new ArrayList<>());
            if (candidates.isEmpty()) {
                onlyInFirst.add(r);
            } else {
                redescribed.add(new Redescribed(r, candidates.remove(0)));
            }
        }
        Set<Rule> left = Collections.newSetFromMap(new IdentityHashMap<>());
        secondRules.values().forEach(left::addAll);
        List<Rule> onlyInSecond = b.rules().stream().filter(left::contains).toList();
        return new ComparisonGroup(a, b, fields, onlyInFirst, onlyInSecond, redescribed);
    }

    private static Rule inFirstTerms(Rule rule, Map<String, String> secondToFirstId) {
        if (rule.remote() instanceof Remote.Group g && secondToFirstId.containsKey(g.groupId())) {
            return new Rule(rule.id(), rule.direction(), rule.etherType(), rule.protocol(), rule.ports(),
                    Remote.group(secondToFirstId.get(g.groupId())), rule.description());
        }
        return rule;
    }

    private static void field(List<FieldChange> out, String name, String a, String b) {
        if (!a.equals(b)) {
            out.add(new FieldChange(name, a, b));
        }
    }

    private static boolean sameDescription(Rule a, Rule b) {
        return text(a.description()).equals(text(b.description()));
    }

    /** Neutron stores a missing description as "": the two are the same. */
    static String text(String description) {
        return Objects.requireNonNullElse(description, "");
    }
}
