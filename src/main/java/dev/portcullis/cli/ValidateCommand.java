package dev.portcullis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;
import dev.portcullis.files.NeutronJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        description = {"Check a definition file (Neutron's GET /v2.0/security-groups answer, or one Portcullis "
                + "wrote) exactly as Neutron would.",
            "Exit 0 when every group and rule is valid, 1 when any is not, 2 when the file cannot be read as "
                + "definitions."})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The definition file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people) or json (for programs). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        DefinitionReport report = new DefinitionReader().read(file);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(report));
        } else {
            text(report, out);
        }
        out.flush();
        if (!report.fileProblems().isEmpty()) {
            return PortcullisCommand.EXIT_UNUSABLE;
        }
        return report.valid() ? PortcullisCommand.EXIT_OK : PortcullisCommand.EXIT_FINDINGS;
    }

    private void text(DefinitionReport report, PrintWriter out) {
        List<Problem> problems = report.allProblems();
        int rules = report.groups().stream().mapToInt(g -> g.rules().size()).sum();
        String counts = report.groups().size() + (report.groups().size() == 1 ? " group, " : " groups, ")
                + rules + (rules == 1 ? " rule" : " rules")
                + (report.ports().isEmpty() ? "" : ", " + report.ports().size() + " interfaces");
        if (!report.fileProblems().isEmpty()) {
            out.println(file + ": cannot be read as security group definitions");
        } else if (problems.isEmpty()) {
            out.println(file + ": valid (" + counts + ")");
        } else {
            out.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " (" + counts + ")");
        }
        for (Problem p : problems) {
            out.println();
            out.println("  " + (p.field().isEmpty() ? "(file)" : p.field()) + where(report, p) + "  [" + p.code() + "]");
            out.println("    " + p.message());
        }
        for (Problem n : report.notices()) {
            out.println();
            out.println("  note: " + n.field() + ": " + n.message());
        }
    }

    /** " in group web" for a problem inside a named group, so people need not count array indexes. */
    private static String where(DefinitionReport report, Problem p) {
        for (GroupReport g : report.groups()) {
            if (p.field().startsWith(g.path() + ".") || p.field().equals(g.path())) {
                return " (group " + g.label() + ")";
            }
        }
        return "";
    }

    private String json(DefinitionReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file.toString());
        root.put("valid", report.valid());
        ArrayNode errors = root.putArray("errors");
        report.fileProblems().forEach(p -> errors.add(problem(mapper, p)));
        report.portProblems().forEach(p -> errors.add(problem(mapper, p)));
        ArrayNode groups = root.putArray("security_groups");
        for (GroupReport g : report.groups()) {
            ObjectNode go = groups.addObject();
            go.put("path", g.path());
            go.put("id", g.id());
            go.put("name", g.name());
            go.put("valid", g.valid());
            ArrayNode ge = go.putArray("errors");
            g.problems().forEach(p -> ge.add(problem(mapper, p)));
            ArrayNode rules = go.putArray("security_group_rules");
            for (RuleReport r : g.rules()) {
                ObjectNode ro = rules.addObject();
                ro.put("path", r.path());
                ro.put("id", r.id());
                ro.put("valid", r.valid());
                ArrayNode re = ro.putArray("errors");
                r.problems().forEach(p -> re.add(problem(mapper, p)));
                if (r.valid()) {
                    ro.set("normalized", NeutronJson.normalizedRule(r.rule()));
                }
            }
        }
        ArrayNode notices = root.putArray("notices");
        report.notices().forEach(p -> notices.add(problem(mapper, p)));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode problem(ObjectMapper mapper, Problem p) {
        ObjectNode o = mapper.createObjectNode();
        o.put("code", p.code());
        o.put("field", p.field());
        o.put("message", p.message());
        return o;
    }
}
