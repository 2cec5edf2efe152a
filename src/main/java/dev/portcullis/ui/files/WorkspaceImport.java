package dev.portcullis.ui.files;

import dev.portcullis.backend.ApplyReport;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Copies a file's groups into a project through the {@link Backend} port, one group after the other, as
 * new groups. Rules that point at another group of the file are added once every group exists, pointing at
 * the copy; a group or rule the project refuses is said with the project's reason, the rest still imported.
 */
public final class WorkspaceImport {

    /** What was imported and what was refused, each in words. */
    public record Result(List<String> imported, List<String> refused) {
        public Result {
            imported = List.copyOf(imported);
            refused = List.copyOf(refused);
        }

        /** {@code Imported 2 groups; 1 refused}. */
        public String summary() {
            return "Imported " + count(imported.size()) + (refused.isEmpty() ? "" : "; " + refused.size()
                    + " not imported");
        }

        private static String count(int n) {
            return n + (n == 1 ? " group" : " groups");
        }
    }

    private final Backend target;
    private final List<SecurityGroup> groups;
    private final Set<String> fileIds;
    private final Function<String, String> fileNames;
    private final Map<String, SecurityGroup> created = new HashMap<>();
    private final List<String> imported = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    private WorkspaceImport(Backend target, Snapshot file) {
        this.target = target;
        this.groups = file.groups();
        this.fileIds = groups.stream().map(SecurityGroup::id).collect(Collectors.toSet());
        Map<String, String> names = groups.stream().collect(Collectors.toMap(SecurityGroup::id, SecurityGroup::name,
                (a, b) -> a));
        this.fileNames = names::get;
    }

    /** Imports every group of {@code file} into {@code target}; the answer never fails, refusals are in it. */
    public static CompletableFuture<Result> run(Backend target, Snapshot file) {
        WorkspaceImport work = new WorkspaceImport(target, file);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (SecurityGroup group : work.groups) {
            chain = chain.thenCompose(nothing -> work.create(group));
        }
        for (SecurityGroup group : work.groups) {
            chain = chain.thenCompose(nothing -> work.linkRules(group));
        }
        return chain.thenApply(nothing -> new Result(work.imported, work.refused));
    }

    private boolean pointsIntoFile(Rule rule) {
        return rule.remoteGroupId() != null && fileIds.contains(rule.remoteGroupId());
    }

    private CompletableFuture<Void> create(SecurityGroup group) {
        List<Rule> now = group.rules().stream().filter(r -> !pointsIntoFile(r)).toList();
        return target.create(new GroupDraft(group.name(), group.description(), group.stateful(), now))
                .handle((copy, failed) -> {
                    if (failed != null) {
                        refused.add("group " + group.name() + ": " + reason(failed));
                    } else {
                        created.put(group.id(), copy);
                        imported.add("group " + group.name() + " (" + rules(group.rules().size()) + ")");
                    }
                    return null;
                });
    }

    private CompletableFuture<Void> linkRules(SecurityGroup group) {
        SecurityGroup copy = created.get(group.id());
        List<Rule> linked = group.rules().stream().filter(this::pointsIntoFile).toList();
        if (copy == null || linked.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Rule> wanted = new ArrayList<>(copy.rules());
        for (Rule rule : linked) {
            SecurityGroup remote = created.get(rule.remoteGroupId());
            if (remote == null) {
                refused.add("rule of group " + group.name() + ", " + rule.summary(fileNames)
                        + ": its remote group was not imported");
            } else {
                wanted.add(Rule.draft(rule.direction(), rule.etherType(), rule.protocol(), rule.ports(),
                        new Remote.Group(remote.id()), rule.description()));
            }
        }
        ChangePlan plan = ChangePlan.between(copy, new GroupDraft(copy.name(), copy.description(), copy.stateful(),
                wanted));
        return target.apply(plan).handle((report, failed) -> {
            String problem = failed != null ? reason(failed)
                    : report.failure().map(ApplyReport.Step::error).map(Throwable::getMessage).orElse(null);
            if (problem != null) {
                refused.add("rules of group " + group.name() + " that point at other groups of the file: " + problem);
            }
            return null;
        });
    }

    private static String rules(int n) {
        return n + (n == 1 ? " rule" : " rules");
    }

    /** The message of a failure, unwrapped from the future that carried it. */
    static String reason(Throwable failed) {
        Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause()
                : failed;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
