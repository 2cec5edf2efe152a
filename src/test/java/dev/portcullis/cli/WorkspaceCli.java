package dev.portcullis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line run on a fresh local workspace in a test's folder: the workspace (its sample groups) and
 * {@code seed.json}, those groups exported as a definition file; each {@link #run} keeps what it printed.
 */
final class WorkspaceCli {

    final Path workspace;
    final Path seed;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    WorkspaceCli(Path dir) {
        workspace = dir.resolve("workspace.json");
        seed = dir.resolve("seed.json");
        assertThat(run("--workspace", workspace.toString(), "export", "workspace", "-o", seed.toString())).isZero();
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    /** What the last run printed on standard output. */
    String out() {
        return out.toString();
    }

    /** What the last run printed on standard error. */
    String err() {
        return err.toString();
    }
}
