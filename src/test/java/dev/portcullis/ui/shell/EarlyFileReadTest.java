package dev.portcullis.ui.shell;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.backend.definitions.DefinitionFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The file named on the command line, read from launch: its groups read before the window asks are not lost. */
class EarlyFileReadTest {

    private static final Path FILE = Path.of("groups.json");

    /** Files whose reading answers when the test says, telling the groups it is given meanwhile. */
    private final List<ProgressListener> listeners = new ArrayList<>();
    private final List<CompletableFuture<DefinitionFiles.Opened>> readings = new ArrayList<>();
    private final DefinitionFiles files = new DefinitionFiles() {
        @Override
        public CompletableFuture<Opened> open(Path file, ProgressListener pages) {
            listeners.add(pages);
            readings.add(new CompletableFuture<>());
            return readings.get(readings.size() - 1);
        }

        @Override
        public CompletableFuture<List<String>> export(Snapshot snapshot, Path file) {
            return CompletableFuture.completedFuture(List.of());
        }
    };

    private static SecurityGroup group(String name) {
        return new SecurityGroup("id-" + name, "p", name, "", true, false, 1, List.of(), List.of(), Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void theGroupsReadBeforeTheWindowAskedAreToldFirstThenTheRest() {
        EarlyFileRead early = new EarlyFileRead(files, FILE);
        listeners.get(0).page(List.of(group("a")), 1);
        List<String> told = new ArrayList<>();

        CompletableFuture<DefinitionFiles.Opened> taken = early.open(FILE, (page, soFar) ->
                told.add(page.get(0).name() + "/" + soFar));
        listeners.get(0).page(List.of(group("b")), 2);

        assertThat(taken).isSameAs(readings.get(0));
        assertThat(told).containsExactly("a/1", "b/2");
    }

    @Test
    void aReadingDoneBeforeTheWindowAskedIsHandedOverWholeAndLaterOpensReadAgain() {
        EarlyFileRead early = new EarlyFileRead(files, FILE);
        listeners.get(0).page(List.of(group("a")), 1);
        readings.get(0).complete(new DefinitionFiles.Opened(new Snapshot(List.of(group("a")), List.of(),
                Instant.EPOCH), List.of(), List.of()));
        List<String> told = new ArrayList<>();

        assertThat(early.open(FILE, (page, soFar) -> told.add(page.get(0).name()))).isDone();
        assertThat(told).isEmpty();
        early.open(FILE);
        assertThat(readings).hasSize(2);
    }
}
