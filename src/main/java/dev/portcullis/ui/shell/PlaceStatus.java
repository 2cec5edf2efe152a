package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How the window stands with the place it shows, for the status bar: the connection, whether work is in
 * progress or a change is being saved, the status and the counts, and what the place warns of. While a
 * place opens these are said here; once its view model is made they follow it.
 */
final class PlaceStatus {

    private final ReadOnlyObjectWrapper<Connection> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", Connection.CONNECTING);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(this, "changing", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");

    /** A place is being opened: nothing of the one before is said any more. */
    void opening(Place next, String problems) {
        unbind();
        connection.set(Connection.CONNECTING);
        status.set("Connecting to " + next.name() + "…");
        counts.set("");
        warning.set(problems);
        busy.set(true);
    }

    /** The place could not be opened: why, in words. */
    void failed(Place next, Throwable cause) {
        busy.set(false);
        connection.set(Connection.FAILED);
        status.set("Could not open " + next.name() + ": " + (cause instanceof BackendException
                ? cause.getMessage() : "something unexpected went wrong (" + cause + ")"));
    }

    /** The place's view model is made: everything follows it from now on. */
    void follow(NetworkConfigurationViewModel view, Backend opened, String problems) {
        busy.bind(view.busyProperty());
        changing.bind(view.changingProperty());
        status.bind(view.statusProperty());
        counts.bind(view.countsProperty());
        connection.bind(Bindings.createObjectBinding(() -> connectionOf(view, opened), view.stateProperty(),
                view.snapshotProperty(), view.errorProperty(), view.loadingProperty(), view.customTotalProperty(),
                view.copyProperty()));
        // What the place says can change with each load (a file's unreadable parts): asked again for each.
        javafx.beans.binding.StringBinding both = Bindings.createStringBinding(() -> {
            String says = opened == null ? "" : opened.warning().orElse("");
            return says.isEmpty() || problems.isEmpty() ? says + problems : says + "\n" + problems;
        }, view.snapshotProperty());
        warning.bind(Bindings.when(connection.isEqualTo(Connection.CONNECTED).or(connection.isEqualTo(Connection.READ_ONLY)))
                .then(both).otherwise(problems));
    }

    private static Connection connectionOf(NetworkConfigurationViewModel view, Backend opened) {
        Snapshot shown = view.snapshotProperty().get();
        if (view.stateProperty().get() == State.FAILED) {
            return Connection.FAILED;
        }
        if (view.copyProperty().get() != null) {
            return Connection.CONNECTING; // the saved copy on screen: the live groups are on their way
        }
        if (view.stateProperty().get() == State.LOADING || shown == null) {
            // the first pages on screen: the cloud answered, the rest is on its way
            return view.customTotalProperty().get() > 0 ? Connection.CONNECTED : Connection.CONNECTING;
        }
        if (shown.isOffline()) {
            return Connection.OFFLINE;
        }
        if (view.errorProperty().get() != null) {
            return Connection.FAILED;
        }
        return opened != null && opened.readOnly().isPresent() ? Connection.READ_ONLY : Connection.CONNECTED;
    }

    private void unbind() {
        busy.unbind();
        changing.unbind();
        status.unbind();
        counts.unbind();
        connection.unbind();
        warning.unbind();
    }

    ReadOnlyObjectProperty<Connection> connection() {
        return connection.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty changing() {
        return changing.getReadOnlyProperty();
    }

    ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty counts() {
        return counts.getReadOnlyProperty();
    }

    ReadOnlyStringProperty warning() {
        return warning.getReadOnlyProperty();
    }
}
