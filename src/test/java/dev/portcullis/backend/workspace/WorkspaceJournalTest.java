package dev.portcullis.backend.workspace;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.AppendJournal;
import dev.portcullis.files.AtomicFiles;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionWriter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches saved in one write, the journal of a large workspace, and what a killed writer leaves. */
class WorkspaceJournalTest {

    @TempDir
    Path dir;

    private final List<WorkspaceBackend> opened = new ArrayList<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        opened.forEach(WorkspaceBackend::close);
        io.shutdownNow();
    }

    private Path file() {
        return dir.resolve("workspace.json");
    }

    private Path journal() {
        return dir.resolve("workspace.json.journal");
    }

    private WorkspaceBackend workspace(Executor executor, WorkspaceBackend.Store store, long journalFrom) {
        WorkspaceBackend workspace = new WorkspaceBackend(file(), executor, Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), store, journalFrom, null);
        opened.add(workspace);
        return workspace;
    }

    /** A workspace that journals every batch that changes less than half its groups. */
    private WorkspaceBackend journalled() {
        return workspace(io, new DefinitionWriter()::write, 0);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static List<String> names(WorkspaceBackend workspace) throws Exception {
        return await(workspace.load(ProgressListener.NONE)).groups().stream().map(SecurityGroup::name).toList();
    }

    private static GroupDraft group(String name) {
        return GroupDraft.newGroup(name, "");
    }

    @Test
    void callsQueuedTogetherAreSavedInOneWriteWithOneBackup() throws Exception {
        Queue<Runnable> tasks = new ArrayDeque<>();
        AtomicInteger writes = new AtomicInteger();
        WorkspaceBackend workspace = workspace(tasks::add, (path, definitions, originals) -> {
            writes.incrementAndGet();
            new DefinitionWriter().write(path, definitions, originals);
        }, WorkspaceFiles.JOURNAL_FROM);
        CompletableFuture<?> load = workspace.load(ProgressListener.NONE);
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
        await(load);
        assertThat(writes).as("the new workspace").hasValue(1);

        List<CompletableFuture<SecurityGroup>> created = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            created.add(workspace.create(group("batched-" + i)));
        }
        tasks.poll().run();
        assertThat(created.get(0)).as("answered only once its batch is saved").isNotDone();
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }

        assertThat(created).allMatch(CompletableFuture::isDone);
        assertThat(writes).as("one write for the 20 creates").hasValue(2);
        assertThat(AtomicFiles.backup(file(), 1)).exists();
        assertThat(AtomicFiles.backup(file(), 2)).as("one backup rotation").doesNotExist();
        assertThat(new DefinitionReader().read(file()).definitions().groups()).hasSize(23);
        opened.remove(workspace);
        workspace.close(java.time.Duration.ZERO);
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    /** As {@code apply} sends its calls: whatever their pace, those sent under one hold are one write. */
    @Test
    void callsSentWhileWritesAreHeldAreOneBatch() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        WorkspaceBackend workspace = workspace(io, (path, definitions, originals) -> {
            writes.incrementAndGet();
            new DefinitionWriter().write(path, definitions, originals);
        }, WorkspaceFiles.JOURNAL_FROM);
        names(workspace);
        List<CompletableFuture<SecurityGroup>> created = new ArrayList<>();

        try (WorkspaceBackend.Hold hold = workspace.holdWrites()) {
            for (int i = 0; i < 10; i++) {
                created.add(workspace.create(group("held-" + i)));
                CountDownLatch ran = new CountDownLatch(1);
                io.execute(ran::countDown); // after the create on the one thread: without the hold it was saved
                assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            }
        }

        for (CompletableFuture<SecurityGroup> c : created) {
            await(c);
        }
        assertThat(writes).as("the new workspace, then the 10 creates").hasValue(2);
        assertThat(names(workspace)).contains("held-0", "held-9");
    }

    /**
     * Why a whole write of a workspace that holds just the model is not read back afterwards: read back, the file
     * keeps nothing aside, and the next whole write from nothing kept is what the file would have given.
     */
    @Test
    void aWorkspaceWrittenFromTheModelAloneHoldsNothingBeyondIt() throws Exception {
        AtomicInteger keptAside = new AtomicInteger();
        WorkspaceBackend workspace = workspace(io, (path, definitions, originals) -> {
            keptAside.addAndGet(originals.isEmpty() ? 0 : 1);
            new DefinitionWriter().write(path, definitions, originals);
        }, WorkspaceFiles.JOURNAL_FROM);
        names(workspace);
        List<CompletableFuture<SecurityGroup>> created = new ArrayList<>();
        try (WorkspaceBackend.Hold hold = workspace.holdWrites()) {
            for (SecurityGroup generated : dev.portcullis.bench.ScaleProject.of(60, 20).groups()) {
                if (!generated.name().equals("default")) {
                    created.add(workspace.create(new GroupDraft(generated.name(), generated.description(),
                            generated.stateful(), generated.rules().stream().filter(r -> r.remoteGroupId() == null)
                            .toList())));
                }
            }
        }
        for (CompletableFuture<SecurityGroup> c : created) {
            await(c);
        }
        SecurityGroup first = await(created.get(0));
        await(workspace.apply(dev.portcullis.domain.ChangePlan.between(first, new GroupDraft(first.name(),
                "described again", first.stateful(), first.rules()))));

        var read = new DefinitionReader().read(file());
        assertThat(read.allProblems()).isEmpty();
        assertThat(read.originals().isEmpty()).as("read back, nothing would be kept aside").isTrue();
        assertThat(keptAside).as("every write was from the model alone").hasValue(0);
        assertThat(new DefinitionWriter().toJson(read.definitions(), read.originals()))
                .isEqualTo(Files.readAllBytes(file()));
        assertThat(read.definitions().groups()).hasSize(3 + created.size());
    }

    @Test
    void aBatchGoesToTheJournalWhichIsFoldedIntoTheFileOnceAsLargeAsIt() throws Exception {
        WorkspaceBackend first = journalled();
        names(first);
        byte[] seeded = Files.readAllBytes(file());

        await(first.create(group("journalled")));

        assertThat(Files.readAllBytes(file())).as("the file is not rewritten").isEqualTo(seeded);
        assertThat(AppendJournal.read(journal()).records()).hasSize(1);
        assertThat(names(journalled())).as("read back by another opening").contains("journalled");
        first.close();
        assertThat(AppendJournal.read(journal()).records()).as("kept at close").hasSize(1);

        WorkspaceBackend second = journalled();
        names(second);
        int created = 0;
        while (!AppendJournal.read(journal()).records().isEmpty()) {
            assertThat(Files.size(journal())).as("folded once as large as the file")
                    .isLessThanOrEqualTo(Files.size(file()) + 4096);
            assertThat(created).as("creates without a fold").isLessThan(1000);
            await(second.create(group("more-" + created++)));
            names(second); // runs after the fold that the create's save may have started
        }

        assertThat(created).isGreaterThan(1);
        assertThat(new DefinitionReader().read(file()).definitions().groups()).extracting(SecurityGroup::name)
                .contains("journalled", "more-" + (created - 1));
        assertThat(AtomicFiles.backup(file(), 1)).exists();
    }

    @Test
    void aTornLastRecordIsIgnoredAndTheNextBatchCutsItOff() throws Exception {
        WorkspaceBackend first = journalled();
        names(first);
        await(first.create(group("saved")));
        Files.write(journal(), "812 0badf00d\n{\"deleted_secu".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        WorkspaceBackend second = journalled();
        assertThat(names(second)).contains("saved");
        await(second.create(group("after the crash")));

        assertThat(names(journalled())).contains("saved", "after the crash");
        assertThat(AppendJournal.read(journal()).torn()).isFalse();
    }

    @Test
    void aDamagedJournalIsRefusedAndLeftAsItIs() throws Exception {
        WorkspaceBackend first = journalled();
        names(first);
        await(first.create(group("one")));
        await(first.create(group("two")));
        byte[] damaged = Files.readAllBytes(journal());
        int at = new String(damaged, StandardCharsets.UTF_8).indexOf("\"one\"");
        damaged[at + 1] = 'X';
        Files.write(journal(), damaged);

        WorkspaceBackend second = journalled();
        assertThatThrownBy(() -> await(second.load(ProgressListener.NONE))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BackendException.class).hasMessageContaining(journal().toString())
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> await(second.create(group("refused")))).isInstanceOf(ExecutionException.class);
        assertThat(Files.readAllBytes(journal())).isEqualTo(damaged);
    }

    /** A crash after the journal was folded into the file but before it was emptied replays it again. */
    @Test
    void replayingAJournalTheFileHoldsAlreadyGivesTheSameProject() throws Exception {
        WorkspaceBackend first = journalled();
        names(first);
        SecurityGroup one = await(first.create(group("one")));
        await(first.create(group("two")));
        await(first.delete(one.ref()));
        byte[] journalled = Files.readAllBytes(journal());
        List<SecurityGroup> before = await(first.load(ProgressListener.NONE)).groups();
        first.close();
        Files.write(journal(), journalled);

        assertThat(await(journalled().load(ProgressListener.NONE)).groups()).isEqualTo(before);
    }

    @Test
    void temporaryFilesAKilledWriterLeftAreDeletedAtTheNextOpening() throws Exception {
        names(journalled());
        Path temp = dir.resolve(".workspace.json.4711.tmp");
        Path backup = dir.resolve(".workspace.json.815.bak");
        Path other = dir.resolve(".other.json.4711.tmp");
        Files.writeString(temp, "{\"security_groups\": [");
        Files.writeString(backup, "{}");
        Files.writeString(other, "not ours");

        names(journalled());

        assertThat(temp).doesNotExist();
        assertThat(backup).doesNotExist();
        assertThat(other).exists();
    }
}
