package dev.portcullis.cli;

import java.nio.file.Path;

/** What the console is to open, from the command line: a workspace file (or the default one). */
public record ConsoleOptions(Path workspace) {
}
