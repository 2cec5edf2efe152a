package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.common.DialogRequest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the group dialog opens on: the group as it is (empty for a new group), the draft to show (the
 * group itself, a new group's defaults, a copy of another group, or what the user typed before a failed
 * save), the project's groups (for "another group" as source/destination), the server's answer when a save
 * failed, the interfaces the group is on (as far as they are known), for a copy the group it copies, and
 * what is known of the project around it ({@link ProjectFacts}: address groups, quota).
 */
public record GroupEditRequest(Optional<SecurityGroup> original, GroupDraft draft, List<SecurityGroup> groups,
                               Optional<String> error, InterfaceReach reach, Optional<String> copyOf,
                               ProjectFacts facts) implements DialogRequest<GroupDraft> {

    public GroupEditRequest {
        Objects.requireNonNull(original);
        Objects.requireNonNull(draft);
        groups = List.copyOf(groups);
        Objects.requireNonNull(error);
        Objects.requireNonNull(reach);
        Objects.requireNonNull(copyOf);
        Objects.requireNonNull(facts);
    }

    /** Nothing known of the project around the group. */
    public GroupEditRequest(Optional<SecurityGroup> original, GroupDraft draft, List<SecurityGroup> groups,
                            Optional<String> error, InterfaceReach reach, Optional<String> copyOf) {
        this(original, draft, groups, error, reach, copyOf, ProjectFacts.NONE);
    }

    /** The same request with what is known of the project around the group. */
    public GroupEditRequest withFacts(ProjectFacts known) {
        return new GroupEditRequest(original, draft, groups, error, reach, copyOf, known);
    }

    /** Interfaces unknown, not a copy. */
    public GroupEditRequest(Optional<SecurityGroup> original, GroupDraft draft, List<SecurityGroup> groups,
                            Optional<String> error) {
        this(original, draft, groups, error, InterfaceReach.UNKNOWN, Optional.empty());
    }

    /** A new group: Neutron's two egress rules, nothing else. */
    public static GroupEditRequest create(List<SecurityGroup> groups) {
        return new GroupEditRequest(Optional.empty(), GroupDraft.newGroup("", ""), groups, Optional.empty());
    }

    /** An existing group as it is. */
    public static GroupEditRequest edit(SecurityGroup group, List<SecurityGroup> groups) {
        return new GroupEditRequest(Optional.of(group), GroupDraft.of(group), groups, Optional.empty());
    }

    /** An existing group as it is, with the interfaces it is on. */
    public static GroupEditRequest edit(SecurityGroup group, List<SecurityGroup> groups, InterfaceReach reach) {
        return new GroupEditRequest(Optional.of(group), GroupDraft.of(group), groups, Optional.empty(), reach,
                Optional.empty());
    }

    /** The same edit again after a failed save: what the user typed, on the group as it is now, and why. */
    public GroupEditRequest retry(Optional<SecurityGroup> current, String why) {
        return new GroupEditRequest(current, draft, groups, Optional.of(why), reach, copyOf, facts);
    }

    /**
     * After a new group (or a copy) was made but the rest of it is still to save: an edit of the group made, on
     * {@code rest}, which the project's groups now include. No longer a copy: the group exists.
     */
    public GroupEditRequest madeAs(SecurityGroup made, GroupDraft rest) {
        List<SecurityGroup> withMade = new java.util.ArrayList<>(groups.size() + 1);
        withMade.addAll(groups);
        withMade.add(made);
        return new GroupEditRequest(Optional.of(made), rest, withMade, error, reach, Optional.empty(), facts);
    }

    public GroupEditRequest withDraft(GroupDraft typed) {
        return new GroupEditRequest(original, typed, groups, error, reach, copyOf, facts);
    }

    public boolean isNew() {
        return original.isEmpty();
    }
}
