package dev.portcullis.backend.workspace;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.files.DefinitionWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The writer {@link WorkspaceCrashTest} kills: opens the workspace in {@code args[0]} with the journal used from
 * the first byte (so batches go to the journal, whole writes and folds all happen), then saves batches of two
 * new groups, {@code k-N-a} and {@code k-N-b}, sent together, printing {@code ACK N} once both are saved, until
 * it is killed, or {@code args[1]} batches are saved. It goes on from the batches the workspace holds already.
 */
final class KilledWriter {

    private KilledWriter() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        WorkspaceBackend workspace = new WorkspaceBackend(Path.of(args[0]), io, Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), new DefinitionWriter()::write, 0, io);
        long held = workspace.load(ProgressListener.NONE).get().groups().stream()
                .filter(g -> g.name().startsWith("k-")).count();
        int next = (int) (held / 2);
        System.out.println("START " + next);
        System.out.flush();
        int last = args.length > 1 ? next + Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        for (int n = next; n < last; n++) {
            CountDownLatch gate = new CountDownLatch(1);
            io.execute(() -> {
                try {
                    gate.await(); // holds the thread until both calls are queued: they are one batch
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<?> a = workspace.create(draft(n, "a"));
            CompletableFuture<?> b = workspace.create(draft(n, "b"));
            gate.countDown();
            a.get();
            b.get();
            System.out.println("ACK " + n);
            System.out.flush();
        }
        workspace.close();
    }

    static GroupDraft draft(int n, String half) {
        Rule rule = Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(1000 + n % 60000),
                Remote.prefix("10.0." + (n % 250) + ".0/24"), "batch " + n);
        return new GroupDraft("k-" + n + "-" + half, "written by batch " + n, true, List.of(rule));
    }
}
