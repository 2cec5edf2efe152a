package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules one row of several values becomes, one per port value and address value, with the pairs that
 * came out the same rule (Neutron's rule key: {@code 22} and {@code 22-22}, {@code 10.0.0.1} and
 * {@code 10.0.0.1/32}) merged.
 *
 * @param rules   the distinct rules, in the order typed
 * @param pairs   how many port/address pairs were typed
 * @param merged  how many pairs were the same rule as an earlier pair of the row
 */
record RowExpansion(List<Rule> rules, int pairs, int merged) {

    RowExpansion {
        rules = List.copyOf(rules);
    }

    /** Collects a row's rules, each rule key once. */
    static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private final Set<RuleKey> keys = new HashSet<>();
        private int pairs;

        void add(Rule rule) {
            pairs++;
            if (keys.add(rule.key())) {
                rules.add(rule);
            }
        }

        RowExpansion build(int portValues, int remoteValues) {
            return new RowExpansion(rules, portValues * remoteValues, portValues * remoteValues - rules.size());
        }
    }
}
