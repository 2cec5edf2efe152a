package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.files.ReviewSettingsFile;
import dev.portcullis.files.SourceLocations;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.review.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code portcullis lint SOURCE}: the offline review of a project's groups, for people or programs, with
 * an exit code a pipeline can act on.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Review the security groups of a source (a definition file, Terraform, Heat, Ansible), "
                + "cloud:NAME or the workspace: what is open to the world, shadowed, duplicated, unused or untidy, "
                + "and every part of the source that could not be read.",
            "Exit 0 when no finding is at or above --fail-on, 1 when one is, 2 when the source or the settings "
                + "cannot be used."})
final class LintCommand implements Callable<Integer> {

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @Spec
    CommandSpec spec;

    @ParentCommand
    PortcullisCommand parent;

    @Parameters(paramLabel = "SOURCE", description = "A source file or folder, cloud:NAME (from clouds.yaml) or workspace.")
    String source;

    @Mixin
    LintFormat output;

    @Mixin
    SourceOptions sourceOptions;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low", converter = SeverityConverter.class,
            description = "Exit 1 when a finding is this serious or more: critical, high, medium, low or info. "
                    + "Default: ${DEFAULT-VALUE} (every finding but the informational ones).")
    Severity failOn;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "A JSON settings file: {\"disabled\": [check ids], \"adminPorts\": [...], ...}. "
                    + "Default: $XDG_CONFIG_HOME/portcullis/review.json (else ~/.config/portcullis/review.json) if it exists.")
    Path settingsFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReviewSettings settings;
        try {
            settings = settingsFile != null ? ReviewSettingsSource.read(settingsFile) : ReviewSettingsSource.forUser();
        } catch (ReviewSettingsSource.SettingsException e) {
            e.problems().forEach(problem -> err.println("portcullis lint: " + problem));
            err.flush();
            return PortcullisCommand.EXIT_UNUSABLE;
        }
        Sources.Reading reading;
        try {
            reading = Sources.forUser(parent == null ? null : parent.workspace, sourceOptions.read()).reading(source);
        } catch (Sources.SourceException e) {
            err.println("portcullis lint: " + SafeText.message(e.getMessage()));
            err.flush();
            return PortcullisCommand.EXIT_UNUSABLE;
        }
        Snapshot snapshot = reading.snapshot();
        List<Finding> findings = Review.of(snapshot.groups(), snapshot.ports(), snapshot.gaps(),
                snapshot.addressGroups(), settings);
        boolean failed = findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
        PrintWriter out = spec.commandLine().getOut();
        switch (output.format) {
            case json -> json(snapshot, findings, failed, out);
            case sarif -> SarifReport.write(findings, places(reading), Path.of(""), failed, out);
            case junit -> JUnitReport.write(source, snapshot.groups(), findings, failOn, places(reading), Path.of(""),
                    out);
            case text -> text(snapshot, findings, out);
        }
        out.flush();
        return failed ? PortcullisCommand.EXIT_FINDINGS : PortcullisCommand.EXIT_OK;
    }

    /** Where the findings are in the source: the lines of a file; a cloud or the workspace has none. */
    private Function<Finding, Optional<SourceLocations.Location>> places(Sources.Reading reading) {
        return reading.report() == null ? FindingLocations.none()
                : FindingLocations.of(reading.reviewable(), reading.report().locations(), Path.of(source));
    }

    static ReviewSettings apply(ReviewSettings defaults, ReviewSettingsFile.Values values) {
        ReviewSettings s = defaults;
        if (values.disabled() != null) {
            s = s.withDisabled(values.disabled());
        }
        if (values.adminPorts() != null) {
            s = s.withAdminPorts(values.adminPorts());
        }
        if (values.databasePorts() != null) {
            s = s.withDatabasePorts(values.databasePorts());
        }
        if (values.highRiskPorts() != null) {
            s = s.withHighRiskPorts(values.highRiskPorts());
        }
        if (values.publicServicePorts() != null) {
            s = s.withPublicServicePorts(values.publicServicePorts());
        }
        Map<String, Integer> n = values.numbers();
        s = s.withRuleQuota(n.getOrDefault("ruleQuota", s.ruleQuota()),
                n.getOrDefault("quotaWarningPercent", s.quotaWarningPercent()));
        s = s.withMaxRulesPerDirection(n.getOrDefault("maxRulesPerDirection", s.maxRulesPerDirection()));
        s = s.withWidePortRange(n.getOrDefault("widePortRange", s.widePortRange()));
        return s.withWidePrefixes(n.getOrDefault("widePrefixV4", s.widePrefixV4()),
                n.getOrDefault("widePrefixV6", s.widePrefixV6()));
    }

    private void text(Snapshot snapshot, List<Finding> findings, PrintWriter out) {
        int rules = snapshot.groups().stream().mapToInt(g -> g.rules().size()).sum();
        String checked = snapshot.groups().size() + (snapshot.groups().size() == 1 ? " group, " : " groups, ")
                + rules + (rules == 1 ? " rule" : " rules");
        if (findings.isEmpty()) {
            out.println(SafeText.line(source) + ": no findings (" + checked + ")");
            return;
        }
        String counts = Arrays.stream(Severity.values())
                .map(s -> Map.entry(s, findings.stream().filter(f -> f.severity() == s).count()))
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        out.println(SafeText.line(source) + ": " + findings.size() + (findings.size() == 1 ? " finding" : " findings")
                + " (" + counts + "; " + checked + ")");
        Map<String, List<Finding>> byGroup = findings.stream().collect(Collectors.groupingBy(
                f -> Objects.toString(f.groupId(), ""), LinkedHashMap::new, Collectors.toList()));
        byGroup.forEach((id, list) -> {
            Finding first = list.get(0);
            out.println();
            String shown = DraftIds.shown(id);
            out.println(id.isEmpty() ? "project" : "group " + SafeText.line(first.groupName().isEmpty() ? shown
                    : DraftIds.isDraft(id) ? first.groupName() : first.groupName() + " (" + id + ")"));
            for (Finding f : list) {
                out.println("  " + f.severity().label().toUpperCase(Locale.ROOT) + " [" + f.check() + "]"
                        + (f.rule() == null ? "" : " " + SafeText.line(f.rule()))
                        + (f.ruleId() == null || DraftIds.isDraft(f.ruleId()) ? ""
                        : " (rule " + SafeText.line(f.ruleId()) + ")"));
                out.println("    " + SafeText.line(f.explanation()));
                out.println("    fix: " + SafeText.line(f.fix()));
            }
        });
    }

    /** Streams the answer, so a large project needs no second copy of its findings in memory as output. */
    private void json(Snapshot snapshot, List<Finding> findings, boolean failed, PrintWriter out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeStringField("fail_on", failOn.label());
            g.writeBooleanField("failed", failed);
            g.writeNumberField("groups", snapshot.groups().size());
            g.writeNumberField("rules", snapshot.groups().stream().mapToInt(group -> group.rules().size()).sum());
            g.writeObjectFieldStart("counts");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.label(), findings.stream().filter(f -> f.severity() == s).count());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("check", f.check());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("group_id", f.groupId());
                g.writeStringField("group_name", f.groupName());
                g.writeStringField("rule_id", f.ruleId());
                g.writeStringField("rule", f.rule());
                g.writeStringField("explanation", f.explanation());
                g.writeStringField("fix", f.fix());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                    + "' is not a severity; use critical, high, medium, low or info"));
        }
    }
}
