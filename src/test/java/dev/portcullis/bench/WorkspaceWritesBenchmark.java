package dev.portcullis.bench;

import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.cli.PortcullisCommand;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * How long the local workspace takes to save: {@code portcullis apply --workspace WS FILE --yes} of a file of
 * {@code bench.groups} groups x 20 rules into a new workspace (run in this JVM, as the command line runs it,
 * next to {@code portcullis validate FILE} run the same way), then one edit (one rule added to one group) on
 * that workspace, from the call to its answer, which comes once the change is on disk: the median of
 * {@code bench.edits} edits. Prints the figures and the sizes of the files; asserts nothing. With
 * {@code -Dbench.dir=DIR} the files are kept in {@code DIR/run}.
 *
 * <pre>mvn -q -Pbench -Dbench.main=dev.portcullis.bench.WorkspaceWritesBenchmark [-Dbench.groups=10000]</pre>
 */
public final class WorkspaceWritesBenchmark {

    /** What {@link #measure} found; times in milliseconds, sizes in bytes. */
    public record Figures(int groups, long validateMillis, long applyMillis, double editMillis,
                          long fileBytes, long workspaceBytes, long journalBytes) {
    }

    private WorkspaceWritesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int groups = Integer.getInteger("bench.groups", 10_000);
        String keep = System.getProperty("bench.dir"); // keeps the files there, to run the commands on them
        Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("portcullis-ws-bench");
        try {
            measure(Math.min(groups, 300), dir.resolve("warm-up")); // the JIT, for the figures below
            Figures f = measure(groups, dir.resolve("run"));
            System.out.printf("%,d groups x 20 rules, file %,d bytes%n", f.groups(), f.fileBytes());
            System.out.printf("validate FILE                      %,8d ms%n", f.validateMillis());
            System.out.printf("apply --workspace (one batch)      %,8d ms  (%.1f x validate)%n", f.applyMillis(),
                    (double) f.applyMillis() / Math.max(1, f.validateMillis()));
            System.out.printf("one edit saved (median of %d)     %,11.1f ms%n", edits(), f.editMillis());
            System.out.printf("workspace file %,d bytes, journal %,d bytes%n", f.workspaceBytes(),
                    f.journalBytes());
        } finally {
            if (keep == null) {
                delete(dir);
            }
        }
    }

    private static int edits() {
        return Integer.getInteger("bench.edits", 9);
    }

    /** Generates {@code groups} groups, applies them to a new workspace in {@code dir} and edits it. */
    public static Figures measure(int groups, Path dir) throws IOException, InterruptedException,
            ExecutionException {
        Files.createDirectories(dir);
        Path file = dir.resolve("groups.json");
        Path workspace = dir.resolve("workspace.json");
        Files.deleteIfExists(workspace);
        List<SecurityGroup> project = SourcesBenchmark.project(groups, 20).stream().map(g -> g.withRules(
                g.rules().stream().map(Rule::asDraft).toList(), g.revision(), g.updatedAt())).toList();
        Files.write(file, new DefinitionWriter().toJson(new Definitions(project, List.of())));

        long start = System.nanoTime();
        int validate = run("validate", file.toString());
        long validateMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        int apply = run("apply", "--workspace", workspace.toString(), file.toString(), "--yes");
        long applyMillis = (System.nanoTime() - start) / 1_000_000;
        if (validate > 1 || apply != 0) {
            throw new IllegalStateException("validate answered " + validate + ", apply " + apply);
        }

        double[] times = new double[edits()];
        try (WorkspaceBackend backend = WorkspaceBackend.open(workspace)) {
            Snapshot snapshot = backend.load(ProgressListener.NONE).get();
            List<SecurityGroup> all = snapshot.groups();
            for (int i = 0; i < times.length; i++) {
                SecurityGroup group = all.get(all.size() / 2 + i);
                List<Rule> rules = new ArrayList<>(group.rules());
                rules.add(Rule.draft(Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(40_000 + i),
                        Remote.prefix("192.0.2." + i + "/32"), "benchmark edit"));
                ChangePlan plan = ChangePlan.between(group, new GroupDraft(group.name(), group.description(),
                        group.stateful(), rules));
                long t = System.nanoTime();
                if (!backend.apply(plan).get().complete()) {
                    throw new IllegalStateException("the edit failed");
                }
                times[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(times);
        Path journal = workspace.resolveSibling(workspace.getFileName() + ".journal");
        long journalBytes = Files.exists(journal) ? Files.size(journal) : 0;
        return new Figures(groups, validateMillis, applyMillis, times[times.length / 2], Files.size(file),
                Files.size(workspace), journalBytes);
    }

    private static int run(String... args) {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        StringWriter err = new StringWriter();
        int exit = PortcullisCommand.commandLine(options -> { }, quiet, new PrintWriter(err)).execute(args);
        if (!err.toString().isBlank()) {
            System.err.print(err);
        }
        return exit;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
