package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.NeutronJson;
import dev.portcullis.review.Comparison;
import dev.portcullis.review.ComparisonGroup;
import dev.portcullis.review.ComparisonGroup.FieldChange;
import dev.portcullis.review.ComparisonGroup.Redescribed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code portcullis diff SOURCE SOURCE}: what differs between two sources, group by group, as Neutron
 * would see it (a changed description is a changed description, not a removed and an added rule).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare the security groups of two sources (a definition file, cloud:NAME or workspace), "
                + "group by group. Groups are paired by id, else by name; rules are compared as Neutron compares "
                + "them for duplicates.",
            "Exit 0 when they hold the same groups, 1 when they differ, 2 when a source cannot be read."})
final class DiffCommand implements Callable<Integer> {

    /** JSON output is plain ASCII (other characters escaped), as validate writes it. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());

    @Spec
    CommandSpec spec;

    @ParentCommand
    PortcullisCommand parent;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The first source: FILE, cloud:NAME or workspace.")
    String first;

    @Parameters(index = "1", paramLabel = "SOURCE", description = "The second source.")
    String second;

    @Mixin
    TextOrJson output;

    @Mixin
    SourceOptions sourceOptions;

    @Override
    public Integer call() {
        Sources sources = Sources.forUser(parent.workspace, sourceOptions.read());
        // the two sources are read at once, on two cores: a diff of two large files costs about one reading
        CompletableFuture<Snapshot> secondRead = CompletableFuture.supplyAsync(() -> sources.read(second),
                runnable -> {
                    Thread reader = new Thread(runnable, "diff-second-source");
                    reader.setDaemon(true);
                    reader.start();
                });
        Snapshot a = sources.read(first);
        Snapshot b;
        try {
            b = secondRead.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Comparison c = Comparison.of(a.groups(), b.groups());
        PrintWriter out = spec.commandLine().getOut();
        Function<String, String> names = names(a, b);
        if (output.json()) {
            print(out, json(c, names));
        } else {
            text(c, a.groups().size(), names, out);
        }
        out.flush();
        return c.same() ? PortcullisCommand.EXIT_OK : PortcullisCommand.EXIT_FINDINGS;
    }

    private void text(Comparison c, int groups, Function<String, String> names, PrintWriter out) {
        String one = SafeText.line(first);
        String two = SafeText.line(second);
        if (c.same()) {
            out.println(one + " and " + two + " hold the same groups (" + count(groups, "group") + ")");
            return;
        }
        out.println(one + " and " + two + " differ: " + count(c.changed().size(), "group") + " changed, "
                + c.onlyInFirst().size() + " only in " + one + ", " + c.onlyInSecond().size() + " only in " + two
                + ", " + c.unchanged() + " the same");
        for (ComparisonGroup g : c.changed()) {
            out.println();
            out.println("group " + label(g.first()) + (g.first().id().equals(g.second().id()) ? ""
                    : " / " + SafeText.line(g.second().id())));
            for (FieldChange f : g.fields()) {
                out.println("  " + f.field() + ": \"" + SafeText.line(f.first()) + "\" -> \"" + SafeText.line(f.second()) + "\"");
            }
            g.onlyInFirst().forEach(r -> out.println("  - " + SafeText.line(r.summary(names)) + described(r)));
            g.onlyInSecond().forEach(r -> out.println("  + " + SafeText.line(r.summary(names)) + described(r)));
            for (Redescribed r : g.redescribed()) {
                out.println("  ~ " + SafeText.line(r.first().summary(names)) + ": description \""
                        + SafeText.line(text(r.first().description())) + "\" -> \""
                        + SafeText.line(text(r.second().description())) + "\"");
            }
        }
        onlyIn(out, one, c.onlyInFirst());
        onlyIn(out, two, c.onlyInSecond());
    }

    private static void onlyIn(PrintWriter out, String source, List<SecurityGroup> groups) {
        if (!groups.isEmpty()) {
            out.println();
            out.println("only in " + source + ":");
            groups.forEach(g -> out.println("  group " + label(g) + ", " + count(g.rules().size(), "rule")
                    + (g.tags().isEmpty() ? "" : ", tags " + SafeText.line(String.join(", ",
                            dev.portcullis.domain.Tags.normalized(g.tags()))))));
        }
    }

    private static String described(Rule r) {
        return r.description() == null || r.description().isEmpty() ? "" : " \"" + SafeText.line(r.description()) + "\"";
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static String label(SecurityGroup g) {
        return SafeText.line(g.name()) + " (" + SafeText.line(dev.portcullis.domain.DraftIds.shown(g.id())) + ")";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private JsonNode json(Comparison c, Function<String, String> names) {
        ObjectNode root = JSON.createObjectNode();
        root.put("first", first);
        root.put("second", second);
        root.put("same", c.same());
        root.put("unchanged", c.unchanged());
        ArrayNode changed = root.putArray("changed");
        for (ComparisonGroup g : c.changed()) {
            ObjectNode group = changed.addObject();
            group.set("first", groupRef(g.first()));
            group.set("second", groupRef(g.second()));
            ArrayNode fields = group.putArray("fields");
            g.fields().forEach(f -> fields.addObject().put("field", f.field()).put("first", f.first())
                    .put("second", f.second()));
            rules(group.putArray("rules_only_in_first"), g.onlyInFirst(), names);
            rules(group.putArray("rules_only_in_second"), g.onlyInSecond(), names);
            ArrayNode redescribed = group.putArray("descriptions_changed");
            for (Redescribed r : g.redescribed()) {
                ObjectNode rule = rule(r.first(), names);
                rule.put("first_id", r.first().id());
                rule.put("second_id", r.second().id());
                rule.put("first_description", text(r.first().description()));
                rule.put("second_description", text(r.second().description()));
                redescribed.add(rule);
            }
        }
        ArrayNode onlyInFirst = root.putArray("groups_only_in_first");
        c.onlyInFirst().forEach(g -> onlyInFirst.add(groupRef(g)));
        ArrayNode onlyInSecond = root.putArray("groups_only_in_second");
        c.onlyInSecond().forEach(g -> onlyInSecond.add(groupRef(g)));
        return root;
    }

    private static ObjectNode groupRef(SecurityGroup g) {
        ObjectNode ref = JSON.createObjectNode();
        ref.put("id", g.id());
        ref.put("name", g.name());
        ref.put("rules", g.rules().size());
        return ref;
    }

    private static void rules(ArrayNode out, List<Rule> rules, Function<String, String> names) {
        rules.forEach(r -> out.add(rule(r, names)));
    }

    /** A rule for programs: its id, a summary for people, and the rule as Neutron stores it. */
    static ObjectNode rule(Rule r, Function<String, String> names) {
        ObjectNode rule = JSON.createObjectNode();
        rule.put("id", r.id());
        rule.put("summary", r.summary(names));
        rule.set("rule", NeutronJson.normalizedRule(r));
        return rule;
    }

    /**
     * The names of the groups and address groups rules name by id, {@code first}'s where both have one (an
     * address group's id never is a group's).
     */
    static Function<String, String> names(Snapshot first, Snapshot second) {
        Map<String, String> names = new HashMap<>();
        second.addressGroups().forEach(a -> names.put(a.id(), a.label()));
        first.addressGroups().forEach(a -> names.put(a.id(), a.label()));
        second.groups().forEach(g -> names.put(g.id(), g.name()));
        first.groups().forEach(g -> names.put(g.id(), g.name()));
        return names::get;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
