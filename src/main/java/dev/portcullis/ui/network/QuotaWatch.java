package dev.portcullis.ui.network;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Quotas;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.util.concurrent.Executor;

/**
 * The project's quota usage, asked for again whenever the project shown changes (a load, a save): the latest
 * answer wins, and a source without quotas (the workspace, a file, a cloud that does not let its quota be read)
 * has none.
 */
final class QuotaWatch {

    private final ReadOnlyObjectWrapper<Quotas> quotas = new ReadOnlyObjectWrapper<>(this, "quotas");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private long asked;

    QuotaWatch(Backend backend, Executor fx, ObservableValue<Snapshot> shown) {
        shown.addListener((obs, old, now) -> {
            if (now != null && !now.isOffline()) {
                long question = ++asked;
                backend.quotas().thenAcceptAsync(answer -> {
                    if (question == asked) {
                        quotas.set(answer.orElse(null));
                        text.set(answer.map(q -> "Quota: " + q.text()).orElse(""));
                    }
                }, fx);
            }
        });
    }

    ReadOnlyObjectProperty<Quotas> quotasProperty() {
        return quotas.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
