package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.HashMap;
import java.util.Map;

/**
 * Which groups changed on the server since the user last looked: a group is marked when a load finds
 * it new or at another revision than the one last shown, and the mark goes when the user selects it.
 * The project's first load marks nothing, and neither do the user's own changes. When the place's saved
 * copy was shown first ({@link #baseline}), the first load marks what differs from the copy instead, and
 * says how many groups changed, were added and are gone since.
 */
final class ChangeMarks {

    private final Map<String, Long> seen = new HashMap<>();
    private final ObservableSet<String> marked = FXCollections.observableSet();
    private final ObservableSet<String> readOnly = FXCollections.unmodifiableObservableSet(marked);
    private boolean first = true;
    /** True from {@link #baseline} until the next load: {@link #seen} holds the saved copy's revisions. */
    private boolean sinceCopy;

    /**
     * A load from the server: marks what others changed (except {@code looking}, the group on screen), and
     * answers what changed since the saved copy shown before it ({@link #baseline}), in words, or empty when
     * no copy was. An offline copy marks nothing and is not remembered as seen.
     */
    String loaded(Snapshot snapshot, String looking) {
        if (snapshot.isOffline()) {
            return ""; // an older saved copy says nothing about what changed on the server since
        }
        int changed = 0;
        int added = 0;
        if (!first) {
            for (SecurityGroup group : snapshot.groups()) {
                Long before = seen.get(group.id());
                if (before == null || before != group.revision()) {
                    if (before == null) {
                        added++;
                    } else {
                        changed++;
                    }
                    if (!group.id().equals(looking)) {
                        marked.add(group.id());
                    }
                }
            }
        }
        int gone = seen.size() - (snapshot.groups().size() - added);
        String said = sinceCopy ? sinceCopy(changed, added, gone) : "";
        first = false;
        sinceCopy = false;
        remember(snapshot);
        return said;
    }

    /**
     * The saved copy is shown before the first load: that load marks the groups that differ from it.
     */
    void baseline(Snapshot copy) {
        remember(copy);
        first = false;
        sinceCopy = true;
    }

    /**
     * {@code Live groups in: 3 changed, 1 added, 2 gone since the copy}, or that nothing changed: short enough
     * for the status bar beside the counts (which say how many groups there are).
     */
    static String sinceCopy(int changed, int added, int gone) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (changed > 0) {
            parts.add(changed + " changed");
        }
        if (added > 0) {
            parts.add(added + " added");
        }
        if (gone > 0) {
            parts.add(gone + " gone");
        }
        return "Live groups in: " + (parts.isEmpty() ? "nothing changed" : String.join(", ", parts)) + " since the copy";
    }

    /** What the user's own change left: the new revisions are known, nothing is marked. */
    void remember(Snapshot snapshot) {
        seen.clear();
        snapshot.groups().forEach(g -> seen.put(g.id(), g.revision()));
        marked.retainAll(seen.keySet());
    }

    void looked(String groupId) {
        marked.remove(groupId);
    }

    /** Takes the mark off each group as it is selected. */
    void follow(ObservableValue<GroupRow> selected) {
        selected.addListener((obs, old, row) -> {
            if (row != null) {
                looked(row.id());
            }
        });
    }

    /** The ids of the marked groups, for the view to read. */
    ObservableSet<String> marked() {
        return readOnly;
    }
}
