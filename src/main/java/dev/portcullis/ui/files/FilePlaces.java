package dev.portcullis.ui.files;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The console's places plus the definition files opened with File > Open…: a file is shown read-only,
 * as a place of its own that the chooser does not list and the next start does not reopen.
 */
public final class FilePlaces implements Places {

    private final Places places;
    private final GroupSources sources;
    private final Map<Place, Path> opened = new ConcurrentHashMap<>();

    /** @param sources what opens a file read-only */
    public FilePlaces(Places places, GroupSources sources) {
        this.places = places;
        this.sources = sources;
    }

    /** The place that shows {@code file} read-only. */
    public Place add(Path file) {
        Place place = new Place(file.getFileName() + " (read-only file)", false);
        opened.put(place, file);
        return place;
    }

    /** True for a place that is a file: its interfaces are known only if the file lists them. */
    public boolean isFile(Place place) {
        return place != null && opened.containsKey(place);
    }

    @Override
    public List<Place> all() {
        return places.all();
    }

    @Override
    public List<String> problems() {
        return places.problems();
    }

    @Override
    public Backend open(Place place) {
        Path file = opened.get(place);
        return file != null ? sources.readOnlyFile(file) : places.open(place);
    }

    /**
     * A file's place is opened at once, on the caller's thread: its backend only names the file (it is read when
     * loaded, off that thread), so that the window shows it, with the groups already read, in its first frame.
     */
    @Override
    public CompletableFuture<Backend> open(Place place, Executor worker) {
        Path file = opened.get(place);
        return file != null ? CompletableFuture.completedFuture(sources.readOnlyFile(file))
                : places.open(place, worker);
    }
}
