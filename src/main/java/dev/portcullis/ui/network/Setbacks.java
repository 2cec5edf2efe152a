package dev.portcullis.ui.network;

import dev.portcullis.ui.groupeditor.GroupEditRequest;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.Failure;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What a change that did not go through leaves for the view to put before the user: the group dialog to
 * open again, a conflict to ask about, or a failure to show. Each is set until the view has handled it,
 * and each is counted, so whoever waits on a change can tell whether it went through.
 */
final class Setbacks {

    private final ReadOnlyObjectWrapper<GroupEditRequest> reopenRequest =
            new ReadOnlyObjectWrapper<>(this, "reopenRequest", null);
    private final ReadOnlyObjectWrapper<StaleConflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict", null);
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>(this, "failure", null);
    private long count;

    Setbacks() {
        failure.addListener((obs, old, now) -> {
            if (now != null) {
                count++;
            }
        });
    }

    /** The dialog again, on this request (the draft and the reason included). */
    void reopen(GroupEditRequest request) {
        count++;
        reopenRequest.set(request);
    }

    void conflict(StaleConflict stale) {
        count++;
        conflict.set(stale);
    }

    void fail(String title, String message) {
        failure.set(new Failure(title, message));
    }

    void reopenHandled() {
        reopenRequest.set(null);
    }

    void conflictHandled() {
        conflict.set(null);
    }

    void failureShown() {
        failure.set(null);
    }

    long count() {
        return count;
    }

    ReadOnlyObjectProperty<GroupEditRequest> reopenRequestProperty() {
        return reopenRequest.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<StaleConflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
