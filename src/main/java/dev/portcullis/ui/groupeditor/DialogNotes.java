package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;

import java.util.function.Function;

/**
 * What the group dialog says about things around the group rather than in it: the interfaces an edit
 * reaches at once, why {@code stateful} cannot change, and for a copy, the rules that pointed at the group
 * copied. Each is empty when there is nothing (true) to say.
 */
public final class DialogNotes {

    private final GroupEditRequest request;
    private final GroupDraft copy;
    private final Function<String, String> groupName;

    /** @param copy the draft of a copy as it stands, or null when the dialog is not for a copy */
    DialogNotes(GroupEditRequest request, GroupDraft copy, Function<String, String> groupName) {
        this.request = request;
        this.copy = copy;
        this.groupName = groupName;
    }

    /** For the review step of an edit: {@code These changes apply immediately to 2 interfaces: web-1, web-2.} */
    public String reach() {
        return request.isNew() ? "" : request.reach().reachSentence();
    }

    /** Why the stateful box cannot be changed (an edit of a group on interfaces); empty when it can. */
    public String statefulLock() {
        return request.isNew() ? "" : request.reach().statefulLock();
    }

    /**
     * For the review step: the project's quota usage, or, where the save would take it past a limit, what
     * Neutron will refuse, with the numbers; empty where the source has no quota.
     *
     * @param draft the group as it stands (valid), or null
     */
    public String quota(GroupDraft draft) {
        dev.portcullis.domain.Quotas quotas = request.facts().quotas();
        if (quotas == null) {
            return "";
        }
        int more = draft == null ? 0 : request.original().map(g -> ChangePlan.between(g, draft).mostRulesAdded())
                .orElse(draft.rules().size()); // an edit's new rules are made before those they replace go
        return quotas.overBy(request.isNew() ? 1 : 0, more).orElse("Quota: " + quotas.text() + ".");
    }

    /** For a copy: which of its rules will point at the new group rather than at the group copied. */
    public String copy() {
        if (copy == null) {
            return "";
        }
        String source = request.copyOf().orElseThrow();
        long self = CloneRequest.selfRules(copy, source);
        String from = "A copy of \"" + groupName.apply(source) + "\": its rules, without their ids, under a new "
                + "name. The original is not changed.";
        return self == 0 ? from : from + " " + (self == 1 ? "1 rule points" : self + " rules point") + " at \""
                + groupName.apply(source) + "\" itself: saved, " + (self == 1 ? "it points" : "they point")
                + " at the new group instead, as \"this group\" means in Neutron.";
    }
}
