package dev.portcullis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portcullis --cloud demo} run as a user runs it, in a JVM of its own whose {@code HOME} is not the
 * account's home ({@code user.home}): clouds.yaml is looked for under {@code $HOME}, as {@code openstack
 * --os-cloud demo} looks, and a cloud that is not there is refused naming the places looked at. No display
 * is given: a cloud that is found gets as far as asking for one.
 */
class ConsoleCloudHomeTest {

    @TempDir
    Path root;

    private record Result(int exit, String err) {
    }

    private Result console(Path home, String... args) throws IOException, InterruptedException {
        Path account = Files.createDirectories(root.resolve("account"));
        Path work = Files.createDirectories(root.resolve("work"));
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
                "-Duser.home=" + account, "-Djava.awt.headless=true"));
        String modules = System.getProperty("jdk.module.path");
        if (modules != null) {
            line.addAll(List.of("--module-path", modules, "--add-modules", "javafx.controls"));
        }
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        line.addAll(List.of(args));
        Path err = root.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(line).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("OS_") || k.startsWith("XDG_") || k.equals("DISPLAY")
                || k.equals("WAYLAND_DISPLAY") || k.equals("SNAP_REAL_HOME") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_DIRS", root.resolve("xdg-site").toString());
        Process p = builder.start();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("the console's JVM finished").isTrue();
        return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aCloudThatIsNotConfiguredIsRefusedNamingThePlacesLookedAt() throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));

        Result r = console(home, "--cloud", "demo");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("portcullis: There is no cloud named 'demo': no clouds.yaml was found")
                .contains(home.resolve(".config/openstack").toString(), "(~ is " + home + ", from $HOME)")
                .doesNotContain(root.resolve("account").toString());
        assertThat(home.resolve(".java/.userPrefs")).as("the preferences are under $HOME").isDirectory();
        assertThat(root.resolve("account/.java")).doesNotExist();
    }

    @Test
    void aCloudInTheCloudsYamlOfHomeIsFound() throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        Path clouds = Files.createDirectories(home.resolve(".config/openstack")).resolve("clouds.yaml");
        Files.writeString(clouds, "clouds:\n  demo:\n    auth_type: none\n    auth:\n      endpoint: http://127.0.0.1:9/\n");

        Result r = console(home, "--cloud", "demo");

        assertThat(r.err()).as("the cloud is found; only the display is missing")
                .doesNotContain("no cloud", "There is no cloud").contains("graphical desktop");
        assertThat(r.exit()).isEqualTo(2);
    }
}
