package dev.portcullis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The attack's file fuzz, repeatable: {@code mvn -q -Pbench -Dbench.main=dev.portcullis.bench.FileFuzz}
 * ({@code -Dfuzz.files=2020}, {@code -Dfuzz.seed=14}) writes that many hostile definition files
 * ({@link HostileFiles}: Neutron's JSON, Heat, Terraform in turn; one in five cut short or with bytes changed),
 * runs validate, lint, diff and export on each in this JVM, and prints the runs, the crashes (an exception of
 * the runtime that reached the command line's last handler), the raw control characters found in what was
 * printed, the runs over 2 s and the slowest. Exit 1 when there was a crash or a raw control character.
 */
public final class FileFuzz {

    private static final double SLOW = 2.0;

    private FileFuzz() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.getInteger("fuzz.files", 2_020);
        long seed = Long.getLong("fuzz.seed", 14);
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("portcullis-fuzz");
        int runs = 0;
        int crashes = 0;
        int rawRuns = 0;
        int slow = 0;
        Map<String, Integer> raw = new TreeMap<>();
        List<HostileRuns.Run> slowest = new ArrayList<>();
        List<String> crashed = new ArrayList<>();
        try {
            Path other = dir.resolve("other.json");
            Files.write(other, HostileFiles.file(HostileFiles.Format.JSON, random, 0));
            HostileFiles.Format[] formats = HostileFiles.Format.values();
            for (int i = 0; i < files; i++) {
                HostileFiles.Format format = formats[i % formats.length];
                Path file = dir.resolve(i + "-" + format.fileName);
                Files.write(file, HostileFiles.file(format, random, 5));
                String f = file.toString();
                for (List<String> command : List.of(List.of("validate", f), List.of("lint", f),
                        List.of("diff", f, other.toString()), List.of("export", f))) {
                    HostileRuns.Run run = HostileRuns.run(command);
                    runs++;
                    if (run.crashed()) {
                        crashes++;
                        crashed.add(command + ": " + run.escaped());
                    }
                    List<String> found = run.rawControls();
                    if (!found.isEmpty()) {
                        rawRuns++;
                        found.forEach(c -> raw.merge(c, 1, Integer::sum));
                    }
                    if (run.seconds() > SLOW) {
                        slow++;
                    }
                    slowest.add(run);
                    slowest.sort(Comparator.comparingDouble(HostileRuns.Run::seconds).reversed());
                    if (slowest.size() > 3) {
                        slowest.remove(3);
                    }
                }
                Files.delete(file);
            }
            Files.delete(other);
        } finally {
            Files.deleteIfExists(dir);
        }
        System.out.printf("Portcullis file fuzz: %,d files (seed %d), validate/lint/diff/export each, in one JVM%n",
                files, seed);
        System.out.printf("  runs                    %,d%n", runs);
        System.out.printf("  crashes                 %,d%n", crashes);
        crashed.stream().limit(10).forEach(c -> System.out.println("    " + c));
        System.out.printf("  runs printing raw control characters  %,d %s%n", rawRuns, raw.isEmpty() ? "" : raw);
        System.out.printf("  runs over %.0f s           %,d%n", SLOW, slow);
        slowest.forEach(r -> System.out.printf("  slowest: %.2f s  %s%n", r.seconds(), String.join(" ", r.args())));
        if (crashes > 0 || rawRuns > 0) {
            System.exit(1);
        }
    }
}
