package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import dev.portcullis.backend.Backend;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code portcullis plan FILE --cloud NAME}: what {@code apply} would change in the project to make its
 * groups what the file says, group by group, in words. Changes nothing.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what it takes to make a project's groups what a definition file (or a .tf file) "
                + "says: groups to create, groups to rename, rules to add and to remove. Changes nothing.",
            "A group of the file is the project's group with the same id, else the one with the same name, else "
                + "a new group. Groups only in the project are left as they are. A group whose name the project "
                + "(or the file) has more than once, and that the file gives no id of the project's, is refused.",
            "Exit 0 when there is nothing to do, 1 when there are changes, 2 when the file or the project "
                + "cannot be read or a group is refused."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PlanInput input;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DefinitionReport report = input.report();
        try (Backend backend = input.open()) {
            ProjectChanges planned = input.changes(report, backend);
            int changes = print(planned, input.target(), out);
            out.flush();
            if (refused(planned, spec.commandLine().getErr())) {
                return PortcullisCommand.EXIT_UNUSABLE;
            }
            return changes == 0 ? PortcullisCommand.EXIT_OK : PortcullisCommand.EXIT_FINDINGS;
        }
    }

    /** Tags as the plan prints them: as Neutron keeps them, or "none". */
    static String tags(java.util.List<String> tags) {
        return tags.isEmpty() ? "none" : SafeText.line(String.join(", ", dev.portcullis.domain.Tags.normalized(tags)));
    }

    /** Prints the plan; answers how many groups it changes or creates. */
    static int print(ProjectChanges changes, String target, PrintWriter out) {
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (FileAddressGroups.Change a : changes.addressGroups().changes()) {
            if (a.isNew()) {
                created++;
            } else {
                changed++;
            }
            addressGroup(a, out);
        }
        for (ProjectChanges.Change c : changes.changes()) {
            String name = SafeText.line(c.wanted().name());
            if (c.isNew()) {
                created++;
                out.println("Group " + name + ": create, with " + c.wanted().rules().size()
                        + (c.wanted().rules().size() == 1 ? " rule" : " rules"));
                changes.newRules(c).forEach(r -> ChangeText.rule(out, "  + add ", r, changes.groupNames()));
                if (c.wanted().tags() != null && !c.wanted().tags().isEmpty()) {
                    out.println("  ~ tags: " + tags(c.wanted().tags()));
                }
                continue;
            }
            ChangePlan plan = changes.plan(c);
            SecurityGroup current = c.current();
            boolean retag = c.wanted().changesTags(current);
            if (plan.isEmpty() && !retag) {
                unchanged++;
                continue;
            }
            changed++;
            out.println("Group " + SafeText.line(current.name()) + " (" + current.id() + "): change");
            plan.operations().forEach(op -> ChangeText.operation(out, "  ", op, changes.groupNames()));
            if (retag) {
                out.println("  ~ tags: " + tags(current.tags()) + " -> " + tags(c.wanted().tags()));
            }
        }
        changes.refused().forEach(r -> out.println((r.name().startsWith("Address group ") ? "" : "Group ")
                + SafeText.line(r.name()) + " (" + SafeText.line(r.where()) + "): REFUSED: "
                + SafeText.message(r.reason())));
        if (!changes.wholeProject()) {
            out.println("Groups the file does not name were not read: they are left as they are.");
        } else if (!changes.untouched().isEmpty()) {
            out.println("Left as they are (in the project, not in the file): " + changes.untouched().size()
                    + (changes.untouched().size() == 1 ? " group" : " groups"));
        }
        String refused = changes.refused().isEmpty() ? "" : ", " + changes.refused().size() + " refused";
        out.println(created + changed == 0 && refused.isEmpty()
                ? "Nothing to do: " + target + " already has the groups of the file (" + unchanged + " unchanged)."
                : "Plan for " + target + ": " + created + " to create, " + changed + " to change, " + unchanged
                        + " unchanged" + refused + ".");
        return created + changed;
    }

    /** An address group to create or change, with the addresses it gains and loses. */
    private static void addressGroup(FileAddressGroups.Change a, PrintWriter out) {
        String name = SafeText.line(a.wanted().name());
        int count = a.wanted().addresses().size();
        out.println(a.isNew() ? "Address group " + name + ": create, with " + count + (count == 1 ? " address" : " addresses")
                : "Address group " + SafeText.line(a.current().label()) + " (" + a.current().id() + "): change");
        if (!a.isNew() && !a.current().name().equals(a.wanted().name())) {
            out.println("  ~ name: " + SafeText.line(a.current().name()) + " -> " + name);
        }
        if (!a.isNew() && !a.current().description().equals(a.wanted().description())) {
            out.println("  ~ description: \"" + SafeText.line(a.wanted().description()) + "\"");
        }
        a.added().forEach(x -> out.println("  + address " + x));
        a.removed().forEach(x -> out.println("  - address " + x));
    }

    /** Says on {@code err} that groups were refused, if any were; answers whether any were. */
    static boolean refused(ProjectChanges changes, PrintWriter err) {
        int refused = changes.refused().size();
        if (refused > 0) {
            err.println("portcullis: " + refused + (refused == 1 ? " group" : " groups") + " of the file cannot be"
                    + " paired with the project's (see REFUSED above): nothing may be applied until the file says"
                    + " which group each one is.");
            err.flush();
        }
        return refused > 0;
    }
}
