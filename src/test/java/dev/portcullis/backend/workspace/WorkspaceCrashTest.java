package dev.portcullis.backend.workspace;

import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writer process ({@link KilledWriter}) at random moments, as a crash or a power cut would stop it, and
 * after each kill reads the workspace: it must hold exactly the batches saved before some moment at or after
 * the last one the writer was told was saved (each batch whole or not at all), and no temporary file of the
 * writer may be left once it is read.
 */
class WorkspaceCrashTest {

    private static final int KILLS = 50;
    private static final int LANES = 2;

    @TempDir
    Path dir;

    /** Two writers, each in its own folder, are killed at once, so that the 50 kills take half the time. */
    @Test
    void aKilledWriterLeavesEveryAcknowledgedBatchWholeAndNothingHalfWritten() throws Exception {
        long seed = new Random().nextLong();
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        try {
            List<Future<Integer>> saved = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                Path folder = Files.createDirectory(dir.resolve("lane-" + lane));
                Random random = new Random(seed + lane);
                saved.add(lanes.submit(() -> killRepeatedly(folder, KILLS / LANES, random, seed)));
            }
            for (Future<Integer> lane : saved) {
                assertThat(lane.get()).as("batches were saved between the kills").isGreaterThan(KILLS / LANES / 2);
            }
        } finally {
            lanes.shutdownNow();
        }
    }

    private int killRepeatedly(Path folder, int kills, Random random, long seed) throws Exception {
        Path file = folder.resolve("workspace.json");
        int acknowledged = -1;
        for (int kill = 0; kill < kills; kill++) {
            Process writer = start(file);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String start = out.readLine();
                assertThat(start).as("the writer started (seed %d)", seed).startsWith("START ");
                int acks = random.nextInt(4); // 0: killed while its first batches are written
                for (int i = 0; i < acks; i++) {
                    String line = out.readLine();
                    assertThat(line).as("seed %d", seed).startsWith("ACK ");
                    acknowledged = Integer.parseInt(line.substring(4));
                }
            } finally {
                writer.destroyForcibly();
                writer.waitFor();
            }
            acknowledged = Math.max(acknowledged, check(file, acknowledged, seed));
        }
        return acknowledged;
    }

    /** Reads the workspace as an opening would; answers the number of the last batch it holds. */
    private int check(Path file, int acknowledged, long seed) throws IOException {
        Definitions read = new WorkspaceFiles(file, new DefinitionWriter()::write, 0).read();
        Set<String> names = new HashSet<>();
        for (SecurityGroup g : read.groups()) {
            if (g.name().startsWith("k-")) {
                names.add(g.name());
            }
        }
        int last = names.size() / 2 - 1;
        Set<String> expected = new HashSet<>();
        for (int n = 0; n <= last; n++) {
            expected.add("k-" + n + "-a");
            expected.add("k-" + n + "-b");
        }
        assertThat(names).as("whole batches 0..%d, in order (seed %d)", last, seed).isEqualTo(expected);
        assertThat(last).as("every acknowledged batch is kept (seed %d)", seed).isGreaterThanOrEqualTo(acknowledged);
        try (Stream<Path> files = Files.list(file.getParent())) {
            List<String> left = new ArrayList<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.endsWith(".bak")).toList());
            assertThat(left).as("temporary files of the killed writer, after opening (seed %d)", seed).isEmpty();
        }
        return last;
    }

    private static Process start(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
