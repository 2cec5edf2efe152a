package dev.portcullis.bench;

import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.AnsibleWriter;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.HeatWriter;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.SourceReader;
import dev.portcullis.files.TerraformWriter;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How long one source of a large project takes to read and review, in every format the command line
 * reads: a project of {@code bench.groups} groups (default 10,000) with {@code bench.rules} rules each
 * (default 20, a tenth of them pointing at another group), written as each format, then read as lint reads
 * it (the reader, the reviewable groups, the review). Prints the median of {@code bench.runs} runs and
 * the heap in use after the last; asserts nothing.
 *
 * <pre>mvn -q -Pbench -Dbench.main=dev.portcullis.bench.SourcesBenchmark [-Dbench.groups=10000] [-Dbench.rules=20]</pre>
 */
public final class SourcesBenchmark {

    private SourcesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int groups = Integer.getInteger("bench.groups", 10_000);
        int rules = Integer.getInteger("bench.rules", 20);
        int runs = Integer.getInteger("bench.runs", 3);
        List<SecurityGroup> project = project(groups, rules);
        Path dir = Files.createTempDirectory("portcullis-bench");
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("definition file (.json)", write(dir.resolve("groups.json"),
                g -> new DefinitionWriter().toJson(new Definitions(g, List.of())), project));
        sources.put("Terraform (.tf)", write(dir.resolve("groups.tf"), g -> new TerraformWriter().toTerraform(g),
                project));
        sources.put("Heat template (.yaml)", write(dir.resolve("groups.yaml"), g -> new HeatWriter().toHeat(g),
                project));
        sources.put("Ansible playbook (.yml)", write(dir.resolve("groups.yml"), g -> new AnsibleWriter().toAnsible(g),
                project));
        System.out.printf("%,d groups x %d rules (%,d rules), %d runs, medians%n", groups, rules, groups * rules,
                runs);
        System.out.printf("%-26s %10s %10s %10s %10s %10s %9s%n", "source", "size", "read", "reviewable",
                "review", "total", "heap");
        for (Map.Entry<String, Path> source : sources.entrySet()) {
            measure(source.getKey(), source.getValue(), runs);
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void measure(String name, Path file, int runs) throws IOException {
        List<long[]> times = new ArrayList<>();
        int findings = 0;
        int read = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            DefinitionReport report = new SourceReader().read(file);
            long afterRead = System.nanoTime();
            if (report.unusable()) {
                System.out.printf("%-26s %9.1fM   refused: %s%n", name, Files.size(file) / 1e6,
                        report.fileProblems().get(0).message());
                return;
            }
            DefinitionReport.Reviewable reviewable = report.reviewable();
            long afterReviewable = System.nanoTime();
            List<Finding> found = Review.of(reviewable.definitions().groups(), reviewable.definitions().ports(),
                    reviewable.problems(), ReviewSettings.defaults());
            long end = System.nanoTime();
            times.add(new long[] {afterRead - start, afterReviewable - afterRead, end - afterReviewable, end - start});
            findings = found.size();
            read = reviewable.definitions().groups().size();
        }
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("%-26s %9.1fM %9.2fs %9.2fs %9.2fs %9.2fs %8dM   (%,d groups read, %,d findings)%n", name,
                Files.size(file) / 1e6, median(times, 0), median(times, 1), median(times, 2), median(times, 3),
                heap / (1024 * 1024), read, findings);
    }

    private static double median(List<long[]> times, int column) {
        List<Long> values = new ArrayList<>(times.stream().map(t -> t[column]).toList());
        values.sort(Comparator.naturalOrder());
        return values.get(values.size() / 2) / 1e9;
    }

    private static Path write(Path file, Function<List<SecurityGroup>, byte[]> format, List<SecurityGroup> groups)
            throws IOException {
        return Files.write(file, format.apply(groups));
    }

    /** A project in the shape real ones have: services on their ports, admin ports from office ranges, peers. */
    static List<SecurityGroup> project(int groups, int rulesEach) {
        List<SecurityGroup> project = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            String id = String.format("00000000-0000-4000-8000-%012d", g);
            List<Rule> rules = new ArrayList<>(rulesEach);
            for (int r = 0; r < rulesEach; r++) {
                String ruleId = String.format("10000000-%04d-4000-8000-%012d", r, g);
                Remote remote = r % 10 == 9 ? Remote.group(String.format("00000000-0000-4000-8000-%012d",
                        (g + 1) % groups))
                        : Remote.prefix(r % 7 == 0 ? "0.0.0.0/0" : "10." + (g % 250) + "." + r + ".0/24");
                int port = 1000 + (g * 7 + r * 13) % 60000;
                rules.add(new Rule(ruleId, Direction.INGRESS, EtherType.IPV4, r % 3 == 0 ? Protocol.UDP : Protocol.TCP,
                        PortRange.of(port, port + r % 4), remote, "rule " + r));
            }
            project.add(new SecurityGroup(id, "project", "group-" + g, "group number " + g, true, false, 1, rules,
                    List.of(), null, null));
        }
        return project;
    }
}
