package dev.portcullis.cli;

import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.SourceLocations;
import dev.portcullis.files.SourceLocations.Location;
import dev.portcullis.review.Check;
import dev.portcullis.review.Finding;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the findings of a review were written in its source: what the pipeline reports ({@link SarifReport},
 * {@link JUnitReport}) point at. A source that is no file (a cloud, the workspace) has no places.
 */
final class FindingLocations {

    private FindingLocations() {
    }

    /** For a source that is not a file: no finding has a place in a file. */
    static Function<Finding, Optional<Location>> none() {
        return f -> Optional.empty();
    }

    /**
     * The places of a report's findings: the line of the rule a finding concerns, else of its group, else
     * (a finding about the source as a whole) the file's first line; locations without a file (read from
     * bytes) are in {@code file}.
     */
    static Function<Finding, Optional<Location>> of(DefinitionReport.Reviewable reviewable, SourceLocations where,
                                                    Path file) {
        return f -> {
            Optional<Location> named = named(f, file);
            if (named.isPresent()) {
                return named;
            }
            Optional<Location> at = reviewable.path(f.ruleId()).flatMap(where::of);
            if (at.isEmpty()) {
                at = reviewable.path(f.groupId()).flatMap(where::of);
            }
            return Optional.of(at.map(l -> l.file() == null ? new Location(file, l.line()) : l)
                    .orElseGet(() -> new Location(file, 1)));
        };
    }

    private static final java.util.regex.Pattern FILE_LINE = java.util.regex.Pattern.compile("^([^\\s:]+):(\\d+) ");
    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("\\(line (\\d+)\\)");

    /**
     * The place a finding about a part that could not be read names itself: its problem says
     * {@code main.tf:27 …} (Terraform, a file of the source folder) or {@code … (line 31)} (Heat, Ansible),
     * which is where the part is, even when it belongs to no group or rule that was read.
     */
    private static Optional<Location> named(Finding f, Path source) {
        if (!f.check().equals(Check.INVALID_DEFINITION.id()) && !f.check().equals(Check.NOT_REVIEWED.id())) {
            return Optional.empty();
        }
        java.util.regex.Matcher fileLine = FILE_LINE.matcher(f.explanation());
        if (fileLine.find()) {
            Path named = java.nio.file.Files.isDirectory(source) ? source.resolve(fileLine.group(1)) : source;
            if (named.getFileName() != null && named.getFileName().toString().equals(
                    Path.of(fileLine.group(1)).getFileName().toString())) {
                return Optional.of(new Location(named, Integer.parseInt(fileLine.group(2))));
            }
        }
        java.util.regex.Matcher line = LINE.matcher(f.explanation());
        if (line.find() && !java.nio.file.Files.isDirectory(source)) {
            return Optional.of(new Location(source, Integer.parseInt(line.group(1))));
        }
        return Optional.empty();
    }

    /** A file as a URI reference: relative (with forward slashes) when it is below {@code base}, else absolute. */
    static String uri(Path file, Path base) {
        Optional<Path> relative = relative(file, base);
        if (relative.isEmpty()) {
            return file.toAbsolutePath().normalize().toUri().toASCIIString();
        }
        StringBuilder path = new StringBuilder();
        for (Path name : relative.get()) {
            path.append(path.length() == 0 ? "" : "/").append(name);
        }
        // A first segment with a colon would read as a scheme.
        String first = relative.get().getName(0).toString();
        try {
            return new URI(null, null, (first.contains(":") ? "./" : "") + path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** True when {@link #uri} answers a reference relative to {@code base}. */
    static boolean isRelative(Path file, Path base) {
        return relative(file, base).isPresent();
    }

    /** The file as a person reads it in a report: relative to {@code base} when below it. */
    static String shown(Path file, Path base) {
        return relative(file, base).map(Path::toString).orElseGet(() -> file.toAbsolutePath().normalize().toString());
    }

    private static Optional<Path> relative(Path file, Path base) {
        Path f = file.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return f.startsWith(b) && !f.equals(b) ? Optional.of(b.relativize(f)) : Optional.empty();
    }
}
