package dev.portcullis.bench;

import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The console at scale: opens the real console, headless (Monocle, as the UI tests run), on a definition
 * file or a workspace, in a fresh JVM with the launcher's JVM options, and prints how long the first rows
 * took (a first page of the load counts), how long all rows took (and how much of that was reading the file), when the review's badges were in, what one filter
 * keystroke costs on the FX thread, and the heap in use after a GC with the window open. Prints figures;
 * asserts nothing.
 *
 * <pre>
 * mvn -q -Pbench -Dbench.main=dev.portcullis.bench.ConsoleScaleProbe -Dbench.file=PATH
 * mvn -q -Pbench -Dbench.main=dev.portcullis.bench.ConsoleScaleProbe -Dbench.workspace=PATH
 * mvn -q -Pbench -Dbench.main=dev.portcullis.bench.ConsoleScaleProbe [-Dbench.groups=10000] [-Dbench.rules=20]
 * </pre>
 * Without a file, one is generated ({@link SourcesBenchmark#project}). {@code -Dbench.runs=N} runs N fresh
 * JVMs; {@code -Dbench.filter=TEXT} is what is typed into the filter (default {@code group-123});
 * {@code -Dbench.jvm="OPTIONS"} replaces {@link #LAUNCHER_OPTIONS}. A suite calls {@link #measure} (one
 * fresh JVM per call).
 */
public final class ConsoleScaleProbe {

    /**
     * The JVM options {@code packaging/launcher.sh} and the jpackage app-image give the console (see pom.xml,
     * profile dist): measured as it runs for a user.
     */
    public static final List<String> LAUNCHER_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx2g");
    /** What the UI tests run JavaFX headless with (pom.xml, test.headless.args). */
    private static final List<String> HEADLESS = List.of("-Dtestfx.headless=true", "-Dprism.order=sw",
            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Djava.awt.headless=true",
            "-Dheadless.geometry=1440x900-32");
    private static final String DEFAULT_FILTER = "group-123";

    /**
     * What one run measured. Times in ms from the moment the console was asked to open (the JVM already up);
     * {@code readMs} is the reading of the definition file within that (-1 for a workspace, whose reading is
     * not timed apart); {@code rowsInModelMs} is when the view model held the rows (the catalog built and
     * handed to the FX thread), before their first layout; {@code firstRowsMs}: rows laid out, a first page of
     * a load still running included; {@code allRowsMs}: the rows of the whole load laid out; {@code
     * jvmToFirstRowsMs} counts from the moment the probe started the JVM. Keystrokes: the median time
     * from the text change to the table's items updated, the same with the table's CSS and layout done, and
     * the slowest. Heap: in use after a GC with the window open; rss: the process's resident memory.
     */
    public record Figures(int groups, int defaultGroups, long readMs, long rowsInModelMs, long firstRowsMs,
                          long allRowsMs, long jvmToFirstRowsMs, long reviewMs, double keystrokeMs, double keystrokeLayoutMs, double keystrokeMaxMs,
                          long heapMb, long rssMb, long maxHeapMb, String status) {

        /** The part of the time to all rows that is the console's own, not the file's reading. */
        public long consoleMs() {
            return readMs < 0 ? -1 : allRowsMs - readMs;
        }
    }

    private ConsoleScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        String file = System.getProperty("bench.file", "");
        String workspace = System.getProperty("bench.workspace", "");
        int runs = Integer.getInteger("bench.runs", 1);
        String filter = System.getProperty("bench.filter", DEFAULT_FILTER);
        List<String> jvm = System.getProperty("bench.jvm") == null ? launcherOptions()
                : Arrays.asList(System.getProperty("bench.jvm").trim().split("\\s+"));
        Path generated = null;
        if (file.isBlank() && workspace.isBlank()) {
            int groups = Integer.getInteger("bench.groups", 10_000);
            int rules = Integer.getInteger("bench.rules", 20);
            generated = generate(groups, rules, Files.createTempFile("portcullis-console-", ".json"));
            file = generated.toString();
        }
        List<String> console = workspace.isBlank() ? List.of(file) : List.of("--workspace", workspace);
        Path source = Path.of(workspace.isBlank() ? file : workspace);
        System.out.printf(Locale.ROOT, "console on %s (%.1f MB), JVM options: %s%n", source, Files.size(source) / 1e6,
                String.join(" ", jvm));
        for (int run = 1; run <= runs; run++) {
            print(measure(console, filter, jvm));
        }
        if (generated != null) {
            Files.deleteIfExists(generated);
        }
    }

    private static void print(Figures f) {
        System.out.printf(Locale.ROOT, "%,d groups (%d default): first rows %d ms (rows in the view model at %d ms; "
                        + "%d ms from JVM start); all rows %d ms (reading %s, the console %s after it); review badges "
                        + "in %d ms; filter keystroke median %.2f ms to the "
                        + "items (%.2f ms with CSS and layout, slowest %.2f ms); heap after GC %d MB of %d MB, "
                        + "resident %d MB; status \"%s\"%n", f.groups(), f.defaultGroups(), f.firstRowsMs(),
                f.rowsInModelMs(), f.jvmToFirstRowsMs(), f.allRowsMs(),
                f.readMs() < 0 ? "not timed" : f.readMs() + " ms", f.consoleMs() < 0 ? "?" : f.consoleMs() + " ms",
                f.reviewMs(), f.keystrokeMs(), f.keystrokeLayoutMs(), f.keystrokeMaxMs(),
                f.heapMb(), f.maxHeapMb(), f.rssMb(), f.status());
    }

    /** Opens the console on a definition file, as {@code portcullis FILE}, in a fresh JVM with the launcher's options. */
    public static Figures measure(Path definitionFile) throws IOException, InterruptedException {
        return measure(List.of(definitionFile.toString()), DEFAULT_FILTER, launcherOptions());
    }

    /** Opens the console on a workspace, as {@code portcullis --workspace FILE}, in a fresh JVM. */
    public static Figures measureWorkspace(Path workspace) throws IOException, InterruptedException {
        return measure(List.of("--workspace", workspace.toString()), DEFAULT_FILTER, launcherOptions());
    }

    /**
     * Runs the console in a fresh JVM given {@code jvmOptions}, on what {@code consoleArgs} name (as the
     * {@code portcullis} command's arguments), types {@code filter} into the filter, and returns the figures.
     */
    public static Figures measure(List<String> consoleArgs, String filter, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return measure(consoleArgs, filter, jvmOptions, StartupArchive.on());
    }

    /** As {@link #measure(List, String, List)}; {@code archived}: with the startup archive ({@link StartupArchive}). */
    public static Figures measure(List<String> consoleArgs, String filter, List<String> jvmOptions, boolean archived)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("portcullis-probe-home");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (archived) {
            command.addAll(StartupArchive.options(jvmCommon(jvmOptions, true)));
        }
        command.addAll(HEADLESS);
        command.add("-Duser.home=" + home);
        command.add("-Djava.util.prefs.userRoot=" + home.resolve("prefs"));
        command.addAll(javaFxOnModulePath(archived));
        command.add(ConsoleScaleRun.class.getName());
        command.addAll(consoleArgs);
        command.add(filter);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.remove("DISPLAY");
        long launched = System.currentTimeMillis();
        Process process = builder.start();
        Map<String, String> figures = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(ConsoleScaleRun.LINE + " ")) {
                    figures = parse(line);
                } else {
                    output.add(line);
                }
            }
        }
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        deleteTree(home);
        if (figures == null) {
            throw new IllegalStateException("the console probe printed no figures (exit " + process.exitValue()
                    + "):\n" + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
        }
        return new Figures(Integer.parseInt(figures.get("groups")), Integer.parseInt(figures.get("defaults")),
                Long.parseLong(figures.get("readMs")), Long.parseLong(figures.get("rowsInModelMs")),
                Long.parseLong(figures.get("firstRowsMs")), Long.parseLong(figures.get("allRowsMs")),
                Long.parseLong(figures.get("firstRowsAt")) - launched, Long.parseLong(figures.get("reviewMs")),
                Double.parseDouble(figures.get("keyMs")), Double.parseDouble(figures.get("keyLayoutMs")),
                Double.parseDouble(figures.get("keyMaxMs")), Long.parseLong(figures.get("heapMb")),
                Long.parseLong(figures.get("rssMb")), Long.parseLong(figures.get("xmxMb")),
                figures.get("status").replace('_', ' '));
    }

    /** Writes a generated project of {@code groups} x {@code rules} as a definition file. */
    public static Path generate(int groups, int rules, Path file) throws IOException {
        return Files.write(file, new DefinitionWriter().toJson(new Definitions(SourcesBenchmark.project(groups, rules),
                List.of())));
    }

    /** What every JVM the probe starts is given besides its main class: the options, headless JavaFX, the class path. */
    static List<String> jvmCommon(List<String> jvmOptions, boolean archived) {
        List<String> common = new ArrayList<>(jvmOptions);
        common.addAll(HEADLESS);
        common.addAll(javaFxOnModulePath(archived));
        return common;
    }

    /** The launcher's options (kept in step with packaging/launcher.sh by hand). */
    private static List<String> launcherOptions() {
        return LAUNCHER_OPTIONS;
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(ConsoleScaleRun.LINE.length() + 1).split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    /**
     * JavaFX as the tests run it: its platform jars on the module path, Monocle patched into javafx.graphics,
     * everything else (this project, its dependencies) on the class path.
     */
    private static List<String> javaFxOnModulePath(boolean archived) {
        List<String> modules = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        String monocle = null;
        for (String entry : classPath()) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("openjfx-monocle")) {
                monocle = entry;
            } else if (name.matches("javafx-(base|graphics|controls|fxml)-.*-(linux|mac|win)[^/]*\\.jar")) {
                modules.add(entry);
            } else if (!name.startsWith("javafx-")) {
                classPath.add(entry);
            }
        }
        if (modules.isEmpty() || monocle == null) {
            throw new IllegalStateException("JavaFX's platform jars and Monocle must be on the class path "
                    + "(run with the test class path: mvn -Pbench ...)");
        }
        if (archived) {
            // a startup archive cannot be made or used with --patch-module: JavaFX and Monocle go on the class path
            classPath.addAll(0, modules);
            classPath.add(1, monocle);
            return List.of("-cp", String.join(File.pathSeparator, StartupArchive.jarred(classPath)));
        }
        return List.of("--module-path", String.join(File.pathSeparator, modules),
                "--add-modules", "javafx.controls,javafx.fxml",
                "--patch-module", "javafx.graphics=" + monocle,
                "--add-opens", "javafx.graphics/com.sun.glass.ui.monocle=ALL-UNNAMED",
                "--add-opens", "javafx.graphics/com.sun.glass.ui=ALL-UNNAMED",
                "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
                "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED",
                "-cp", String.join(File.pathSeparator, classPath));
    }

    /** This JVM's class path: the class loaders' (exec:java runs in one of its own), else java.class.path. */
    private static Set<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = ConsoleScaleProbe.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: not for a command line
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        }
        return entries;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
