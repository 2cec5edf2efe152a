package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;
import dev.portcullis.files.NeutronJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code portcullis validate FILE}: checks a definition file the way Neutron would check it, and says
 * for every group and rule whether it is valid, what is wrong with it, and how Neutron would store it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a source (a definition file, openstack -f json output, Terraform file or module "
                + "folder, Heat template, Ansible playbook) exactly as Neutron would.",
            "Exit 0 when every group and rule is valid, 1 when any is not, 2 when the file cannot be read as "
                + "definitions."})
final class ValidateCommand implements Callable<Integer> {

    /** JSON output is plain ASCII (other characters escaped), so no terminal or locale can garble it. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The source file or Terraform module folder.")
    Path file;

    @Mixin
    TextOrJson output;

    @Mixin
    SourceOptions sourceOptions;

    @Override
    public Integer call() {
        DefinitionReport report = new dev.portcullis.files.SourceReader(sourceOptions.read()).read(file);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            json(report, out);
        } else {
            text(report, out);
        }
        out.flush();
        if (report.unusable()) {
            return PortcullisCommand.EXIT_UNUSABLE;
        }
        return report.valid() ? PortcullisCommand.EXIT_OK : PortcullisCommand.EXIT_FINDINGS;
    }

    private void text(DefinitionReport report, PrintWriter out) {
        int problems = report.allProblems().size();
        int rules = report.groups().stream().mapToInt(g -> g.rules().size()).sum();
        String counts = report.groups().size() + (report.groups().size() == 1 ? " group, " : " groups, ")
                + rules + (rules == 1 ? " rule" : " rules")
                + (report.ports().isEmpty() ? "" : ", " + report.ports().size()
                        + (report.ports().size() == 1 ? " interface" : " interfaces"));
        String name = SafeText.line(file.toString());
        if (report.unusable()) {
            out.println(name + ": cannot be read as security group definitions");
        } else if (problems == 0) {
            out.println(name + ": valid (" + counts + ")");
        } else {
            out.println(name + ": " + problems + (problems == 1 ? " problem" : " problems") + " (" + counts + ")");
        }
        report.fileProblems().forEach(p -> print(out, p, ""));
        for (GroupReport g : report.groups()) {
            String where = " (group " + SafeText.line(g.label()) + ")";
            g.problems().forEach(p -> print(out, p, where));
            g.rules().forEach(r -> r.problems().forEach(p -> print(out, p, where)));
        }
        report.portProblems().forEach(p -> print(out, p, ""));
        for (Problem n : report.notices()) {
            out.println();
            out.println("  note: " + SafeText.line(n.field()) + ": " + SafeText.message(n.message()));
        }
    }

    private static void print(PrintWriter out, Problem p, String where) {
        out.println();
        out.println("  " + (p.field().isEmpty() ? "(file)" : SafeText.line(p.field())) + where + "  [" + p.code() + "]");
        out.println("    " + SafeText.message(p.message()));
    }

    /** Streams the answer, so a large file needs no second copy of itself in memory as output. */
    private void json(DefinitionReport report, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper(JSON);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setCodec(mapper);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file.toString());
            g.writeBooleanField("valid", report.valid());
            g.writeArrayFieldStart("errors");
            problems(g, report.fileProblems());
            problems(g, report.portProblems());
            g.writeEndArray();
            g.writeArrayFieldStart("security_groups");
            for (GroupReport group : report.groups()) {
                g.writeStartObject();
                g.writeStringField("path", group.path());
                g.writeStringField("id", group.id());
                g.writeStringField("name", group.name());
                g.writeBooleanField("valid", group.valid());
                g.writeArrayFieldStart("errors");
                problems(g, group.problems());
                g.writeEndArray();
                g.writeArrayFieldStart("security_group_rules");
                for (RuleReport r : group.rules()) {
                    g.writeStartObject();
                    g.writeStringField("path", r.path());
                    g.writeStringField("id", r.id());
                    g.writeBooleanField("valid", r.valid());
                    g.writeArrayFieldStart("errors");
                    problems(g, r.problems());
                    g.writeEndArray();
                    if (r.valid()) {
                        g.writeObjectField("normalized", NeutronJson.normalizedRule(r.rule()));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notices");
            problems(g, report.notices());
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void problems(JsonGenerator g, List<Problem> problems) throws IOException {
        for (Problem p : problems) {
            g.writeStartObject();
            g.writeStringField("code", p.code());
            g.writeStringField("field", p.field());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
    }
}
