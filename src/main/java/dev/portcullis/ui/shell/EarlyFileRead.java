package dev.portcullis.ui.shell;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.ui.files.DefinitionFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The definition files, with the file named on the command line ({@code portcullis FILE}) read from the
 * moment the console is launched, while the toolkit starts and the window is built, instead of after: the
 * first {@link #open} of that file takes the reading already under way. Everything else is the files' own.
 */
final class EarlyFileRead implements DefinitionFiles {

    private final DefinitionFiles files;
    private final Path first;
    private final CompletableFuture<Opened> reading;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** Starts reading {@code first} now (on the files' own worker). */
    EarlyFileRead(DefinitionFiles files, Path first) {
        this.files = files;
        this.first = first;
        this.reading = files.open(first);
    }

    @Override
    public CompletableFuture<Opened> open(Path file) {
        return file.equals(first) && taken.compareAndSet(false, true) ? reading : files.open(file);
    }

    @Override
    public CompletableFuture<List<String>> export(Snapshot snapshot, Path file) {
        return files.export(snapshot, file);
    }
}
