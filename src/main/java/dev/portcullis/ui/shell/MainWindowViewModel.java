package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The main window's state: which place (the local workspace or a cloud) is shown and how the connection
 * to it stands, whether work is in progress and what the status bar says. Switching places closes the old
 * backend (ending its requests) and loads the new one. The Network Configuration view model of the place
 * does the work; this says it for the window.
 */
public final class MainWindowViewModel {

    /** How the window stands with its place. */
    public enum Connection {
        CONNECTING("Connecting…"), CONNECTED("Connected"), READ_ONLY("Read-only"), OFFLINE("Offline"), FAILED("Could not connect");

        private final String text;

        Connection(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Places places;
    private final Function<Backend, NetworkConfigurationViewModel> views;
    private final Executor fx;
    private final Executor worker;
    private final Consumer<Place> remember;

    private final ReadOnlyObjectWrapper<Place> place = new ReadOnlyObjectWrapper<>(this, "place", null);
    private final ReadOnlyObjectWrapper<NetworkConfigurationViewModel> network =
            new ReadOnlyObjectWrapper<>(this, "network", null);
    private final ReadOnlyObjectWrapper<Connection> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", Connection.CONNECTING);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(this, "changing", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Portcullis");
    private final ObjectProperty<AutoRefresh> autoRefresh = new SimpleObjectProperty<>(this, "autoRefresh",
            AutoRefresh.DEFAULT);

    private Backend backend;
    private long opening;

    /**
     * A window that switches between places.
     *
     * @param views    makes the view model of a place's backend
     * @param fx       where results are applied: the FX thread in the console
     * @param worker   where backends are opened and closed: never the FX thread
     * @param remember told of every place opened, to open it again next time
     */
    public MainWindowViewModel(Places places, Function<Backend, NetworkConfigurationViewModel> views, Executor fx,
                               Executor worker, Consumer<Place> remember) {
        this.places = places;
        this.views = views;
        this.fx = fx;
        this.worker = worker;
        this.remember = remember;
        place.addListener((obs, old, now) -> title.set(now == null ? "Portcullis" : "Portcullis — " + now.name()));
    }

    /** A window on one place whose view model is already made (nothing to choose). */
    public MainWindowViewModel(String backendName, NetworkConfigurationViewModel network) {
        this(new Places() {
            @Override
            public List<Place> all() {
                return List.of(new Place(backendName, false));
            }

            @Override
            public Backend open(Place p) {
                throw new IllegalStateException("this window shows one place");
            }
        }, b -> network, Runnable::run, Runnable::run, p -> { });
        place.set(places.all().get(0));
        show(network, null);
    }

    public List<Place> places() {
        return places.all();
    }

    /**
     * Shows a place: the backend shown before is closed (its requests end), the place's backend is opened
     * off the FX thread and loaded; one opened already is shown at once. Refused while a change is being saved, so that no answer is lost.
     */
    public void open(Place next) {
        Objects.requireNonNull(next);
        if (changing.get()) {
            return;
        }
        long current = ++opening;
        closeBackend();
        place.set(next);
        remember.accept(next);
        unbind();
        network.set(null);
        connection.set(Connection.CONNECTING);
        status.set("Connecting to " + next.name() + "…");
        counts.set("");
        warning.set(configurationProblems());
        busy.set(true);
        CompletableFuture<Backend> opened = places.open(next, worker);
        BiConsumer<Backend, Throwable> whenOpened = (ready, failed) -> {
            if (current != opening) {
                if (ready != null) {
                    worker.execute(ready::close);
                }
                return;
            }
            if (failed != null) {
                busy.set(false);
                connection.set(Connection.FAILED);
                Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
                status.set("Could not open " + next.name() + ": " + (cause instanceof BackendException
                        ? cause.getMessage() : "something unexpected went wrong (" + cause + ")"));
                return;
            }
            backend = ready;
            NetworkConfigurationViewModel view = views.apply(ready);
            show(view, ready);
            view.refresh();
        };
        if (opened.isDone()) {
            opened.whenComplete(whenOpened); // opened already (at start, while the window was built): show it now
        } else {
            opened.whenCompleteAsync(whenOpened, fx);
        }
    }

    private void show(NetworkConfigurationViewModel view, Backend opened) {
        network.set(view);
        busy.bind(view.busyProperty());
        changing.bind(view.changingProperty());
        status.bind(view.statusProperty());
        counts.bind(view.countsProperty());
        connection.bind(Bindings.createObjectBinding(() -> connectionOf(view, opened), view.stateProperty(),
                view.snapshotProperty(), view.errorProperty(), view.loadingProperty(), view.customTotalProperty(),
                view.copyProperty()));
        String problems = configurationProblems();
        // What the place says can change with each load (a file's unreadable parts): asked again for each.
        javafx.beans.binding.StringBinding both = Bindings.createStringBinding(() -> {
            String says = opened == null ? "" : opened.warning().orElse("");
            return says.isEmpty() || problems.isEmpty() ? says + problems : says + "\n" + problems;
        }, view.snapshotProperty());
        warning.bind(Bindings.when(connection.isEqualTo(Connection.CONNECTED).or(connection.isEqualTo(Connection.READ_ONLY)))
                .then(both).otherwise(problems));
    }

    /** The settings' problems (clouds.yaml, review settings), shown whatever place is open. */
    private String configurationProblems() {
        return String.join("\n", places.problems());
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

    private void closeBackend() {
        Backend old = backend;
        backend = null;
        if (old != null) {
            worker.execute(old::close);
        }
    }

    /** Loads the place shown again (F5, Retry). */
    public void load() {
        if (network.get() != null) {
            network.get().refresh();
        } else if (place.get() != null) {
            open(place.get());
        }
    }

    /** The timer's refresh: skipped while work runs; a place that could not be opened is tried again. */
    public void autoRefresh() {
        if (network.get() != null) {
            network.get().autoRefresh();
        } else if (place.get() != null && !busy.get()) {
            open(place.get());
        }
    }

    /** Closes the backend shown; the window is going away. */
    public void close() {
        opening++;
        Backend old = backend;
        backend = null;
        if (old != null) {
            old.close();
        }
    }

    /** {@code Portcullis — Local workspace}. */
    public String title() {
        return title.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The name of the place shown. */
    public String backendName() {
        return place.get() == null ? "" : place.get().name();
    }

    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place.getReadOnlyProperty();
    }

    /** The view model of the place shown; null while it is being opened or could not be. */
    public ReadOnlyObjectProperty<NetworkConfigurationViewModel> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /**
     * What the status bar says of the connection: "Local workspace" where no cloud is involved (the workspace
     * is there or not, never "connected"), else the connection's own words.
     */
    public String connectionText() {
        Connection now = connection.get();
        return now == Connection.CONNECTED && !isCloud() ? LOCAL_TEXT : now.text();
    }

    /** Whether the place shown is a cloud: false for the local workspace and before any place is chosen. */
    public boolean isCloud() {
        return place.get() != null && place.get().cloud();
    }

    /** The status bar's word for the local workspace once it is loaded. */
    public static final String LOCAL_TEXT = "Local workspace";

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** What the place's backend warns of while connected ("TLS certificates are not checked…"); empty otherwise. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while a change is being saved: the place cannot be switched then. */
    public ReadOnlyBooleanProperty changingProperty() {
        return changing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** {@code 3 security groups · 2 interfaces}; empty until something is loaded. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** How often the place is loaded again on its own; the window's timer follows it. */
    public ObjectProperty<AutoRefresh> autoRefreshProperty() {
        return autoRefresh;
    }
}
