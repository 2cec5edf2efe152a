package dev.portcullis.ui.groupeditor;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Tags;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The group's tags in the dialog: the list {@link TagEditor} adds to and removes from, and the tag typed in its
 * field and not added yet. A save takes that one too, as if Enter had been pressed (what is typed is not
 * dropped), so it is checked as Neutron would check it beside the others.
 */
final class DialogTags {

    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final Optional<SecurityGroup> original;

    /** The draft's tags, or the group's own when the draft leaves them as they are. */
    DialogTags(GroupEditRequest request) {
        original = request.original();
        tags.setAll(request.draft().tags() != null ? request.draft().tags()
                : original.map(SecurityGroup::tags).orElse(List.of()));
    }

    /** Runs {@code recompute} on every change of the tags or of what is typed. */
    void onChange(Runnable recompute) {
        tags.addListener((ListChangeListener<String>) c -> recompute.run());
        typed.addListener(o -> recompute.run());
    }

    ObservableList<String> list() {
        return tags;
    }

    StringProperty typed() {
        return typed;
    }

    /** Why Neutron would refuse the tag typed; empty when it would take it, or nothing is typed. */
    Optional<String> problem() {
        return problem(tags, typed.get());
    }

    /** The tags a save sets: the list, with the tag typed when Neutron would take it. */
    List<String> wanted() {
        String tag = typed.get();
        return tag == null || tag.isEmpty() || Tags.has(tags, tag) || problem().isPresent() ? List.copyOf(tags)
                : Tags.with(tags, tag);
    }

    /** Whether a save changes the tags: for a new group, whether it has any. */
    boolean change() {
        List<String> wanted = wanted();
        return original.map(g -> new GroupDraft("", "", true, List.of(), wanted).changesTags(g))
                .orElse(!wanted.isEmpty());
    }

    /** The change in words, when there is one. */
    Optional<Change> asChange() {
        if (!change()) {
            return Optional.empty();
        }
        List<String> wanted = wanted();
        return Optional.of(new Change(Change.Kind.UPDATE_GROUP, wanted.isEmpty() ? "Remove every tag"
                : "Set the tags to " + String.join(", ", Tags.normalized(wanted))));
    }

    /** Why Neutron would refuse {@code tag} beside {@code tags}; empty when it would take it, or it is there already. */
    static Optional<String> problem(List<String> tags, String tag) {
        if (tag == null || tag.isEmpty() || Tags.has(tags, tag)) {
            return Optional.empty(); // nothing to add: a tag there already in any letter case is the same tag
        }
        List<String> wanted = new ArrayList<>(tags);
        wanted.add(tag);
        List<Problem> problems = Tags.check(wanted);
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0).message());
    }
}
