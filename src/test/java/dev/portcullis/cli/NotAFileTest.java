package dev.portcullis.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.portcullis.cli.CheckCommandTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A named pipe with no writer, a device and a socket are refused at once by every command that reads a
 * file, in words, before anything opens them (opening such a pipe waits forever). The bound below only
 * stops a hang from hanging the build; it asserts no timing.
 */
class NotAFileTest {

    private static final Duration HANG = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void streams() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        return assertTimeoutPreemptively(HANG, () -> PortcullisCommand.commandLine(o -> { },
                new PrintWriter(out), new PrintWriter(err)).execute(args));
    }

    private Path fifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("groups.json");
        Process made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not installed");
            throw e;
        }
        assertThat(made.waitFor()).isZero();
        return fifo;
    }

    private List<String[]> everyCommand(String file) {
        String other = resource("project.json");
        return List.of(new String[] {"validate", file}, new String[] {"lint", file},
                new String[] {"diff", file, other}, new String[] {"diff", other, file},
                new String[] {"export", file}, new String[] {"check", file, "--group", "web", "--direction", "ingress", "--protocol", "tcp", "--port", "22", "--remote", "203.0.113.1"},
                new String[] {"plan", file, "--workspace", dir.resolve("workspace.json").toString()});
    }

    private void refusedByEveryCommand(Path path, String kind) {
        for (String[] args : everyCommand(path.toString())) {
            streams();
            int exit = run(args);
            assertThat(exit).as(String.join(" ", args)).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
            assertThat(out.toString() + err).as(String.join(" ", args))
                    .contains(path + " is " + kind).contains("not a file: give the path of");
        }
    }

    @Test
    void aNamedPipeWithNoWriterIsRefusedAtOnce() throws Exception {
        refusedByEveryCommand(fifo(), "a pipe");
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedAtOnce() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        refusedByEveryCommand(zero, "a device");
    }

    @Test
    void aSocketIsRefused() throws IOException {
        Path socket = dir.resolve("groups.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            refusedByEveryCommand(socket, "a socket");
        }
    }

    @Test
    void aLintSettingsFileThatIsAPipeIsRefused() throws Exception {
        Path fifo = fifo();
        int exit = run("lint", resource("project.json"), "--settings", fifo.toString());
        assertThat(exit).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
        assertThat(err.toString()).contains(fifo + " is a pipe, not a file: give the path of a review settings file");
    }
}
