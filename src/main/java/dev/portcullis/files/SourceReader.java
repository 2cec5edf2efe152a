package dev.portcullis.files;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way every command and the console read a source file or folder: the format is told by the
 * name and the content, and each format's reader answers the same {@link DefinitionReport}, so that
 * validate, lint, check, diff, export, plan and the console see the same groups and rules.
 */
public final class SourceReader {

    private final ReadOptions options;

    public SourceReader(ReadOptions options) {
        this.options = options;
    }

    public SourceReader() {
        this(ReadOptions.NONE);
    }

    /** Reads a definition file, the OpenStack CLI's JSON, or Terraform (a {@code .tf} file or a module folder). */
    public DefinitionReport read(Path source) {
        if (Files.isDirectory(source) || source.getFileName() != null
                && source.getFileName().toString().endsWith(".tf")) {
            return new TerraformReader().read(source, options);
        }
        return new DefinitionReader().read(source);
    }

    public ReadOptions options() {
        return options;
    }
}
