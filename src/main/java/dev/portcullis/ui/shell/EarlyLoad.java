package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.sources.FirstLoadAhead;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The places, with the first one opened and loading before the window exists: the console starts the
 * project it will show while the toolkit starts and the window is built, so the data is there (or on its
 * way) by the time the window asks for it. The first {@link #open} of that place takes the backend opened
 * early, whose first {@code load} is the load already running; everything else is the places' own.
 */
final class EarlyLoad implements Places {

    private final Places places;
    private final Place first;
    private final CompletableFuture<FirstLoadAhead> opening;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** Starts opening and loading {@code first} on {@code worker} now. */
    EarlyLoad(Places places, Place first, Executor worker) {
        this.places = places;
        this.first = first;
        this.opening = CompletableFuture.supplyAsync(() -> FirstLoadAhead.start(places.open(first)), worker);
    }

    @Override
    public List<Place> all() {
        return places.all();
    }

    @Override
    public List<String> problems() {
        return places.problems();
    }

    /** Called off the FX thread; for the first place, the first time, waits for the backend opened early. */
    @Override
    public Backend open(Place place) {
        if (!takeEarly(place)) {
            return places.open(place);
        }
        try {
            return opening.join().backend();
        } catch (CompletionException e) {
            // as if the place had been opened now: its own failure, in its own words
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** For the first place, the first time: the opening started early, complete already if it is done. */
    @Override
    public CompletableFuture<Backend> open(Place place, Executor worker) {
        return takeEarly(place) ? opening.thenApply(FirstLoadAhead::backend) : places.open(place, worker);
    }

    /** True once the first place is open and its first load has answered (a local file, read at once). */
    boolean loadedAlready() {
        return opening.isDone() && !opening.isCompletedExceptionally() && opening.join().answered();
    }

    private boolean takeEarly(Place place) {
        return place.equals(first) && taken.compareAndSet(false, true);
    }
}
