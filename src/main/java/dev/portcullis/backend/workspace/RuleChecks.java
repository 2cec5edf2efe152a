package dev.portcullis.backend.workspace;

import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.Validation;
import dev.portcullis.files.NeutronJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks rules to be created the way Neutron checks a bulk {@code POST /v2.0/security-group-rules}: each
 * rule on its own (what {@link Validation} refuses, then a remote group or address group that does not
 * exist), then duplicates within the request, then rules the group already has. Problems come in that
 * order, so the first one carries the type Neutron would answer with.
 */
final class RuleChecks {

    private static final String SAME_RULE = " Neutron treats rules that differ only in their description as the "
            + "same rule.";

    /** The rules as Neutron would store them (normalized, without ids), or every problem found. */
    record Checked(List<Rule> rules, List<Problem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private RuleChecks() {
    }

    /**
     * @param wanted     the rules to create (ids, if any, are ignored)
     * @param existing   the rules the group has
     * @param ownGroupId the group's id, or null for a group still to be created
     * @param groupIds   the ids of the groups that exist
     * @param addressGroupIds the ids of the address groups that exist
     * @param groupName  turns a group id into a name for messages (null where unknown)
     */
    static Checked check(List<Rule> wanted, List<Rule> existing, String ownGroupId, Predicate<String> groupIds,
                         Predicate<String> addressGroupIds, Function<String, String> groupName) {
        List<Problem> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Rule input = wanted.get(i);
            String about = "Rule " + (i + 1) + " (" + input.summary(groupName) + "): ";
            String path = "security_group_rules[" + i + "].";
            Validation.RuleResult result = Validation.ruleRequest(NeutronJson.ruleRequestMembers(input));
            result.problems().forEach(p -> problems.add(new Problem(p.code(), path + p.field(),
                    about + p.message())));
            if (!result.valid()) {
                rules.add(null);
                continue;
            }
            Rule rule = result.rule();
            String remoteGroup = rule.remoteGroupId();
            if (remoteGroup != null && !remoteGroup.equals(ownGroupId) && !groupIds.test(remoteGroup)) {
                problems.add(new Problem(ErrorCode.GROUP_NOT_FOUND, path + "remote_group_id",
                        about + "its remote group " + remoteGroup + " does not exist."));
            }
            if (rule.remoteAddressGroupId() != null && !addressGroupIds.test(rule.remoteAddressGroupId())) {
                problems.add(new Problem(Refusals.ADDRESS_GROUP_NOT_FOUND, path + "remote_address_group_id",
                        about + "the address group " + rule.remoteAddressGroupId() + " does not exist."));
            }
            rules.add(rule);
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), problems);
        }

        Map<RuleKey, Integer> firstInRequest = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Integer earlier = firstInRequest.putIfAbsent(rules.get(i).key(), i);
            if (earlier != null) {
                problems.add(new Problem(ErrorCode.DUPLICATE_RULE_IN_POST, "security_group_rules[" + i + "]",
                        "Rule " + (i + 1) + " (" + rules.get(i).summary(groupName) + ") repeats rule "
                                + (earlier + 1) + "." + SAME_RULE));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), problems);
        }

        Map<RuleKey, Rule> existingByKey = new LinkedHashMap<>();
        existing.forEach(r -> existingByKey.putIfAbsent(r.key(), r));
        for (int i = 0; i < rules.size(); i++) {
            Rule same = existingByKey.get(rules.get(i).key());
            if (same != null) {
                problems.add(new Problem(ErrorCode.RULE_EXISTS, "security_group_rules[" + i + "]",
                        "Rule " + (i + 1) + " (" + rules.get(i).summary(groupName)
                                + ") already exists in this group: its rule id is " + same.id() + "." + SAME_RULE));
            }
        }
        return problems.isEmpty() ? new Checked(List.copyOf(rules), List.of()) : new Checked(List.of(), problems);
    }
}
