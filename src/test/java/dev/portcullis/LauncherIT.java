package dev.portcullis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code mvn package} leaves at {@code target/portcullis/bin/portcullis}: run as a user would,
 * from another folder and through a link on PATH.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("portcullis.launcher",
            "target/portcullis/bin/portcullis")).toAbsolutePath();

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path workDir, Path command, String... args) throws IOException, InterruptedException {
        return run(workDir, java.util.Map.of(), command, args);
    }

    private static Result run(Path workDir, java.util.Map<String, String> env, Path command, String... args)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(command.toString());
        line.addAll(List.of(args));
        Path outFile = Files.createTempFile("launcher", ".out");
        Path errFile = Files.createTempFile("launcher", ".err");
        ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LauncherIT.class.getResource("/dev/portcullis/files/" + name).toURI());
    }

    @Test
    void validatesANeutronFileFromAnyFolder(@TempDir Path elsewhere) throws Exception {
        Result r = run(elsewhere, LAUNCHER, "validate", resource("neutron-sg-list.json").toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("valid (1 group, 4 rules)");
    }

    @Test
    void reportsBrokenRulesWithExit1(@TempDir Path elsewhere) throws Exception {
        Result r = run(elsewhere, LAUNCHER, "validate", "--format", "json", resource("broken-rules.json").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"SecurityGroupInvalidPortValue\"");
    }

    @Test
    void worksThroughASymbolicLink(@TempDir Path bin) throws Exception {
        Path link = Files.createSymbolicLink(bin.resolve("portcullis"), LAUNCHER);

        Result r = run(bin, link, "--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Portcullis ");
    }

    @Test
    void worksFromAFolderWithSpacesThroughALink(@TempDir Path tmp) throws Exception {
        Path spaced = Files.createDirectories(tmp.resolve("my tools/bin dir"));
        Path link = Files.createSymbolicLink(spaced.resolve("portcullis"), LAUNCHER);

        Result r = run(tmp, link, "validate", resource("neutron-sg-list.json").toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void worksCalledByARelativePathWithCdpathSet(@TempDir Path tmp) throws Exception {
        // cd consults CDPATH only for a relative folder, so the launcher is called by a relative path.
        Path base = LAUNCHER.getParent().getParent().getParent();
        Path relative = base.relativize(LAUNCHER);

        Result r = run(base, java.util.Map.of("CDPATH", ".:" + tmp), relative, "--version");

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Portcullis ");
    }

    @Test
    void withoutADisplayTheConsoleSaysWhatStillWorks(@TempDir Path home) throws Exception {
        Result r = run(home, java.util.Map.of("DISPLAY", "", "XDG_DATA_HOME", home.toString()), LAUNCHER);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the console needs a graphical desktop").contains("portcullis --help");
    }
}
