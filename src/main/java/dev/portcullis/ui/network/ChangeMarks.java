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
 * The project's first load marks nothing, and neither do the user's own changes.
 */
final class ChangeMarks {

    private final Map<String, Long> seen = new HashMap<>();
    private final ObservableSet<String> marked = FXCollections.observableSet();
    private final ObservableSet<String> readOnly = FXCollections.unmodifiableObservableSet(marked);
    private boolean first = true;

    /**
     * A load from the server: marks what others changed (except {@code looking}, the group on screen). An
     * offline copy marks nothing and is not remembered as seen.
     */
    void loaded(Snapshot snapshot, String looking) {
        if (snapshot.isOffline()) {
            return; // an older saved copy says nothing about what changed on the server since
        }
        if (!first) {
            for (SecurityGroup group : snapshot.groups()) {
                Long before = seen.get(group.id());
                if ((before == null || before != group.revision()) && !group.id().equals(looking)) {
                    marked.add(group.id());
                }
            }
        }
        first = false;
        remember(snapshot);
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
