package dev.portcullis.ui.network;

import java.util.List;

/**
 * What the details pane shows for the selected group: its rules in words, the interfaces using it, and
 * the rules of other groups that point at it.
 */
public record GroupDetails(GroupRow row, List<RuleLine> rules, List<InterfaceUse> interfaces,
                           List<ReferencingRule> referencedBy) {

    public GroupDetails {
        rules = List.copyOf(rules);
        interfaces = List.copyOf(interfaces);
        referencedBy = List.copyOf(referencedBy);
    }

    public String name() {
        return row.name();
    }

    public String description() {
        return row.description();
    }

    /** {@code Revision 4 · stateful}. */
    public String revisionText() {
        return "Revision " + row.group().revision() + " · " + (row.group().stateful() ? "stateful" : "stateless");
    }

    public String id() {
        return row.id();
    }

    /** {@code 4 rules: 2 in / 2 out}. */
    public String rulesHeading() {
        int count = rules.size();
        return (count == 1 ? "1 rule" : count + " rules") + ": " + row.rulesText();
    }
}
