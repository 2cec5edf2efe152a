package dev.portcullis.ui.network;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rebase;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.ui.groupeditor.GroupEditRequest;

import java.util.List;
import java.util.function.Function;

/**
 * A save refused because someone else changed the group first: the group the dialog opened on, the group
 * as it is now, what the user typed, and what the other person changed, in words.
 */
public record StaleConflict(GroupEditRequest request, SecurityGroup opened, SecurityGroup fresh, GroupDraft mine,
                            List<String> theirChanges) {

    public StaleConflict {
        theirChanges = List.copyOf(theirChanges);
    }

    static StaleConflict of(GroupEditRequest request, SecurityGroup opened, SecurityGroup fresh, GroupDraft mine,
                            Function<String, String> groupName) {
        return new StaleConflict(request, opened, fresh, mine, Rebase.between(opened, fresh).lines(groupName));
    }

    /** {@code Someone else changed "web" while you were editing it.} */
    public String heading() {
        return "Someone else changed \"" + opened.name() + "\" while you were editing it";
    }

    /** The dialog again, on the group as it is now, with the user's changes carried over onto it. */
    public GroupEditRequest reapply() {
        GroupDraft rebased = Rebase.onto(opened, mine, fresh);
        return new GroupEditRequest(java.util.Optional.of(fresh), rebased, request.groups(), java.util.Optional.of(
                "Your changes were carried over onto \"" + fresh.name() + "\" as it is now (revision "
                        + fresh.revision() + "). Check them, then save."));
    }
}
