package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the group dialog opens on: the group as it is (empty for a new group), the draft to show (the
 * group itself, a new group's defaults, or what the user typed before a failed save), the project's
 * groups (for "another group" as source/destination), and the server's answer when a save failed.
 */
public record GroupEditRequest(Optional<SecurityGroup> original, GroupDraft draft, List<SecurityGroup> groups,
                               Optional<String> error) {

    public GroupEditRequest {
        Objects.requireNonNull(original);
        Objects.requireNonNull(draft);
        groups = List.copyOf(groups);
        Objects.requireNonNull(error);
    }

    /** A new group: Neutron's two egress rules, nothing else. */
    public static GroupEditRequest create(List<SecurityGroup> groups) {
        return new GroupEditRequest(Optional.empty(), GroupDraft.newGroup("", ""), groups, Optional.empty());
    }

    /** An existing group as it is. */
    public static GroupEditRequest edit(SecurityGroup group, List<SecurityGroup> groups) {
        return new GroupEditRequest(Optional.of(group), GroupDraft.of(group), groups, Optional.empty());
    }

    /** The same edit again after a failed save: what the user typed, on the group as it is now, and why. */
    public GroupEditRequest retry(Optional<SecurityGroup> current, String why) {
        return new GroupEditRequest(current, draft, groups, Optional.of(why));
    }

    public GroupEditRequest withDraft(GroupDraft typed) {
        return new GroupEditRequest(original, typed, groups, error);
    }

    public boolean isNew() {
        return original.isEmpty();
    }
}
