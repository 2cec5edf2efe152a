package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Copy to new…": the create dialog on a copy of a group's description, statefulness and rules (without
 * their ids) under a new, unused name. The original is not touched. Rules whose remote is the group itself
 * keep pointing at it in the draft; saving makes them point at the new group ({@link #retarget}), which is
 * what "this group" means to Neutron.
 */
public final class CloneRequest {

    private CloneRequest() {
    }

    public static GroupEditRequest of(SecurityGroup source, List<SecurityGroup> groups) {
        Set<String> taken = new HashSet<>(groups.size() * 2);
        groups.forEach(g -> taken.add(g.name()));
        GroupDraft copy = new GroupDraft(CloneName.next(source.name(), taken), source.description(),
                source.stateful(), source.rules().stream().map(Rule::asDraft).toList());
        return new GroupEditRequest(Optional.empty(), copy, groups, Optional.empty(), InterfaceReach.UNKNOWN,
                Optional.of(source.id()));
    }

    /** How many of a draft's rules point at the group it was copied from. */
    public static long selfRules(GroupDraft draft, String sourceId) {
        return draft.rules().stream().filter(r -> sourceId.equals(r.remoteGroupId())).count();
    }

    /** The draft's rules that point at {@code sourceId}, pointing at {@code newId} instead. */
    public static GroupDraft retarget(GroupDraft draft, String sourceId, String newId) {
        return new GroupDraft(draft.name(), draft.description(), draft.stateful(), draft.rules().stream()
                .map(r -> sourceId.equals(r.remoteGroupId()) ? new Rule(r.id(), r.direction(), r.etherType(),
                        r.protocol(), r.ports(), dev.portcullis.domain.Remote.group(newId), r.description()) : r)
                .toList());
    }

    /** The draft without the rules that point at {@code sourceId}: what is created before the group has an id. */
    public static GroupDraft withoutSelfRules(GroupDraft draft, String sourceId) {
        return new GroupDraft(draft.name(), draft.description(), draft.stateful(), draft.rules().stream()
                .filter(r -> !sourceId.equals(r.remoteGroupId())).toList());
    }
}
