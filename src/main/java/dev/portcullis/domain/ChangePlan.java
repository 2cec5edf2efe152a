package dev.portcullis.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operations that turn a group into what a draft says. Neutron rules cannot be changed, so an edited
 * rule is replaced: the new rule is created before the old one is deleted, so the traffic it allows is
 * never cut off. The exception is a rule whose description alone changed: Neutron would refuse the new
 * one as a duplicate of the old, so the old one goes first, and its replacement is created in a request
 * of its own, after every other new rule exists, so that nothing else can make it fail.
 *
 * @param group       the group as the plan was made from it (its revision guards the update)
 * @param update      the members of the group itself that change, where any do
 * @param create      new rules, created first in one atomic request
 * @param deleteFirst rules whose description alone changed: deleted before they are created again
 * @param recreate    the new versions of those rules, created in one atomic request
 * @param deleteAfter rules to delete once the new ones exist
 */
public record ChangePlan(GroupRef group, Optional<GroupUpdate> update, List<Rule> create, List<Rule> deleteFirst,
                         List<Rule> recreate, List<Rule> deleteAfter) {

    /**
     * A change of the group's own fields: what they become, and which of them change. An update must
     * carry only the changed members ({@link #members()}): Neutron refuses any update that carries the
     * default group's name, even unchanged, yet takes its new description alone.
     */
    public record GroupUpdate(String name, String description, boolean stateful, Set<String> changed) {

        public static final String NAME = "name";
        public static final String DESCRIPTION = "description";
        public static final String STATEFUL = "stateful";

        public GroupUpdate {
            changed = Set.copyOf(changed);
        }

        /** An update that sets all three members. */
        public GroupUpdate(String name, String description, boolean stateful) {
            this(name, description, stateful, Set.of(NAME, DESCRIPTION, STATEFUL));
        }

        /** The body of the update, in Neutron's member names: the changed members only. */
        public Map<String, Object> members() {
            Map<String, Object> members = new LinkedHashMap<>();
            if (changed.contains(NAME)) {
                members.put(NAME, name);
            }
            if (changed.contains(DESCRIPTION)) {
                members.put(DESCRIPTION, description);
            }
            if (changed.contains(STATEFUL)) {
                members.put(STATEFUL, stateful);
            }
            return members;
        }
    }

    /** One step of a plan, in the order it runs. */
    public sealed interface Operation {
        String describe(java.util.function.Function<String, String> groupName);
    }

    public record UpdateGroup(GroupUpdate update) implements Operation {
        @Override
        public String describe(java.util.function.Function<String, String> groupName) {
            Set<String> changed = update.changed();
            if (changed.equals(Set.of(GroupUpdate.NAME))) {
                return "Rename the group to \"" + update.name() + "\"";
            }
            if (changed.equals(Set.of(GroupUpdate.DESCRIPTION))) {
                return "Change the group's description to \"" + update.description() + "\"";
            }
            if (changed.equals(Set.of(GroupUpdate.STATEFUL))) {
                return "Make the group " + (update.stateful() ? "stateful" : "stateless");
            }
            List<String> parts = new ArrayList<>();
            if (changed.contains(GroupUpdate.NAME)) {
                parts.add("name \"" + update.name() + "\"");
            }
            if (changed.contains(GroupUpdate.DESCRIPTION)) {
                parts.add("description \"" + update.description() + "\"");
            }
            if (changed.contains(GroupUpdate.STATEFUL)) {
                parts.add(update.stateful() ? "stateful" : "stateless");
            }
            return "Update the group: " + String.join(", ", parts);
        }
    }

    public record CreateRules(List<Rule> rules) implements Operation {
        @Override
        public String describe(java.util.function.Function<String, String> groupName) {
            return "Add " + rules.size() + (rules.size() == 1 ? " rule" : " rules");
        }
    }

    public record DeleteRule(Rule rule) implements Operation {
        @Override
        public String describe(java.util.function.Function<String, String> groupName) {
            return "Remove " + rule.summary(groupName);
        }
    }

    public ChangePlan {
        Objects.requireNonNull(group);
        create = List.copyOf(create);
        deleteFirst = List.copyOf(deleteFirst);
        recreate = List.copyOf(recreate);
        deleteAfter = List.copyOf(deleteAfter);
    }

    /** A plan made by hand that deletes some rules, then creates rules, then deletes others. */
    public ChangePlan(GroupRef group, Optional<GroupUpdate> update, List<Rule> deleteFirst, List<Rule> create,
                      List<Rule> deleteAfter) {
        this(group, update, List.of(), deleteFirst, create, deleteAfter);
    }

    /** The plan from a group as it is to the draft a person edited. */
    public static ChangePlan between(SecurityGroup original, GroupDraft draft) {
        Map<String, Rule> originals = new LinkedHashMap<>();
        original.rules().forEach(r -> originals.put(r.id(), r));
        Set<String> kept = new HashSet<>();
        List<Rule> wanted = new ArrayList<>();
        for (Rule rule : draft.rules()) {
            Rule before = rule.id() == null ? null : originals.get(rule.id());
            if (before != null && before.equals(rule)) {
                kept.add(rule.id());
            } else {
                wanted.add(Normalization.normalize(rule.asDraft()));
            }
        }
        Map<RuleKey, Rule> replaceable = new HashMap<>();
        for (Rule rule : original.rules()) {
            if (!kept.contains(rule.id())) {
                replaceable.putIfAbsent(rule.key(), rule);
            }
        }
        List<Rule> deleteFirst = new ArrayList<>();
        List<Rule> create = new ArrayList<>();
        List<Rule> recreate = new ArrayList<>();
        for (Rule rule : wanted) {
            Rule same = replaceable.remove(rule.key());
            if (same == null) {
                create.add(rule);
            } else if (Objects.equals(blankToNull(same.description()), blankToNull(rule.description()))) {
                kept.add(same.id());
            } else {
                deleteFirst.add(same);
                kept.add(same.id());
                recreate.add(rule);
            }
        }
        List<Rule> deleteAfter = original.rules().stream().filter(r -> !kept.contains(r.id())).toList();

        Optional<GroupUpdate> update = Optional.empty();
        String description = draft.description();
        Set<String> changed = new HashSet<>();
        if (!draft.name().equals(original.name())) {
            changed.add(GroupUpdate.NAME);
        }
        if (!Objects.equals(blankToNull(description), blankToNull(original.description()))) {
            changed.add(GroupUpdate.DESCRIPTION);
        }
        if (draft.stateful() != original.stateful()) {
            changed.add(GroupUpdate.STATEFUL);
        }
        if (!changed.isEmpty()) {
            update = Optional.of(new GroupUpdate(draft.name(), description, draft.stateful(), changed));
        }
        return new ChangePlan(original.ref(), update, create, deleteFirst, recreate, deleteAfter);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public boolean isEmpty() {
        return update.isEmpty() && create.isEmpty() && deleteFirst.isEmpty() && recreate.isEmpty()
                && deleteAfter.isEmpty();
    }

    /**
     * The steps in the order they must run: the update, the new rules, the early deletes, their
     * replacements, the other deletes.
     */
    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        update.ifPresent(u -> ops.add(new UpdateGroup(u)));
        if (!create.isEmpty()) {
            ops.add(new CreateRules(create));
        }
        deleteFirst.forEach(r -> ops.add(new DeleteRule(r)));
        if (!recreate.isEmpty()) {
            ops.add(new CreateRules(recreate));
        }
        deleteAfter.forEach(r -> ops.add(new DeleteRule(r)));
        return ops;
    }

    /**
     * How many more rules than before the group holds at the fullest point of the plan: new rules are made
     * before the ones they replace are deleted, so this, not the difference at the end, is what the project's
     * rule quota must have room for.
     */
    public int mostRulesAdded() {
        int now = 0;
        int most = 0;
        for (Operation operation : operations()) {
            if (operation instanceof CreateRules created) {
                now += created.rules().size();
            } else if (operation instanceof DeleteRule) {
                now--;
            }
            most = Math.max(most, now);
        }
        return most;
    }

    /** The same plan without the operations already done, to resume after a partial failure. */
    public ChangePlan without(Set<Operation> done) {
        return new ChangePlan(group,
                update.filter(u -> !done.contains(new UpdateGroup(u))),
                done.contains(new CreateRules(create)) ? List.of() : create,
                deleteFirst.stream().filter(r -> !done.contains(new DeleteRule(r))).toList(),
                done.contains(new CreateRules(recreate)) ? List.of() : recreate,
                deleteAfter.stream().filter(r -> !done.contains(new DeleteRule(r))).toList());
    }
}
