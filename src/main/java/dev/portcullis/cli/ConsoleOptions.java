package dev.portcullis.cli;

import java.nio.file.Path;

/**
 * What the console is to open, from the command line: a workspace file (or the default one), the cloud to
 * show first (null: the place shown last), and a definition file to open read-only as File > Open does
 * (null: none; given, it is shown first). The desktop entry passes the file a user opened with Portcullis.
 */
public record ConsoleOptions(Path workspace, String cloud, Path file) {

    /** The workspace, and the place shown last. */
    public ConsoleOptions(Path workspace) {
        this(workspace, null, null);
    }

    /** The workspace, and a cloud shown first (null: the place shown last). */
    public ConsoleOptions(Path workspace, String cloud) {
        this(workspace, cloud, null);
    }
}
