package dev.portcullis.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option of the commands that print for people or programs. */
final class TextOrJson {

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people) or json (for programs). Default: ${DEFAULT-VALUE}.")
    Format format;

    boolean json() {
        return format == Format.json;
    }
}
