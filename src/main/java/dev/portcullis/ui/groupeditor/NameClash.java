package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.SecurityGroup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's other groups by name, counted once when the dialog opens, to say as a name is typed that
 * another group has it already. Neutron allows two groups of one name; people, the rule table's "Group
 * <name>" and {@code portcullis plan}/{@code apply} tell groups apart by it, so it is a warning, not a block.
 */
final class NameClash {

    private final Map<String, Integer> others = new HashMap<>();

    /** @param ownId the group being edited (not an "other" group); null for a new group */
    NameClash(List<SecurityGroup> groups, String ownId) {
        for (SecurityGroup g : groups) {
            if (!g.id().equals(ownId)) {
                others.merge(g.name(), 1, Integer::sum);
            }
        }
    }

    /** What to say of {@code name}: null when no other group has it. */
    String note(String name) {
        int count = name == null || name.isEmpty() ? 0 : others.getOrDefault(name, 0);
        if (count == 0) {
            return null;
        }
        return (count == 1 ? "Another group is" : count + " other groups are") + " called \"" + name + "\" already."
                + " Neutron allows it, but a rule's \"Group " + name + "\" and portcullis plan/apply cannot tell "
                + "them apart: a name of its own is safer.";
    }
}
