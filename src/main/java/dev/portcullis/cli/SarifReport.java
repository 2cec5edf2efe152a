package dev.portcullis.cli;

import dev.portcullis.backend.Version;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.files.SourceLocations.Location;
import dev.portcullis.review.Check;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A review as SARIF 2.1.0, for GitHub code scanning and the other readers of static analysis results: one
 * run, a rule per check with what it means and how to fix it, and a result per finding at the line of the
 * rule or group it concerns (where the source is a file), with a fingerprint that stays the same from run
 * to run for the same check, group and rule, so a pipeline does not see one problem as new every time.
 */
final class SarifReport {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The base the file references are relative to: the folder lint ran in (GitHub's checkout). */
    static final String SRCROOT = "%SRCROOT%";
    /** The key of our fingerprint in {@code partialFingerprints}; a new version if what it hashes changes. */
    static final String FINGERPRINT = "portcullisFinding/v1";

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private SarifReport() {
    }

    /**
     * Writes the review of {@code source}.
     *
     * @param findings what the review found
     * @param where    the file and line of a finding, or empty for a source that is no file (then the result
     *                 has only its logical location: the group and rule)
     * @param base     the folder file references are relative to, when below it (the current directory)
     * @param failed   whether a finding was at or above {@code --fail-on}: the exit code in the invocation
     */
    static void write(List<Finding> findings, Function<Finding, Optional<Location>> where, Path base,
                      boolean failed, Writer out) {
        List<String> checks = CheckHelp.ids();
        java.util.Map<String, Integer> ruleIndex = new java.util.HashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            ruleIndex.put(checks.get(i), i);
        }
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "Portcullis");
            g.writeStringField("version", Version.current());
            g.writeArrayFieldStart("rules");
            for (String check : checks) {
                rule(g, check);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart(SRCROOT);
            String root = base.toAbsolutePath().normalize().toUri().toASCIIString();
            // SARIF wants a base URI to end with a slash; toUri() adds one only for a folder that exists.
            g.writeStringField("uri", root.endsWith("/") ? root : root + "/");
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("invocations");
            g.writeStartObject();
            g.writeBooleanField("executionSuccessful", true);
            g.writeNumberField("exitCode", failed ? PortcullisCommand.EXIT_FINDINGS : PortcullisCommand.EXIT_OK);
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("results");
            for (Finding f : findings) {
                result(g, f, ruleIndex.getOrDefault(f.check(), -1), where.apply(f), base);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rule(JsonGenerator g, String check) throws IOException {
        CheckHelp.Help help = CheckHelp.of(check);
        Severity severity = Check.byId(check).map(Check::severity).orElse(Severity.MEDIUM);
        g.writeStartObject();
        g.writeStringField("id", check);
        g.writeStringField("name", CheckHelp.name(check));
        text(g, "shortDescription", help.summary());
        text(g, "fullDescription", help.description());
        text(g, "help", help.description() + " Fix: " + help.fix());
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(severity));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        Optional<String> score = securitySeverity(severity);
        if (score.isPresent()) {
            g.writeStringField("security-severity", score.get());
        }
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Finding f, int ruleIndex, Optional<Location> at, Path base)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.check());
        if (ruleIndex >= 0) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", level(f.severity()));
        text(g, "message", f.explanation() + " Fix: " + f.fix());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        if (at.isPresent() && at.get().file() != null) {
            Path file = at.get().file();
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", FindingLocations.uri(file, base));
            if (FindingLocations.isRelative(file, base)) {
                g.writeStringField("uriBaseId", SRCROOT);
            }
            g.writeEndObject();
            if (at.get().line() >= 1) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", at.get().line());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("logicalLocations");
        logical(g, f);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, fingerprint(f));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", f.severity().label());
        if (f.groupId() != null) {
            g.writeStringField("groupId", f.groupId());
        }
        if (f.ruleId() != null) {
            g.writeStringField("ruleId", f.ruleId());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The group, or the rule within its group, or the project: where the finding is in the definitions. */
    private static void logical(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        if (f.groupId() == null) {
            g.writeStringField("name", "project");
            g.writeStringField("kind", "module");
        } else {
            String group = groupLabel(f);
            String rule = f.rule() != null ? f.rule() : f.ruleId() != null ? "rule " + DraftIds.shown(f.ruleId()) : null;
            g.writeStringField("name", rule != null ? rule : group);
            g.writeStringField("fullyQualifiedName", rule != null ? group + " / " + rule : group);
            g.writeStringField("kind", rule != null ? "member" : "type");
        }
        g.writeEndObject();
    }

    /** A group's name, else its id as a person reads it. */
    static String groupLabel(Finding f) {
        return f.groupName() != null && !f.groupName().isEmpty() ? f.groupName() : DraftIds.shown(f.groupId());
    }

    private static void text(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    /** SARIF's level: what blocks (error), what should be looked at (warning), what is worth knowing (note). */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning's score (0.1-10) for a check's severity; none for information. */
    static Optional<String> securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Optional.of("9.5");
            case HIGH -> Optional.of("8.0");
            case MEDIUM -> Optional.of("5.5");
            case LOW -> Optional.of("3.0");
            case INFO -> Optional.empty();
        };
    }

    /** The same for the same check, group and rule in every run; the hash keeps ids out of the key's form. */
    static String fingerprint(Finding f) {
        String key = f.check() + "\n" + Objects.toString(f.groupId(), "") + "\n" + Objects.toString(f.ruleId(), "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
