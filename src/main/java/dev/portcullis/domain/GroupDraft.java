package dev.portcullis.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a person wants a group to be: its name, description, statefulness, rules and tags. Rules that came
 * from the group keep their ids; new ones have none. {@code tags} null: the tags are not part of this
 * draft (they stay as they are); a list: the group is to have exactly those ({@link Tags}).
 */
public record GroupDraft(String name, String description, boolean stateful, List<Rule> rules, List<String> tags) {

    public GroupDraft {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        rules = List.copyOf(rules);
        tags = tags == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tags));
    }

    /** A draft that leaves the group's tags as they are. */
    public GroupDraft(String name, String description, boolean stateful, List<Rule> rules) {
        this(name, description, stateful, rules, null);
    }

    /** The same draft wanting exactly these tags. */
    public GroupDraft withTags(List<String> wanted) {
        return new GroupDraft(name, description, stateful, rules, wanted);
    }

    /** Whether saving this draft over {@code group} changes its tags (as Neutron tells tags apart). */
    public boolean changesTags(SecurityGroup group) {
        return tags != null && !Tags.same(tags, group.tags());
    }

    /** A new group's draft as Neutron will make it: the two egress rules it adds to every group. */
    public static GroupDraft newGroup(String name, String description) {
        return new GroupDraft(name, description, true,
                List.of(Rule.egressAnywhere(EtherType.IPV4), Rule.egressAnywhere(EtherType.IPV6)));
    }

    public static GroupDraft of(SecurityGroup group) {
        return new GroupDraft(group.name(), group.description(), group.stateful(), group.rules());
    }
}
