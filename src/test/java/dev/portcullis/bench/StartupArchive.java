package dev.portcullis.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The startup archive the installed packages give the console (AppCDS, made at install time from
 * {@code packaging/linux/portcullis.classlist}: see {@code packaging/linux/make-cds-archive.sh}), made the
 * same way for the probe's JVMs when {@code -Dbench.cds=true}: so that the console's start is measured as
 * an installed Portcullis starts, not only as {@code mvn javafx:run} or the plain launcher starts it.
 * Off by default. The archive is made once per class path and options, in a temporary folder, and used
 * with {@code -Xshare:auto} as the packages use it (a class the list names that is not there is left out).
 * An archive cannot be made with {@code --patch-module}, which puts Monocle into JavaFX's module: with the
 * archive, the probe's JVMs have JavaFX and Monocle on the class path instead of the module path.
 */
final class StartupArchive {

    static final String PROPERTY = "bench.cds";
    private static final Path CLASS_LIST = Path.of("packaging", "linux", "portcullis.classlist");
    private static final Map<List<String>, Path> MADE = new HashMap<>();
    private static final Map<Path, Path> JARS = new HashMap<>();

    private StartupArchive() {
    }

    /** Whether the probe's JVMs use the archive ({@code -Dbench.cds=true}). */
    static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The options that make a JVM started with {@code common} use the archive (made the first time). */
    static synchronized List<String> options(List<String> common) {
        Path archive = MADE.computeIfAbsent(List.copyOf(common), StartupArchive::make);
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }

    /**
     * The class path with each folder (the build's classes) replaced by a jar of it, made once: an archive
     * takes classes from jars only, as the installed console's are.
     */
    static synchronized List<String> jarred(List<String> classPath) {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry);
            jars.add(Files.isDirectory(path) ? JARS.computeIfAbsent(path, StartupArchive::jar).toString() : entry);
        }
        return jars;
    }

    private static Path jar(Path folder) {
        try {
            Path jar = Files.createTempFile("portcullis-probe-", ".jar");
            jar.toFile().deleteOnExit();
            Files.delete(jar);
            int exit = java.util.spi.ToolProvider.findFirst("jar").orElseThrow()
                    .run(System.out, System.err, "--create", "--file", jar.toString(), "-C", folder.toString(), ".");
            if (exit != 0) {
                throw new IllegalStateException("jar of " + folder + " failed (exit " + exit + ")");
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path make(List<String> common) {
        try {
            Path archive = Files.createTempFile("portcullis-probe-", ".jsa");
            archive.toFile().deleteOnExit();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(common);
            command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + CLASS_LIST.toAbsolutePath(),
                    "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-version"));
            Process dump = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int exit = dump.waitFor();
            if (exit != 0 || Files.size(archive) == 0) {
                throw new IllegalStateException("the startup archive could not be made (exit " + exit + "):\n"
                        + output.substring(Math.max(0, output.length() - 2000)));
            }
            System.out.printf("startup archive: %s (%.1f MB, from %s)%n", archive, Files.size(archive) / 1e6,
                    CLASS_LIST);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
