package dev.portcullis.backend.definitions;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.files.ExportFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * How the console reads and writes definition files, never on the caller's thread: {@link #on} answers the
 * file formats' own (what {@link DefinitionFileIo} reads and writes), run on a worker. Failures complete the
 * future with a message in words that names the file.
 */
public interface DefinitionFiles {

    /** The definition file formats, read and written on {@code worker}. */
    static DefinitionFiles on(Executor worker) {
        DefinitionFileIo io = new DefinitionFileIo();
        return new DefinitionFiles() {
            @Override
            public CompletableFuture<Opened> open(Path file, ProgressListener pages) {
                return CompletableFuture.supplyAsync(() -> io.read(file, pages), worker);
            }

            @Override
            public CompletableFuture<List<String>> export(Snapshot snapshot, Path file) {
                return CompletableFuture.supplyAsync(() -> io.write(snapshot, file), worker);
            }
        };
    }

    /** What a project is written as: the file formats' own, named for the console's menus. */
    enum Format {
        DEFINITION_FILE(ExportFormat.JSON), TERRAFORM(ExportFormat.TERRAFORM), HEAT(ExportFormat.HEAT),
        ANSIBLE(ExportFormat.ANSIBLE);

        private final ExportFormat written;

        Format(ExportFormat written) {
            this.written = written;
        }

        public String label() {
            return written.label();
        }

        public String pattern() {
            return written.pattern();
        }

        /** The format a name asks for: by its ending ({@code .tf}, {@code .yaml}, {@code .yml}), else a definition file. */
        public static Format of(Path file) {
            ExportFormat byName = ExportFormat.byName(file);
            for (Format f : values()) {
                if (f.written == byName) {
                    return f;
                }
            }
            return DEFINITION_FILE;
        }
    }

    /**
     * A file's groups and interfaces (all that could be read), the parts that could not be read (each in
     * words with its place: never left out unsaid) and the reader's notes (a list of groups without their
     * rules, say).
     */
    record Opened(Snapshot snapshot, List<String> problems, List<String> notices) {
        public Opened {
            problems = List.copyOf(problems);
            notices = List.copyOf(notices);
        }
    }

    /** Reads a definition file, Terraform configuration, or what {@code openstack security group show/list -f json} prints. */
    default CompletableFuture<Opened> open(Path file) {
        return open(file, ProgressListener.NONE);
    }

    /**
     * As {@link #open(Path)}, telling {@code pages} (on the reading thread) the groups of a definition file
     * while it is read, so that the first ones can be shown before the rest: provisional, the answer is what
     * counts (and may be a failure). Other formats tell nothing before their answer.
     */
    CompletableFuture<Opened> open(Path file, ProgressListener pages);

    /**
     * Writes the snapshot's groups to {@code file} in the format its name says ({@link Format#of}), replacing
     * it atomically; completes with what the format could not say exactly (one line each, none for JSON).
     */
    CompletableFuture<List<String>> export(Snapshot snapshot, Path file);
}
