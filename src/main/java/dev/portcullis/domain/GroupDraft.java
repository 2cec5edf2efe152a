package dev.portcullis.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a person wants a group to be: its name, description, statefulness and rules. Rules that came
 * from the group keep their ids; new ones have none.
 */
public record GroupDraft(String name, String description, boolean stateful, List<Rule> rules) {

    public GroupDraft {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        rules = List.copyOf(rules);
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
