package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The problems a row has with the table's other rows, through {@link Validation#ruleSet}: duplicates (Neutron's
 * rule key, both rows marked) and groups that do not exist. The project's group ids are gathered once, when the
 * dialog opens, not on every keystroke.
 */
final class AcrossRows {

    private final Set<String> known;
    private final String ownId;
    private final Function<String, String> groupName;

    AcrossRows(GroupEditRequest request, Function<String, String> groupName) {
        this.known = request.groups().stream().map(SecurityGroup::id).collect(Collectors.toUnmodifiableSet());
        this.ownId = request.original().map(SecurityGroup::id).orElse(null);
        this.groupName = groupName;
    }

    /** Gives each row the problems it has with the others (none: an empty map). */
    void check(List<RuleRowViewModel> rows) {
        List<Rule> rules = rows.stream().map(RuleRowViewModel::ruleOrNull).toList();
        Map<Integer, List<Problem>> found = Validation.ruleSet(rules, ownId, known);
        Map<RuleKey, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) != null) {
                byKey.computeIfAbsent(rules.get(i).key(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Map<RuleField, String>> across = new ArrayList<>();
        rows.forEach(r -> across.add(new EnumMap<>(RuleField.class)));
        found.forEach((index, list) -> {
            for (Problem p : list) {
                if (p.code().equals(ErrorCode.GROUP_NOT_FOUND)) {
                    across.get(index).put(RuleField.REMOTE, p.message() + " Pick another group from the list.");
                } else {
                    List<Integer> same = byKey.get(rules.get(index).key());
                    same.forEach(j -> across.get(j).put(RuleField.RULE, DuplicateMessage.of(j, same, rules, groupName)));
                }
            }
        });
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setProblemsAcrossRows(across.get(i));
        }
    }
}
