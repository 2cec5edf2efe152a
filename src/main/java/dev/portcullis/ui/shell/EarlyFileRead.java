package dev.portcullis.ui.shell;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.sources.PageRelay;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The definition files, with the file named on the command line ({@code portcullis FILE}) read from the
 * moment the console is launched, while the toolkit starts and the window is built, instead of after: the
 * first {@link #open} of that file takes the reading already under way, with the groups read so far (a large
 * file's first ones are shown while the rest is read). Everything else is the files' own.
 */
final class EarlyFileRead implements DefinitionFiles {

    private final DefinitionFiles files;
    private final Path first;
    private final CompletableFuture<Opened> reading;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** The groups read so far, kept until the first open of {@link #first} listens. */
    private final PageRelay pages = new PageRelay();

    /** Starts reading {@code first} now (on the files' own worker). */
    EarlyFileRead(DefinitionFiles files, Path first) {
        this.files = files;
        this.first = first;
        this.reading = files.open(first, pages);
        reading.whenComplete((opened, failed) -> pages.ended());
    }

    /** For {@link #first}, the first time: the reading under way, and its groups read so far told to {@code progress}. */
    @Override
    public CompletableFuture<Opened> open(Path file, ProgressListener progress) {
        if (!(file.equals(first) && taken.compareAndSet(false, true))) {
            return files.open(file, progress);
        }
        pages.listen(progress, reading.isDone());
        return reading;
    }

    @Override
    public CompletableFuture<List<String>> export(Snapshot snapshot, Path file) {
        return files.export(snapshot, file);
    }
}
