package dev.portcullis.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --format} option of {@code lint}: {@link TextOrJson}'s two formats and the reports pipelines
 * read. Any other value is a usage error.
 */
final class LintFormat {

    enum Format { text, json, sarif, junit }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people), json (for programs), sarif (SARIF 2.1.0, for GitHub code scanning) "
                    + "or junit (JUnit XML, for a CI system's test report). Default: ${DEFAULT-VALUE}.")
    Format format;
}
