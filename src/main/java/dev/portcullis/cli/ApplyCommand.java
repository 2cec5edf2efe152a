package dev.portcullis.cli;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code portcullis apply FILE --cloud NAME --yes}: makes the project's groups what the file says. Without
 * {@code --yes} it shows the plan and changes nothing. New groups are created first (without rules, so
 * that rules of any group can point at them), then every group's plan runs through the backend, and each
 * operation's outcome is printed. Groups only in the project are never deleted.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make a project's groups what a definition file (or a .tf file) says, after showing the "
                + "plan. Without --yes nothing is changed. Groups only in the project are never deleted.",
            "Exit 0 when everything was applied (or, without --yes, nothing is to do), 1 when something failed "
                + "(or, without --yes, there are changes not applied), 2 when the file or the project cannot be "
                + "read."})
final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PlanInput input;

    @Option(names = "--yes", description = "Apply the plan; without it, only show it.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DefinitionReport report = input.report();
        try (Backend backend = input.open()) {
            ProjectChanges changes = input.changes(report, backend);
            int planned = PlanCommand.print(changes, input.target(), out);
            if (planned == 0) {
                out.flush();
                return PortcullisCommand.EXIT_OK;
            }
            if (!yes) {
                out.println("Nothing was changed: run again with --yes to apply this plan.");
                out.flush();
                return PortcullisCommand.EXIT_FINDINGS;
            }
            out.println();
            out.println("Applying to " + input.target() + ":");
            boolean ok = apply(backend, changes, input.target(), out);
            out.println(ok ? "Done: every change was applied." : "Not everything was applied (see FAILED above).");
            out.flush();
            return ok ? PortcullisCommand.EXIT_OK : PortcullisCommand.EXIT_FINDINGS;
        }
    }

    /** Runs the plan on {@code target}, printing each operation's outcome; answers whether all of it worked. */
    static boolean apply(Backend backend, ProjectChanges changes, String target, PrintWriter out) {
        boolean ok = true;
        Map<ProjectChanges.Change, SecurityGroup> created = new HashMap<>();
        for (ProjectChanges.Change c : changes.changes()) {
            if (!c.isNew()) {
                continue;
            }
            GroupDraft empty = new GroupDraft(c.wanted().name(), c.wanted().description(), c.wanted().stateful(),
                    List.of());
            try {
                SecurityGroup group = Sources.await(target, backend.create(empty));
                changes.created(c, group);
                created.put(c, group);
                out.println("  applied: create group " + Text.safe(group.name()) + " (" + group.id() + ")");
            } catch (Sources.SourceException e) {
                ok = false;
                out.println("  FAILED: create group " + Text.safe(c.wanted().name()) + ": " + Text.safe(message(e)));
            }
        }
        for (ProjectChanges.Change c : changes.changes()) {
            SecurityGroup current = c.isNew() ? created.get(c) : c.current();
            if (current == null) {
                continue;
            }
            ChangePlan plan = changes.plan(c, current);
            if (plan.isEmpty()) {
                continue;
            }
            out.println("Group " + Text.safe(current.name()) + ":");
            try {
                ApplyReport result = Sources.await(target, backend.apply(plan));
                for (ApplyReport.Step step : result.steps()) {
                    String what = Text.safe(step.operation().describe(changes.groupNames()));
                    switch (step.outcome()) {
                        case APPLIED -> out.println("  applied: " + what);
                        case FAILED -> out.println("  FAILED: " + what + ": "
                                + Text.safe(step.error() == null ? "no reason given" : step.error().getMessage()));
                        case NOT_TRIED -> out.println("  not tried: " + what);
                    }
                }
                ok &= result.complete();
            } catch (Sources.SourceException e) {
                ok = false;
                out.println("  FAILED: " + Text.safe(message(e)));
            }
        }
        return ok;
    }

    private static String message(Sources.SourceException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }
}
