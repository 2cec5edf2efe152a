package dev.portcullis.review;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Groups seen against each other and the interfaces: use, references, names, the quota. */
final class ProjectChecks {

    private ProjectChecks() {
    }

    static void run(Context c) {
        quota(c);
        Map<String, List<SecurityGroup>> referring = new HashMap<>();
        Map<String, Long> named = new HashMap<>();
        Map<String, SecurityGroup> byId = new HashMap<>();
        for (SecurityGroup g : c.groups) {
            g.rules().stream().map(Rule::remoteGroupId).filter(Objects::nonNull).distinct()
                    .forEach(id -> referring.computeIfAbsent(id, k -> new ArrayList<>()).add(g));
            named.merge(g.name(), 1L, Long::sum);
            byId.putIfAbsent(g.id(), g);
        }
        for (SecurityGroup group : c.groups) {
            List<SecurityGroup> referrers = referring.getOrDefault(group.id(), List.of()).stream()
                    .filter(g -> g != group).toList();
            usage(c, group, referrers);
            if (!referrers.isEmpty()) {
                long rules = referrers.stream().flatMap(g -> g.rules().stream())
                        .filter(r -> group.id().equals(r.remoteGroupId())).count();
                c.group(Check.REFERENCED_GROUP, group, "Other groups refer to it: deleting it also deletes " + rules
                                + (rules == 1 ? " rule" : " rules") + " in " + names(referrers) + ".",
                        "Before deleting it, replace those rules or accept that they go with it.");
            }
            long sameName = group.name().isEmpty() ? 0 : named.get(group.name());
            if (sameName > 1) {
                c.group(Check.DUPLICATE_GROUP_NAME, group, sameName + " groups are called \"" + group.name()
                                + "\"; tools that look groups up by name pick one of them, or fail.",
                        "Rename all but one, or delete those not needed.");
            }
            for (Rule rule : group.rules()) {
                remoteElsewhere(c, group, rule, byId);
            }
        }
    }

    private static String names(List<SecurityGroup> groups) {
        return groups.stream().map(g -> g.name().isEmpty() ? g.id() : g.name()).collect(Collectors.joining(", "));
    }

    private static void usage(Context c, SecurityGroup group, List<SecurityGroup> referrers) {
        if (!c.portsKnown()) {
            return;
        }
        int users = c.users(group);
        if (group.isDefault()) {
            if (users > 0) {
                c.group(Check.DEFAULT_GROUP_IN_USE, group, users + (users == 1 ? " interface uses"
                                : " interfaces use") + " the default group, whose rules nobody chose for them.",
                        "Give each interface a group made for its role and take the default group off it.");
            }
        } else if (users == 0 && referrers.isEmpty()) {
            c.group(Check.UNUSED_GROUP, group, "No interface uses the group and no other group refers to it.",
                    "Delete it if nobody needs it any more.");
        }
    }

    private static void remoteElsewhere(Context c, SecurityGroup group, Rule rule, Map<String, SecurityGroup> byId) {
        String remote = rule.remoteGroupId();
        if (remote == null) {
            return;
        }
        SecurityGroup target = byId.get(remote);
        if (target == null) {
            c.rule(Check.REMOTE_GROUP_ELSEWHERE, group, rule, "It refers to group " + remote
                            + ", which is not among these definitions (shared from another project, or deleted).",
                    "Check that the group exists and that its owner will keep it.");
        } else if (target.projectId() != null && group.projectId() != null
                && !target.projectId().equals(group.projectId())) {
            c.rule(Check.REMOTE_GROUP_ELSEWHERE, group, rule, "It refers to group " + (target.name().isEmpty() ? target.id() : target.name())
                            + " of project " + target.projectId() + ", which that project can change or delete.",
                    "Check with the owner of that project, or use a group of your own.");
        }
    }

    private static void quota(Context c) {
        if (c.settings.ruleQuota() < 0) {
            return;
        }
        Map<String, Integer> perProject = new LinkedHashMap<>();
        c.groups.forEach(g -> perProject.merge(Objects.toString(g.projectId(), ""), g.rules().size(), Integer::sum));
        perProject.forEach((project, rules) -> {
            if ((long) rules * 100 >= (long) c.settings.ruleQuota() * c.settings.quotaWarningPercent()) {
                c.project(Check.RULE_QUOTA, (project.isEmpty() ? "The project" : "Project " + project) + " has "
                                + rules + " rules against a quota of " + c.settings.ruleQuota()
                                + " (Neutron's default unless the review settings say otherwise); rules beyond"
                                + " the quota, even those Neutron adds to a new group, are refused.",
                        "Remove duplicate, shadowed and unused rules, or ask for a larger quota; if the project's"
                                + " quota is larger, set ruleQuota in the review settings (-1: unlimited).");
            }
        });
    }
}
