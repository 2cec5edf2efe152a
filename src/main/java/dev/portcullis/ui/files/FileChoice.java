package dev.portcullis.ui.files;

import dev.portcullis.backend.definitions.DefinitionFiles;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a file; the console uses the system's file chooser, tests answer at once. */
public interface FileChoice {

    /** A file to read; empty when the user cancelled. */
    Optional<Path> open(String title);

    /** A folder to read (a Terraform module: all its {@code .tf} files); empty when the user cancelled. */
    Optional<Path> openFolder(String title);

    /** A file to write and its format (from the chosen filter, else the name); empty when cancelled. */
    Optional<Choice> save(String title, String initialName);

    /** Where to write and as what. */
    record Choice(Path file, DefinitionFiles.Format format) {
    }
}
