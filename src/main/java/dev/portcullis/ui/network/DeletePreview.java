package dev.portcullis.ui.network;

import dev.portcullis.domain.Port;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;

/**
 * What deleting a group would do, for the confirmation: the group, the interfaces that stop it (a group
 * in use cannot be deleted), and the rules of other groups that point at it, which go with it.
 */
public record DeletePreview(GroupRow row, List<Port> interfaces, List<ReferencingRule> cascadingRules) {

    public DeletePreview {
        interfaces = List.copyOf(interfaces);
        cascadingRules = List.copyOf(cascadingRules);
    }

    public SecurityGroup group() {
        return row.group();
    }

    public boolean inUse() {
        return !interfaces.isEmpty();
    }

    public boolean deletable() {
        return row.deletable();
    }

    /** Why it cannot be deleted, in words; empty when it can. */
    public String reason() {
        return row.deleteBlockedReason();
    }
}
