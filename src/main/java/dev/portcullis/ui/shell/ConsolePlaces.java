package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.sources.GroupSources;

import java.util.ArrayList;
import java.util.List;

/**
 * The console's places: the local workspace, then every configured cloud. A cloud is opened with its
 * offline copy behind it: each load that works is saved, and shown when the cloud cannot be reached.
 */
public final class ConsolePlaces implements Places {

    private final GroupSources sources;
    private final List<Place> all;
    private final List<String> otherProblems;

    public ConsolePlaces(GroupSources sources) {
        this(sources, List.of());
    }

    /** @param otherProblems other settings that could not be used, one sentence each, for the window to show */
    public ConsolePlaces(GroupSources sources, List<String> otherProblems) {
        this.otherProblems = List.copyOf(otherProblems);
        this.sources = sources;
        List<Place> places = new ArrayList<>();
        places.add(Place.WORKSPACE);
        sources.cloudNames().forEach(name -> places.add(Place.cloud(name)));
        this.all = List.copyOf(places);
    }

    @Override
    public List<Place> all() {
        return all;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!sources.cloudProblems().isEmpty()) {
            problems.add("Not every cloud could be read: " + String.join(" ", sources.cloudProblems()));
        }
        problems.addAll(otherProblems);
        return problems;
    }

    @Override
    public Backend open(Place place) {
        return place.cloud() ? sources.cloud(place.name()) : sources.workspace();
    }

    /**
     * The place named on the command line ({@code --cloud NAME}).
     *
     * @throws UnknownPlaceException when no place has that name, saying which ones there are
     */
    public Place require(String name) {
        List<String> clouds = sources.cloudNames();
        return named(name).orElseThrow(() -> new UnknownPlaceException(clouds.isEmpty()
                ? "There is no cloud called \"" + name + "\": no cloud is configured (clouds.yaml)."
                : "There is no cloud called \"" + name + "\" in clouds.yaml. The clouds are: "
                        + String.join(", ", clouds) + "."));
    }

    /** A place asked for by name that does not exist. */
    public static final class UnknownPlaceException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnknownPlaceException(String message) {
            super(message);
        }
    }
}
