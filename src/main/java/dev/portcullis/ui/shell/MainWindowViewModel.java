package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
 * The main window's state: which place (the local workspace or a cloud) is shown, and how it stands
 * ({@link PlaceStatus}: the connection, work in progress, what the status bar says). Switching places closes
 * the old backend (ending its requests) and loads the new one. The Network Configuration view model of the
 * place does the work; this says it for the window.
 */
public final class MainWindowViewModel {

    private final Places places;
    private final Function<Backend, NetworkConfigurationViewModel> views;
    private final Executor fx;
    private final Executor worker;
    private final Consumer<Place> remember;

    private final ReadOnlyObjectWrapper<Place> place = new ReadOnlyObjectWrapper<>(this, "place", null);
    private final ReadOnlyObjectWrapper<NetworkConfigurationViewModel> network =
            new ReadOnlyObjectWrapper<>(this, "network", null);
    private final PlaceStatus state = new PlaceStatus();
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
        if (state.changing().get()) {
            return;
        }
        long current = ++opening;
        closeBackend();
        place.set(next);
        remember.accept(next);
        network.set(null);
        state.opening(next, configurationProblems());
        CompletableFuture<Backend> opened = places.open(next, worker);
        BiConsumer<Backend, Throwable> whenOpened = (ready, failed) -> {
            if (current != opening) {
                if (ready != null) {
                    worker.execute(ready::close);
                }
                return;
            }
            if (failed != null) {
                state.failed(next, failed.getCause() != null ? failed.getCause() : failed);
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
        state.follow(view, opened, configurationProblems());
    }

    /** The settings' problems (clouds.yaml, review settings), shown whatever place is open. */
    private String configurationProblems() {
        return String.join("\n", places.problems());
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
        } else if (place.get() != null && !state.busy().get()) {
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
        Connection now = state.connection().get();
        return now == Connection.CONNECTED && !isCloud() ? LOCAL_TEXT : now.text();
    }

    /** Whether the place shown is a cloud: false for the local workspace and before any place is chosen. */
    public boolean isCloud() {
        return place.get() != null && place.get().cloud();
    }

    /** The status bar's word for the local workspace once it is loaded. */
    public static final String LOCAL_TEXT = "Local workspace";

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return state.connection();
    }

    /** What the place's backend warns of while connected ("TLS certificates are not checked…"); empty otherwise. */
    public ReadOnlyStringProperty warningProperty() {
        return state.warning();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return state.busy();
    }

    /** True while a change is being saved: the place cannot be switched then. */
    public ReadOnlyBooleanProperty changingProperty() {
        return state.changing();
    }

    public ReadOnlyStringProperty statusProperty() {
        return state.status();
    }

    /** {@code 3 security groups · 2 interfaces}; empty until something is loaded. */
    public ReadOnlyStringProperty countsProperty() {
        return state.counts();
    }

    /** How often the place is loaded again on its own; the window's timer follows it. */
    public ObjectProperty<AutoRefresh> autoRefreshProperty() {
        return autoRefresh;
    }
}
