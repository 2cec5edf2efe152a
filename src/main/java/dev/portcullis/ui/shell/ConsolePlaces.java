package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.offline.OfflineFallbackBackend;
import dev.portcullis.backend.offline.SnapshotStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The console's places: the local workspace, then every configured cloud. A cloud is opened with its
 * offline copy behind it: each load that works is saved, and shown when the cloud cannot be reached.
 */
public final class ConsolePlaces implements Places {

    private final Supplier<Backend> workspace;
    private final CloudDirectory clouds;
    private final SnapshotStore snapshots;
    private final List<Place> all;
    private final List<String> otherProblems;

    public ConsolePlaces(Supplier<Backend> workspace, CloudDirectory clouds, SnapshotStore snapshots) {
        this(workspace, clouds, snapshots, List.of());
    }

    /** @param otherProblems other settings that could not be used, one sentence each, for the window to show */
    public ConsolePlaces(Supplier<Backend> workspace, CloudDirectory clouds, SnapshotStore snapshots,
                         List<String> otherProblems) {
        this.otherProblems = List.copyOf(otherProblems);
        this.workspace = workspace;
        this.clouds = clouds;
        this.snapshots = snapshots;
        List<Place> places = new ArrayList<>();
        places.add(Place.WORKSPACE);
        clouds.names().forEach(name -> places.add(Place.cloud(name)));
        this.all = List.copyOf(places);
    }

    @Override
    public List<Place> all() {
        return all;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!clouds.problems().isEmpty()) {
            problems.add("Not every cloud could be read: " + String.join(" ", clouds.problems()));
        }
        problems.addAll(otherProblems);
        return problems;
    }

    @Override
    public Backend open(Place place) {
        if (!place.cloud()) {
            return workspace.get();
        }
        return new OfflineFallbackBackend(clouds.open(place.name()), place.name(), snapshots);
    }

    /**
     * The place named on the command line ({@code --cloud NAME}).
     *
     * @throws UnknownPlaceException when no place has that name, saying which ones there are
     */
    public Place require(String name) {
        return named(name).orElseThrow(() -> new UnknownPlaceException(clouds.names().isEmpty()
                ? "There is no cloud called \"" + name + "\": no cloud is configured (clouds.yaml)."
                : "There is no cloud called \"" + name + "\" in clouds.yaml. The clouds are: "
                        + String.join(", ", clouds.names()) + "."));
    }

    /** A place asked for by name that does not exist. */
    public static final class UnknownPlaceException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnknownPlaceException(String message) {
            super(message);
        }
    }
}
