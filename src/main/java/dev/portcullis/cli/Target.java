package dev.portcullis.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The project {@code plan} and {@code apply} work on: a cloud of clouds.yaml, or a workspace file. */
final class Target {

    @Option(names = "--cloud", paramLabel = "NAME", required = true,
            description = "The cloud (its name in clouds.yaml).")
    String cloud;

    @Option(names = "--workspace", paramLabel = "FILE", required = true,
            description = "A local workspace file instead of a cloud.")
    Path workspace;

    /** The source name for {@link Sources}: {@code cloud:NAME} or the workspace file. */
    String source() {
        return cloud != null ? "cloud:" + cloud : workspace.toString();
    }

    String describe() {
        return cloud != null ? "cloud " + cloud : "workspace " + workspace;
    }
}
