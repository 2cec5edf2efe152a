package dev.portcullis.backend.definitions;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A file shown in the console: what could not be read is said in the window and reviewed, never dropped. */
class ReadOnlyFileBackendTest {

    private static final Path PARTLY_INVALID = Path.of("src/test/resources/dev/portcullis/files/handwritten/partly-invalid.json");

    private final ReadOnlyFileBackend backend = new ReadOnlyFileBackend(PARTLY_INVALID,
            DefinitionFiles.on(Runnable::run));

    @Test
    void theWarningStripNamesEachPartThatCouldNotBeReadOnceTheFileIsLoaded() throws Exception {
        assertThat(backend.warning()).hasValueSatisfying(w -> assertThat(w).doesNotContain("could not be read"));

        Snapshot shown = backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);

        assertThat(shown.groups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("app"));
        assertThat(backend.warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("1 part of it could not be read and is not shown")
                .contains("group app: ")
                .contains("port_range_max"));
    }

    @Test
    void theReviewOfTheShownFileReportsTheUnreadableRuleInItsGroup() throws Exception {
        Snapshot shown = backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);

        List<Finding> findings = Review.of(shown.groups(), shown.ports(), shown.gaps(), ReviewSettings.defaults());

        assertThat(findings).filteredOn(f -> f.check().equals("invalid-definition")).singleElement()
                .satisfies(f -> {
                    assertThat(f.groupName()).isEqualTo("app");
                    assertThat(f.explanation()).contains("70000");
                });
        assertThat(findings).extracting(Finding::check).contains("world-open-admin-port");
    }

    @Test
    void loadingAgainAFileThatDidNotChangeReadsNothingAndAChangedOneIsReadAgain(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = java.nio.file.Files.copy(PARTLY_INVALID, dir.resolve("groups.json"));
        DefinitionFiles real = DefinitionFiles.on(Runnable::run);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        DefinitionFiles counted = new DefinitionFiles() {
            @Override
            public java.util.concurrent.CompletableFuture<Opened> open(Path path, ProgressListener pages) {
                reads.incrementAndGet();
                return real.open(path, pages);
            }

            @Override
            public java.util.concurrent.CompletableFuture<List<String>> export(Snapshot snapshot, Path path) {
                return real.export(snapshot, path);
            }
        };
        ReadOnlyFileBackend shown = new ReadOnlyFileBackend(file, counted);

        Snapshot first = shown.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);
        Snapshot again = shown.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);

        assertThat(again).isSameAs(first); // the console keeps its rows and review for the same snapshot
        assertThat(reads).hasValue(1);

        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("\"app\"", "\"application\""));
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() + 60_000));
        Snapshot changed = shown.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);

        assertThat(reads).hasValue(2);
        assertThat(changed.groups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("application"));
    }

    /** So that the groups read before the window was there reach the view as its load starts (its first frame). */
    @Test
    void theFirstLoadAsksForTheFileOnTheCallersThreadBeforeItReturns() {
        List<Thread> askedOn = new java.util.ArrayList<>();
        DefinitionFiles never = new DefinitionFiles() {
            @Override
            public java.util.concurrent.CompletableFuture<Opened> open(Path path, ProgressListener pages) {
                askedOn.add(Thread.currentThread());
                return new java.util.concurrent.CompletableFuture<>();
            }

            @Override
            public java.util.concurrent.CompletableFuture<List<String>> export(Snapshot snapshot, Path path) {
                return new java.util.concurrent.CompletableFuture<>();
            }
        };

        new ReadOnlyFileBackend(PARTLY_INVALID, never).load(ProgressListener.NONE);

        assertThat(askedOn).containsExactly(Thread.currentThread());
    }
}
