package dev.portcullis.ui.network;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.files.GeneratedDefinitions;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.definitions.ReadOnlyFileBackend;
import dev.portcullis.ui.network.NetworkConfigurationViewModel.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large definition file opened in the console: its first groups are on screen while it is still being read
 * (the reader held back after its first page), and what the whole reading answers replaces them, a file that
 * turns out unusable included. The real reader, on threads of its own; one thread stands for the FX thread.
 */
class FileReadPagesTest {

    private static final int GROUPS = 1_200;

    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final CountDownLatch firstPageTold = new CountDownLatch(1);
    private final CountDownLatch goOn = new CountDownLatch(1);

    @AfterEach
    void stop() {
        goOn.countDown();
        fx.shutdownNow();
        worker.shutdownNow();
        reader.shutdownNow();
    }

    /** The real files, whose reading waits after telling its first page until the test lets it go on. */
    private DefinitionFiles heldAfterTheFirstPage() {
        DefinitionFiles real = DefinitionFiles.on(reader);
        return new DefinitionFiles() {
            @Override
            public CompletableFuture<Opened> open(Path file, ProgressListener pages) {
                return real.open(file, (page, soFar) -> {
                    pages.page(page, soFar);
                    firstPageTold.countDown();
                    try {
                        goOn.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }

            @Override
            public CompletableFuture<List<String>> export(Snapshot snapshot, Path file) {
                return real.export(snapshot, file);
            }
        };
    }

    private NetworkConfigurationViewModel opened(Path file) throws Exception {
        NetworkConfigurationViewModel vm = new NetworkConfigurationViewModel(
                new ReadOnlyFileBackend(file, heldAfterTheFirstPage()), fx, worker);
        onFx(() -> {
            vm.refresh();
            return null;
        });
        return vm;
    }

    private <T> T onFx(Supplier<T> read) throws Exception {
        return CompletableFuture.supplyAsync(read, fx).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstGroupsAreShownWhileTheFileIsReadThenTheWholeReadingReplacesThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("groups.json"), GeneratedDefinitions.json(GROUPS));
        NetworkConfigurationViewModel vm = opened(file);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> vm.partialProperty().get()));

        assertThat(firstPageTold.await(10, TimeUnit.SECONDS)).as("the reader told its first page").isTrue();
        assertThat(onFx(() -> vm.loadingProperty().get())).isTrue(); // the reader is still held
        assertThat(onFx(() -> vm.stateProperty().get())).isEqualTo(State.READY);
        assertThat(onFx(() -> vm.customGroups().stream().map(GroupRow::name).toList()))
                .hasSize(50).startsWith("group-0", "group-1");
        assertThat(onFx(() -> vm.countsProperty().get())).isEqualTo("50 security groups so far");
        assertThat(onFx(() -> vm.snapshotProperty().get())).isNull();

        goOn.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !vm.loadingProperty().get()
                && !vm.partialProperty().get()));

        assertThat(onFx(() -> vm.customGroups().size())).isEqualTo(GROUPS);
        assertThat(onFx(() -> vm.snapshotProperty().get().groups())).hasSize(GROUPS);
        assertThat(onFx(() -> vm.countsProperty().get())).startsWith(GROUPS + " security groups");
        assertThat(onFx(() -> vm.errorProperty().get())).isNull();
    }

    @Test
    void aFileThatTurnsOutUnusableAfterItsFirstGroupsWereShownEndsInTheFailureNotHalfAProject(@TempDir Path dir)
            throws Exception {
        String whole = GeneratedDefinitions.json(GROUPS);
        Path file = Files.writeString(dir.resolve("cut.json"), whole.substring(0, whole.length() - 40));
        NetworkConfigurationViewModel vm = opened(file);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> vm.partialProperty().get()));
        assertThat(onFx(() -> vm.customGroups().size())).isEqualTo(50);

        goOn.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !vm.loadingProperty().get()));

        assertThat(onFx(() -> vm.stateProperty().get())).isEqualTo(State.FAILED);
        assertThat(onFx(() -> vm.customGroups())).isEmpty();
        assertThat(onFx(() -> vm.partialProperty().get())).isFalse();
        assertThat(onFx(() -> vm.errorProperty().get())).contains("cut.json cannot be used").contains("not valid JSON");
    }
}
