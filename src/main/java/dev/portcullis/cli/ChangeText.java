package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Rule;

import java.io.PrintWriter;
import java.util.function.Function;

/** Plan operations in words: {@code + add} and {@code - remove} lines under a group's heading. */
final class ChangeText {

    private ChangeText() {
    }

    static void operation(PrintWriter out, String indent, ChangePlan.Operation op, Function<String, String> names) {
        if (op instanceof ChangePlan.CreateRules create) {
            create.rules().forEach(r -> rule(out, indent + "+ add ", r, names));
        } else if (op instanceof ChangePlan.DeleteRule delete) {
            rule(out, indent + "- remove ", delete.rule(), names);
        } else {
            out.println(indent + "~ " + SafeText.line(op.describe(names)));
        }
    }

    static void rule(PrintWriter out, String prefix, Rule r, Function<String, String> names) {
        String description = r.description() == null || r.description().isEmpty() ? ""
                : "  \"" + r.description() + "\"";
        out.println(prefix + SafeText.line(r.summary(names) + description));
    }
}
