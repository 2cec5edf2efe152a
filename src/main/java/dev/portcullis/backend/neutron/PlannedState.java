package dev.portcullis.backend.neutron;

import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.RuleKey;
import dev.portcullis.domain.SecurityGroup;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a plan makes of a group: its rules (by what they let through) and, when the plan changes them, its name,
 * description and state. Read against the group after every operation was applied, it says whether someone else
 * changed the group at the same time: Neutron answers each operation on its own, so a rule another client added
 * or removed between them is seen only here.
 */
final class PlannedState {

    private final Set<RuleKey> rules;
    private final ChangePlan plan;

    private PlannedState(Set<RuleKey> rules, ChangePlan plan) {
        this.rules = rules;
        this.plan = plan;
    }

    /** The state {@code plan} makes of {@code before}, the group as read right before it was applied. */
    static PlannedState of(SecurityGroup before, ChangePlan plan) {
        Set<String> deleted = new HashSet<>();
        for (ChangePlan.Operation op : plan.operations()) {
            if (op instanceof ChangePlan.DeleteRule d && d.rule().id() != null) {
                deleted.add(d.rule().id());
            }
        }
        Set<RuleKey> rules = new HashSet<>();
        for (Rule rule : before.rules()) {
            if (!deleted.contains(rule.id())) {
                rules.add(rule.key());
            }
        }
        for (ChangePlan.Operation op : plan.operations()) {
            if (op instanceof ChangePlan.CreateRules c) {
                c.rules().forEach(r -> rules.add(r.key()));
            }
        }
        return new PlannedState(rules, plan);
    }

    /**
     * How {@code after} differs from the planned state, in words; empty when it is the planned state (whoever else
     * wrote to it, the group is then what this plan's file says).
     */
    String differences(SecurityGroup after) {
        Set<RuleKey> held = new HashSet<>();
        after.rules().forEach(r -> held.add(r.key()));
        long more = held.stream().filter(k -> !rules.contains(k)).count();
        long missing = rules.stream().filter(k -> !held.contains(k)).count();
        StringBuilder text = new StringBuilder();
        if (more > 0) {
            text.append(more).append(more == 1 ? " rule" : " rules").append(" the plan did not add");
        }
        if (missing > 0) {
            text.append(text.isEmpty() ? "" : ", and ").append(missing).append(missing == 1 ? " rule" : " rules")
                    .append(" of the plan missing");
        }
        plan.update().ifPresent(update -> {
            boolean other = update.changed().contains(ChangePlan.GroupUpdate.NAME) && !update.name().equals(after.name())
                    || update.changed().contains(ChangePlan.GroupUpdate.DESCRIPTION)
                    && !Objects.equals(blankToNull(update.description()), blankToNull(after.description()))
                    || update.changed().contains(ChangePlan.GroupUpdate.STATEFUL) && update.stateful() != after.stateful();
            if (other) {
                text.append(text.isEmpty() ? "" : ", and ").append("a name, description or state other than planned");
            }
        });
        return text.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
