package dev.portcullis.cli;

import java.nio.file.Path;

/**
 * What the console is to open, from the command line: a workspace file (or the default one), and the
 * cloud to show first (null: the place shown last).
 */
public record ConsoleOptions(Path workspace, String cloud) {

    /** The workspace, and the place shown last. */
    public ConsoleOptions(Path workspace) {
        this(workspace, null);
    }
}
