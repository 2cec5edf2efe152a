package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** The main window's state: what is loaded, whether work is in progress, and what the status bar says. */
public final class MainWindowViewModel {

    private final Backend backend;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(null);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private long generation;

    public MainWindowViewModel(Backend backend, Executor fx) {
        this.backend = backend;
        this.fx = fx;
    }

    /** Loads the project; answers arrive on the FX executor, and an older load's answer is dropped. */
    public void load() {
        long current = ++generation;
        busy.set(true);
        error.set(null);
        status.set("Loading " + backend.describe() + "…");
        backend.load(ProgressListener.NONE).whenCompleteAsync((loaded, failure) -> {
            if (current != generation) {
                return;
            }
            busy.set(false);
            if (failure != null) {
                error.set(message(failure));
                status.set("Could not load " + backend.describe());
                return;
            }
            snapshot.set(loaded);
            status.set(backend.describe() + ": " + loaded.groups().size() + " security groups, "
                    + loaded.ports().size() + " interfaces");
        }, fx);
    }

    static String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BackendException) {
            return cause.getMessage();
        }
        return "Unexpected error: " + cause;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }
}
