package dev.portcullis.bench;

import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every command's cost grows with the project: for each size in {@code bench.sizes} (default
 * 1,000, 3,000, 10,000 and 30,000 groups of {@code bench.rules} = 20 rules, {@link ScaleProject}), writes the
 * project and a copy with a tenth of its groups changed as definition files, then runs each command as a user
 * does, in a JVM of its own started as the launcher starts it: validate, lint, check, diff, export (JSON and
 * Terraform), and apply into an empty workspace (import). Prints the median wall time of {@code bench.runs}
 * runs (default 3; above 10,000 groups {@code bench.largeRuns}, default 1), the most heap the command kept live (after a collection, from the JVM's GC log), and the
 * growth from one size to the next. It also runs {@link ConsoleScaleProbe} in a headless JVM of its own per
 * size (skip it with {@code -Dbench.console=false}): the console's times count from the JVM's start, as a
 * user waits after typing {@code portcullis FILE}, started as the plain launcher starts it and, for the first
 * rows, also as the installed packages start it, with their startup archive ({@link StartupArchive}); the
 * keystroke includes the table's CSS and layout.
 * Asserts nothing.
 *
 * <pre>mvn -q -Pbench -Dbench.main=dev.portcullis.bench.ScaleBenchmark [-Dbench.sizes=1000,3000] [-Dbench.runs=3]
 *     [-Dbench.skip=diff,export] [-Dbench.jvm="JVM options"]</pre>
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    /** One command's figures at one size: the median wall time, and the most heap it kept live. */
    record Figure(double seconds, long heapBytes) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,3000,10000,30000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        int rules = Integer.getInteger("bench.rules", 20);
        int runs = Integer.getInteger("bench.runs", 3);
        System.out.printf("Portcullis scale benchmark: groups x %d rules, N/2 interfaces, diff against a copy with "
                + "10%% of groups changed; median of %d runs; Java %s, %d cores, max heap %d MB%n", rules, runs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Map<String, Map<Integer, Figure>> table = new LinkedHashMap<>();
        Map<Integer, Long> fileSizes = new LinkedHashMap<>();
        for (int size : sizes) {
            Path dir = Files.createTempDirectory("portcullis-scale");
            try {
                Definitions project = ScaleProject.of(size, rules);
                Path a = write(dir.resolve("a.json"), project);
                Path b = write(dir.resolve("b.json"), ScaleProject.changed(project));
                project = null;
                fileSizes.put(size, Files.size(a));
                System.out.printf("%n%,d groups (%,d rules, %.1f MB file)%n", size, size * rules, Files.size(a) / 1e6);
                for (Map.Entry<String, Function<Path, List<String>>> command : commands(a, b).entrySet()) {
                    if (!chosen(command.getKey())) {
                        continue;
                    }
                    Figure f = measure(runsAt(size, runs), command.getValue().apply(dir));
                    table.computeIfAbsent(command.getKey(), k -> new LinkedHashMap<>()).put(size, f);
                    System.out.printf("  %-28s %8.2f s   live heap after GC at most %,6d MB%n",
                            command.getKey(), f.seconds(), f.heapBytes() >> 20);
                }
                ConsoleFigures.measure(a, runsAt(size, runs)).forEach((name, figure) -> {
                    table.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(size, figure);
                    System.out.printf("  %-22s %8.3f s   heap %,6d MB%n", name, figure.seconds(),
                            figure.heapBytes() >> 20);
                });
            } finally {
                deleteAll(dir);
            }
        }
        System.out.println();
        System.out.println(markdown(table, sizes));
    }

    /** Above 10,000 groups, {@code bench.largeRuns} runs (default 1): one run there takes minutes. */
    private static int runsAt(int size, int runs) {
        return size > 10_000 ? Math.min(runs, Integer.getInteger("bench.largeRuns", 1)) : runs;
    }

    /** Whether {@code bench.skip} (command names, comma-separated, matched by their start) leaves it in. */
    private static boolean chosen(String command) {
        return Arrays.stream(System.getProperty("bench.skip", "").split(",")).map(String::trim)
                .noneMatch(skip -> !skip.isEmpty() && command.startsWith(skip));
    }

    /** Each command's arguments, given the folder it may write into. */
    private static Map<String, Function<Path, List<String>>> commands(Path a, Path b) {
        Map<String, Function<Path, List<String>>> commands = new LinkedHashMap<>();
        commands.put("validate", dir -> List.of("validate", a.toString()));
        commands.put("lint", dir -> List.of("lint", a.toString()));
        commands.put("check", dir -> List.of("check", "--group", "app-1", "--direction", "ingress", "--protocol",
                "tcp", "--port", "22", "--remote", "203.0.113.9", a.toString()));
        commands.put("diff", dir -> List.of("diff", a.toString(), b.toString()));
        commands.put("export json", dir -> List.of("export", "--format", "json", "-o", fresh(dir, "out.json"),
                a.toString()));
        commands.put("export terraform", dir -> List.of("export", "--format", "terraform", "-o",
                fresh(dir, "out.tf"), a.toString()));
        commands.put("import (apply --workspace)", dir -> List.of("apply", "--workspace", freshWorkspace(dir),
                a.toString(), "--yes"));
        return commands;
    }

    private static Figure measure(int runs, List<String> args) throws IOException, InterruptedException {
        double[] seconds = new double[runs];
        long live = 0;
        for (int run = 0; run < runs; run++) {
            Path gcLog = Files.createTempFile("portcullis-gc", ".log");
            try {
                List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xlog:gc:file=" + gcLog));
                command.addAll(jvmOptions());
                command.addAll(List.of("-cp", classPath(), "dev.portcullis.Main"));
                command.addAll(args);
                long start = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectErrorStream(false).start();
                String err = new String(process.getErrorStream().readAllBytes());
                int exit = process.waitFor();
                seconds[run] = (System.nanoTime() - start) / 1e9;
                if (exit > 1) {
                    throw new IllegalStateException("portcullis " + String.join(" ", args) + " exited " + exit
                            + ": " + err);
                }
                live = Math.max(live, liveHeap(Files.readAllLines(gcLog)));
            } finally {
                Files.deleteIfExists(gcLog);
            }
        }
        Arrays.sort(seconds);
        return new Figure(seconds[runs / 2], live);
    }

    /** The launcher's JVM options for a command ({@code bench.jvm} overrides them), so the figures are a user's. */
    private static List<String> jvmOptions() {
        String options = System.getProperty("bench.jvm", String.join(" ", ConsoleScaleProbe.LAUNCHER_OPTIONS));
        return Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path this benchmark was started with: Maven's exec:java gives it as a class loader's URLs. */
    static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

    /** The most heap still in use after a collection, in bytes, from a {@code -Xlog:gc} log; 0 without one. */
    static long liveHeap(List<String> gcLog) {
        long most = 0;
        for (String line : gcLog) {
            Matcher m = COLLECTION.matcher(line);
            if (m.find()) {
                most = Math.max(most, Long.parseLong(m.group(2)) << 20);
            }
        }
        return most;
    }

    private static String fresh(Path dir, String name) {
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return dir.resolve(name).toString();
    }

    private static String freshWorkspace(Path dir) {
        Path ws = dir.resolve("workspace");
        deleteAll(ws);
        return ws.resolve("workspace.json").toString();
    }

    /** The table for README: each command's median per size, and the growth from one size to the next. */
    static String markdown(Map<String, Map<Integer, Figure>> table, int[] sizes) {
        StringBuilder out = new StringBuilder("| what |");
        for (int size : sizes) {
            out.append(String.format(" %,d |", size));
        }
        for (int i = 1; i < sizes.length; i++) {
            out.append(String.format(" ×%s→%s |", shortSize(sizes[i - 1]), shortSize(sizes[i])));
        }
        out.append("\n|---|").append("---:|".repeat(sizes.length * 2 - 1)).append('\n');
        table.forEach((name, bySize) -> {
            out.append("| ").append(name).append(" |");
            for (int size : sizes) {
                Figure f = bySize.get(size);
                out.append(f == null ? " – |" : String.format(" %s |", seconds(f.seconds())));
            }
            for (int i = 1; i < sizes.length; i++) {
                Figure before = bySize.get(sizes[i - 1]);
                Figure after = bySize.get(sizes[i]);
                out.append(before == null || after == null || before.seconds() <= 0 ? " – |"
                        : String.format(" %.1f |", after.seconds() / before.seconds()));
            }
            out.append('\n');
        });
        heapRow(out, table, sizes, "lint", "heap kept live, lint");
        heapRow(out, table, sizes, "console: first rows", "heap after GC, console open");
        return out.toString();
    }

    private static void heapRow(StringBuilder out, Map<String, Map<Integer, Figure>> table, int[] sizes, String command,
                                String label) {
        if (!table.containsKey(command)) {
            return;
        }
        out.append("| ").append(label).append(" |");
        for (int size : sizes) {
            Figure f = table.get(command).get(size);
            out.append(f == null ? " – |" : String.format(" %d MB |", f.heapBytes() >> 20));
        }
        out.append(" |".repeat(sizes.length - 1)).append('\n');
    }

    private static String seconds(double s) {
        return s < 0.1 ? String.format("%.1f ms", s * 1000) : String.format("%.2f s", s);
    }

    private static String shortSize(int size) {
        return size % 1000 == 0 ? size / 1000 + "k" : Integer.toString(size);
    }

    private static Path write(Path file, Definitions definitions) throws IOException {
        new DefinitionWriter().write(file, definitions);
        return file;
    }

    private static void deleteAll(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not clean " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The console's figures, from {@link ConsoleScaleProbe} in a headless JVM of its own per run. */
    static final class ConsoleFigures {
        private ConsoleFigures() {
        }

        static Map<String, Figure> measure(Path file, int runs) throws IOException, InterruptedException {
            Map<String, Figure> figures = new LinkedHashMap<>();
            if (!Boolean.parseBoolean(System.getProperty("bench.console", "true"))) {
                return figures;
            }
            List<ConsoleScaleProbe.Figures> all = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                all.add(ConsoleScaleProbe.measure(List.of(file.toString()), "app-123",
                        ConsoleScaleProbe.LAUNCHER_OPTIONS));
            }
            List<ConsoleScaleProbe.Figures> archived = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                archived.add(ConsoleScaleProbe.measure(List.of(file.toString()), "app-123",
                        ConsoleScaleProbe.LAUNCHER_OPTIONS, true));
            }
            long heap = all.stream().mapToLong(ConsoleScaleProbe.Figures::heapMb).max().orElse(0) << 20;
            // from the JVM's start, as a user who types `portcullis FILE` waits: with the plain launcher
            // (packaging/launcher.sh, mvn javafx:run), and as installed, with the startup archive
            figures.put("console: first rows", new Figure(median(all, f -> f.jvmToFirstRowsMs() / 1e3), heap));
            figures.put("console: first rows, installed", new Figure(median(archived,
                    f -> f.jvmToFirstRowsMs() / 1e3), heap));
            figures.put("console: all rows", new Figure(median(all, f -> fromStart(f, f.allRowsMs())), heap));
            figures.put("console: review badges in", new Figure(median(all, f -> fromStart(f, f.reviewMs())), heap));
            figures.put("console: filter keystroke", new Figure(median(all, f -> f.keystrokeLayoutMs() / 1e3), heap));
            return figures;
        }

        /** A time the probe counts from the console's opening, counted from the JVM's start instead, in seconds. */
        private static double fromStart(ConsoleScaleProbe.Figures f, long sinceOpening) {
            return (f.jvmToFirstRowsMs() - f.firstRowsMs() + sinceOpening) / 1e3;
        }

        private static double median(List<ConsoleScaleProbe.Figures> all,
                                     java.util.function.ToDoubleFunction<ConsoleScaleProbe.Figures> figure) {
            double[] values = all.stream().mapToDouble(figure).sorted().toArray();
            return values[values.length / 2];
        }
    }
}
