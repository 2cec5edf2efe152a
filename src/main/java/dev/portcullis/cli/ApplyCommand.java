package dev.portcullis.cli;

import dev.portcullis.domain.SafeText;
import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.workspace.WorkspaceBackend;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

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
                + "read or a group of the file is refused (then nothing is changed)."})
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
            out.flush();
            if (PlanCommand.refused(changes, spec.commandLine().getErr())) {
                out.println("Nothing was changed.");
                out.flush();
                return PortcullisCommand.EXIT_UNUSABLE;
            }
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
            out.println(ok ? "Done: every change was applied." : "Not everything was applied as planned (see FAILED and"
                    + " CONFLICT above).");
            out.flush();
            return ok ? PortcullisCommand.EXIT_OK : PortcullisCommand.EXIT_FINDINGS;
        }
    }

    /** Runs the plan on {@code target}, printing each operation's outcome; answers whether all of it worked. */
    static boolean apply(Backend backend, ProjectChanges changes, String target, PrintWriter out) {
        boolean ok = true;
        Map<ProjectChanges.Change, SecurityGroup> created = new HashMap<>();
        Map<ProjectChanges.Change, SecurityGroup> latest = new HashMap<>();
        int window = window(backend);
        ok &= addressGroups(backend, changes, out);
        Deque<Sent<SecurityGroup>> creating = new ArrayDeque<>();
        try (WorkspaceBackend.Hold batch = hold(backend)) {
            for (ProjectChanges.Change c : changes.changes()) {
                if (!c.isNew()) {
                    continue;
                }
                GroupDraft empty = new GroupDraft(c.wanted().name(), c.wanted().description(),
                        c.wanted().stateful(), List.of());
                creating.add(new Sent<>(c, backend.create(empty)));
                while (creating.size() >= window) {
                    ok &= created(creating.poll(), target, changes, created, out);
                }
            }
        }
        while (!creating.isEmpty()) {
            ok &= created(creating.poll(), target, changes, created, out);
        }
        Deque<Sent<ApplyReport>> applying = new ArrayDeque<>();
        try (WorkspaceBackend.Hold batch = hold(backend)) {
            for (ProjectChanges.Change c : changes.changes()) {
                SecurityGroup current = c.isNew() ? created.get(c) : c.current();
                if (current == null) {
                    continue;
                }
                ChangePlan plan = changes.plan(c, current);
                if (plan.isEmpty()) {
                    latest.put(c, current);
                    continue;
                }
                applying.add(new Sent<>(c, backend.apply(plan), current.name()));
                while (applying.size() >= window) {
                    ok &= applied(applying.poll(), target, changes, latest, out);
                }
            }
        }
        while (!applying.isEmpty()) {
            ok &= applied(applying.poll(), target, changes, latest, out);
        }
        return ok & retagged(backend, changes, latest, window, target, out);
    }

    /**
     * Gives each group the tags the file says, where they differ from the group's (after its rules were applied, at
     * the revision that left). A group whose creation or plan failed is not retagged.
     */
    private static boolean retagged(Backend backend, ProjectChanges changes, Map<ProjectChanges.Change,
            SecurityGroup> latest, int window, String target, PrintWriter out) {
        boolean ok = true;
        Deque<Sent<SecurityGroup>> tagging = new ArrayDeque<>();
        try (WorkspaceBackend.Hold batch = hold(backend)) {
            for (ProjectChanges.Change c : changes.changes()) {
                SecurityGroup group = latest.get(c);
                if (group == null || !c.wanted().changesTags(group)) {
                    continue;
                }
                tagging.add(new Sent<>(c, backend.retag(group.ref(), c.wanted().tags()), group.name()));
                while (tagging.size() >= window) {
                    ok &= tagged(tagging.poll(), target, out);
                }
            }
        }
        while (!tagging.isEmpty()) {
            ok &= tagged(tagging.poll(), target, out);
        }
        return ok;
    }

    private static boolean tagged(Sent<SecurityGroup> sent, String target, PrintWriter out) {
        String what = "tags of " + SafeText.line(sent.name()) + ": " + PlanCommand.tags(sent.change().wanted().tags());
        try {
            Sources.await(target, sent.answer());
            out.println("  applied: " + what);
            return true;
        } catch (Sources.SourceException e) {
            out.println("  FAILED: " + what + ": " + SafeText.message(message(e)));
            return false;
        }
    }

    /**
     * Creates and changes the file's address groups first, one at a time (there are few), so that the rules that
     * name them can be given their ids in the project.
     */
    private static boolean addressGroups(Backend backend, ProjectChanges changes, PrintWriter out) {
        boolean ok = true;
        for (FileAddressGroups.Change a : changes.addressGroups().changes()) {
            String name = SafeText.line(a.wanted().name());
            try {
                if (a.isNew()) {
                    dev.portcullis.domain.AddressGroup made = Sources.await("the address group " + name,
                            backend.createAddressGroup(a.wanted()));
                    changes.created(a, made);
                    out.println("  applied: create address group " + name + " (" + made.id() + ")");
                } else {
                    Sources.await("the address group " + name, backend.updateAddressGroup(a.current(), a.wanted()));
                    out.println("  applied: change address group " + name);
                }
            } catch (Sources.SourceException e) {
                out.println("  FAILED: " + (a.isNew() ? "create" : "change") + " address group " + name + ": "
                        + SafeText.message(message(e)));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * How many calls are sent before the answer to the first is awaited: all of them to a local workspace, which
     * saves the calls queued together in one write; one at a time to a cloud.
     */
    private static int window(Backend backend) {
        return backend instanceof WorkspaceBackend ? Integer.MAX_VALUE : 1;
    }

    /** For a workspace, makes the calls sent until it is closed one batch: one write (see {@link #window}). */
    private static WorkspaceBackend.Hold hold(Backend backend) {
        return backend instanceof WorkspaceBackend workspace ? workspace.holdWrites() : () -> { };
    }

    /** A call sent for a change, and the name of its group for the output. */
    private record Sent<T>(ProjectChanges.Change change, CompletableFuture<T> answer, String name) {
        Sent(ProjectChanges.Change change, CompletableFuture<T> answer) {
            this(change, answer, change.wanted().name());
        }
    }

    private static boolean created(Sent<SecurityGroup> sent, String target, ProjectChanges changes,
                            Map<ProjectChanges.Change, SecurityGroup> created, PrintWriter out) {
        try {
            SecurityGroup group = Sources.await(target, sent.answer());
            changes.created(sent.change(), group);
            created.put(sent.change(), group);
            out.println("  applied: create group " + SafeText.line(group.name()) + " (" + group.id() + ")");
            return true;
        } catch (Sources.SourceException e) {
            out.println("  FAILED: create group " + SafeText.line(sent.name()) + ": " + SafeText.message(message(e)));
            return false;
        }
    }

    private static boolean applied(Sent<ApplyReport> sent, String target, ProjectChanges changes,
                                   Map<ProjectChanges.Change, SecurityGroup> latest, PrintWriter out) {
        out.println("Group " + SafeText.line(sent.name()) + ":");
        try {
            ApplyReport result = Sources.await(target, sent.answer());
            if (result.complete() && result.group() != null) {
                latest.put(sent.change(), result.group());
            }
            for (ApplyReport.Step step : result.steps()) {
                String what = SafeText.line(step.operation().describe(changes.groupNames()));
                switch (step.outcome()) {
                    case APPLIED -> out.println(step.readBack()
                            ? "  applied (the answer was lost; confirmed by reading it back): " + what
                            : "  applied: " + what);
                    case FAILED -> out.println("  FAILED: " + what + ": "
                            + SafeText.message(step.error() == null ? "no reason given" : step.error().getMessage()));
                    case NOT_TRIED -> out.println("  not tried: " + what);
                }
            }
            result.concurrent().ifPresent(text -> out.println("  CONFLICT: " + SafeText.message(text)));
            return result.complete();
        } catch (Sources.SourceException e) {
            out.println("  FAILED: " + SafeText.message(message(e)));
            return false;
        }
    }

    private static String message(Sources.SourceException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }
}
