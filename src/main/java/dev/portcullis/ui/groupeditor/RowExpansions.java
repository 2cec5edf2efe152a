package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The table's rules once its rows of several values are expanded: each such row's rules in its place,
 * leaving out those the table already has (in a row of one rule or an earlier row), with a notice per row
 * saying what it became and what was merged. Rows of one rule are kept as they are: two of those that are
 * the same rule are a problem the person resolves, not something merged silently.
 *
 * @param rules   every rule, in table order
 * @param notices e.g. {@code Rule 3 becomes 4 rules (2 ports × 2 sources); 1 the table already has is left out.}
 */
record RowExpansions(List<Rule> rules, List<String> notices) {

    RowExpansions {
        rules = List.copyOf(rules);
        notices = List.copyOf(notices);
    }

    /** Only for valid rows. */
    static RowExpansions of(List<RuleRowViewModel> rows) {
        Set<RuleKey> seen = new HashSet<>();
        rows.stream().filter(r -> r.expansion() == null).forEach(r -> seen.add(r.rule().key()));
        List<Rule> rules = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RuleRowViewModel row = rows.get(i);
            RowExpansion several = row.expansion();
            if (several == null) {
                rules.add(row.rule());
                continue;
            }
            int before = rules.size();
            several.rules().stream().filter(r -> seen.add(r.key())).forEach(rules::add);
            int kept = rules.size() - before;
            int inTable = several.rules().size() - kept;
            notices.add(notice(i + 1, kept, several, inTable));
        }
        return new RowExpansions(rules, notices);
    }

    private static String notice(int number, int kept, RowExpansion several, int inTable) {
        StringBuilder text = new StringBuilder("Rule " + number + " becomes " + Words.rules(kept) + " ("
                + several.pairs() + " values combined)");
        List<String> merged = new ArrayList<>();
        if (several.merged() > 0) {
            merged.add(several.merged() + " the same as another of its values");
        }
        if (inTable > 0) {
            merged.add(inTable + " the group already has in another row");
        }
        if (!merged.isEmpty()) {
            text.append("; duplicates merged: ").append(String.join(", ", merged));
        }
        return text.append('.').toString();
    }

    /** {@code 1 rule}, {@code 4 rules}. */
    private static final class Words {
        static String rules(int n) {
            return n == 1 ? "1 rule" : n + " rules";
        }
    }
}
