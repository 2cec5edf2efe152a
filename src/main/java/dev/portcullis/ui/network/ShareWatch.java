package dev.portcullis.ui.network;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.GroupShare;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Which of the project's groups are shared with which other projects, asked again whenever the project shown
 * changes and after each share or withdrawal (the latest answer wins). Sources that hold one project have none.
 */
final class ShareWatch {

    private final Backend backend;
    private final Executor fx;
    private final ObservableList<GroupShare> shares = FXCollections.observableArrayList();
    /** One view for every reader: the view listens to the list weakly, so a view made per call could be lost. */
    private final ObservableList<GroupShare> readOnly = FXCollections.unmodifiableObservableList(shares);
    private long asked;

    ShareWatch(Backend backend, Executor fx, ObservableValue<Snapshot> shown) {
        this.backend = backend;
        this.fx = fx;
        shown.addListener((obs, old, now) -> {
            if (now != null && !now.isOffline()) {
                refresh();
            }
        });
    }

    void refresh() {
        long question = ++asked;
        backend.shares().thenAcceptAsync(answer -> {
            // the same shares are not set again: the details pane would be rebuilt, losing a project id being typed
            if (question == asked && !shares.equals(answer)) {
                shares.setAll(answer);
            }
        }, fx);
    }

    ObservableList<GroupShare> shares() {
        return readOnly;
    }

    /** The shares of one group. */
    List<GroupShare> of(String groupId) {
        return shares.stream().filter(s -> s.groupId().equals(groupId)).toList();
    }
}
