package dev.portcullis.review;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/**
 * How one group differs between two sources.
 *
 * @param first        the group in the first source
 * @param second       the same group in the second
 * @param fields       name, description or stateful, where they differ
 * @param onlyInFirst  rules of the first with no rule of the same Neutron key in the second
 * @param onlyInSecond the other way round
 * @param redescribed  rules that are the same rule to Neutron and differ only in their description
 */
public record ComparisonGroup(SecurityGroup first, SecurityGroup second, List<FieldChange> fields,
                              List<Rule> onlyInFirst, List<Rule> onlyInSecond, List<Redescribed> redescribed) {

    /** A group attribute, its value in the first source and in the second. */
    public record FieldChange(String field, String first, String second) {
    }

    /** One rule, as the first source and as the second describe it. */
    public record Redescribed(Rule first, Rule second) {
    }

    public ComparisonGroup {
        fields = List.copyOf(fields);
        onlyInFirst = List.copyOf(onlyInFirst);
        onlyInSecond = List.copyOf(onlyInSecond);
        redescribed = List.copyOf(redescribed);
    }

    public boolean same() {
        return fields.isEmpty() && onlyInFirst.isEmpty() && onlyInSecond.isEmpty() && redescribed.isEmpty();
    }
}
