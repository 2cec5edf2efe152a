package dev.portcullis.bench;

import dev.portcullis.cli.PortcullisCommand;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How long the review of ONE large group takes (the checks inside a group must not compare every rule with
 * every other): {@code mvn -q -Pbench -Dbench.main=dev.portcullis.bench.OneGroupBenchmark}
 * ({@code -Dbench.rules=20000}, {@code -Dbench.runs=3}, {@code -Dbench.shapes=tiles,world}). For each shape of
 * {@link OneGroupRules} it prints the review alone and {@code portcullis lint FILE} run in this JVM (reading
 * the file included), medians of the runs after one warm-up.
 */
public final class OneGroupBenchmark {

    private OneGroupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.rules", 20_000);
        int runs = Integer.getInteger("bench.runs", 3);
        System.out.printf("Portcullis one-group benchmark: one group of %,d rules; median of %d runs after a warm-up;"
                + " Java %s, %d cores%n", count, runs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("portcullis-one-group");
        try {
            for (OneGroupRules shape : shapes()) {
                SecurityGroup group = shape.group(count, 14);
                Path file = dir.resolve(shape.name().toLowerCase(java.util.Locale.ROOT) + ".json");
                new DefinitionWriter().write(file, new Definitions(List.of(group), List.of()));
                int[] findings = new int[1];
                double review = median(runs, () -> findings[0] = Review.of(List.of(group), List.of(),
                        ReviewSettings.defaults()).size());
                double lint = median(runs, () -> PortcullisCommand.commandLine(o -> { },
                        new PrintWriter(Writer.nullWriter()), new PrintWriter(new StringWriter()))
                        .execute("lint", file.toString()));
                System.out.printf("  %-7s review %6.2f s   lint FILE %6.2f s   (%,d findings)%n",
                        shape, review, lint, findings[0]);
                Files.delete(file);
            }
        } finally {
            try (var left = Files.list(dir)) {
                for (Path file : left.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** {@code bench.shapes} (names, comma-separated), else every shape. */
    private static List<OneGroupRules> shapes() {
        String chosen = System.getProperty("bench.shapes", "");
        return chosen.isBlank() ? List.of(OneGroupRules.values()) : Arrays.stream(chosen.split(","))
                .map(name -> OneGroupRules.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT))).toList();
    }

    private static double median(int runs, Runnable work) {
        work.run();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }
}
