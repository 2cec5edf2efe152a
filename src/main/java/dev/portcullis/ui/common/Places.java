package dev.portcullis.ui.common;

import dev.portcullis.backend.Backend;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The places the project chooser offers, and how to open one. */
public interface Places {

    /** The local workspace first, then each cloud. */
    List<Place> all();

    /** What is wrong in the settings (a cloud left out of clouds.yaml, review settings not used), one sentence each. */
    default List<String> problems() {
        return List.of();
    }

    /**
     * Opens a place's backend; may take a moment (a file is read, a configuration checked), so it is called
     * off the FX thread. Failures are said in words.
     */
    Backend open(Place place);

    /** Opens a place's backend on {@code worker}; the future may be complete already (opened ahead). */
    default CompletableFuture<Backend> open(Place place, Executor worker) {
        return CompletableFuture.supplyAsync(() -> open(place), worker);
    }

    /** The place with this name: "Local workspace" or a cloud's name. */
    default Optional<Place> named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
