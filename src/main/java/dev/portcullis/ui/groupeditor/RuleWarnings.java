package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Check;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.review.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review of the group being edited, rule by rule: what a rule the dialog adds or changes would be
 * reported for, leaving out what the group as stored already had. Only the group itself is reviewed, so it
 * is cheap enough to run as the person types; what needs the whole project (use by interfaces, quota,
 * groups elsewhere) and the missing description the table shows anyway are left out, and so is what is only
 * information (a public web port, ping from anywhere): it would push the warnings that matter out of the
 * few lines under the table. The review tab still lists it.
 */
final class RuleWarnings {

    private static final Set<String> LEFT_OUT = Set.of(Check.MISSING_DESCRIPTION.id(),
            Check.REMOTE_GROUP_ELSEWHERE.id());
    private static final String NEW_GROUP_ID = "new-group";

    private final ReviewSettings settings;
    private final String groupId;
    /** The findings of the group as stored, by check and rule: those are not the dialog's doing. */
    private final Set<String> before;
    /** The project's address groups, which the review looks inside; and their names, as findings say them. */
    private final List<dev.portcullis.domain.AddressGroup> addressGroups;
    private final java.util.Map<String, String> addressGroupNames = new java.util.HashMap<>();

    RuleWarnings(SecurityGroup original, ReviewSettings settings) {
        this(original, settings, List.of());
    }

    RuleWarnings(SecurityGroup original, ReviewSettings settings,
                 List<dev.portcullis.domain.AddressGroup> addressGroups) {
        this.settings = settings;
        this.addressGroups = List.copyOf(addressGroups);
        addressGroups.forEach(a -> addressGroupNames.putIfAbsent(a.id(), a.label()));
        this.groupId = original == null ? NEW_GROUP_ID : original.id();
        this.before = original == null ? Set.of() : ruleFindings(original).stream().map(RuleWarnings::key)
                .collect(Collectors.toSet());
    }

    /**
     * @param name   the group's name as typed
     * @param byRow  the table's rules by row: one, a row of several values' rules, none for a row that is not
     *               valid yet; a row of several values leaves out what the table has already, as the save does
     */
    List<RuleWarning> of(String name, boolean stateful, List<List<Rule>> byRow) {
        Set<RuleKey> seen = new HashSet<>();
        byRow.stream().filter(rules -> rules.size() == 1).forEach(rules -> seen.add(rules.get(0).key()));
        List<Rule> reviewed = new ArrayList<>();
        List<Integer> rowOfRule = new ArrayList<>();
        for (int row = 0; row < byRow.size(); row++) {
            List<Rule> rules = byRow.get(row);
            for (Rule rule : rules) {
                if (rules.size() == 1 || seen.add(rule.key())) {
                    reviewed.add(rule);
                    rowOfRule.add(row);
                }
            }
        }
        SecurityGroup draft = new SecurityGroup(groupId, null, name, "", stateful, false, 0, reviewed, List.of(),
                null, null);
        List<RuleWarning> warnings = new ArrayList<>();
        for (Finding finding : ruleFindings(draft)) {
            if (before.contains(key(finding))) {
                continue;
            }
            int at = indexOf(finding, reviewed, name);
            if (at >= 0) {
                int row = rowOfRule.get(at) + 1;
                warnings.add(new RuleWarning(row, finding.severity(), "Rule " + row + ": " + finding.explanation(),
                        finding.fix()));
            }
        }
        return warnings;
    }

    private List<Finding> ruleFindings(SecurityGroup group) {
        return Review.of(List.of(group), List.of(), List.of(), addressGroups, settings).stream()
                .filter(f -> f.rule() != null && !LEFT_OUT.contains(f.check()) && f.severity() != Severity.INFO)
                .toList();
    }

    /** A stored rule by its id; a new one (no id) by its words, as the review wrote them. */
    private int indexOf(Finding finding, List<Rule> rules, String name) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            boolean same = finding.ruleId() != null ? finding.ruleId().equals(rule.id())
                    : rule.id() == null && rule.summary(id -> id.equals(groupId) ? name : addressGroupNames.get(id))
                    .equals(finding.rule());
            if (same) {
                return i;
            }
        }
        return -1;
    }

    private static String key(Finding finding) {
        return finding.check() + "|" + finding.ruleId();
    }
}
