package dev.portcullis.cli;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionReport.GroupReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What it takes to make a project's groups what a definition file says. A group of the file is the
 * project's group with the same id; failing that, the only one with the same name that no group of the
 * file claims by id; failing that, a group to create. Where that is not one group (the project has two
 * groups of the name, as Neutron allows, or the file has two without an id of the project's), the group
 * is refused rather than guessed at, or created once more: {@link #refused()}. Groups only in the project
 * are left as they are: a file that leaves a group out does not delete it. Rules that point at a group of the file point at its counterpart in the project.
 *
 * <p>The project may be read whole, or only in the part the file needs ({@link FileGroupsRead}): the
 * groups with the file's ids and names and those their rules point at. The pairing is the same either
 * way; only the groups the file leaves out are not known in the second case.
 */
final class ProjectChanges {

    /** One group of the file: the project's group it becomes (null for a new one) and what it should be. */
    record Change(String fileId, SecurityGroup current, GroupDraft wanted) {
        boolean isNew() {
            return current == null;
        }
    }

    /** A group of the file that is not planned, because which group of the project it is cannot be told. */
    record Refusal(String name, String where, String reason) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final List<Refusal> refused = new ArrayList<>();
    private final List<SecurityGroup> untouched = new ArrayList<>();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final boolean wholeProject;
    private final FileAddressGroups addressGroups;

    /**
     * @param project      the project, whole or in the part the file needs
     * @param wholeProject whether {@code project} is the whole project, so that {@link #untouched()} is known
     */
    ProjectChanges(DefinitionReport file, Snapshot project, boolean wholeProject) {
        this.wholeProject = wholeProject;
        this.addressGroups = new FileAddressGroups(file, project);
        refused.addAll(addressGroups.refused());
        Map<String, List<SecurityGroup>> byName = new HashMap<>();
        Map<String, SecurityGroup> byId = new HashMap<>();
        project.groups().forEach(g -> byName.computeIfAbsent(g.name(), k -> new ArrayList<>()).add(g));
        project.groups().forEach(g -> byId.put(g.id(), g));
        project.groups().forEach(g -> names.put(g.id(), g.name()));
        // rules name address groups by id too: the file's and the project's, by name in what is printed
        file.addressGroups().forEach(a -> names.putIfAbsent(a.id(), a.label()));
        project.addressGroups().forEach(a -> names.putIfAbsent(a.id(), a.label()));
        // the groups of the file paired by id, and, by name, those whose id the project does not have
        Set<String> matched = new HashSet<>();
        Map<String, List<GroupReport>> byNameOnly = new HashMap<>();
        for (GroupReport g : file.groups()) {
            SecurityGroup byItsId = g.id() == null ? null : byId.get(g.id());
            if (byItsId != null) {
                matched.add(byItsId.id());
            } else {
                byNameOnly.computeIfAbsent(g.draft().orElseThrow().name(), k -> new ArrayList<>()).add(g);
            }
        }
        for (GroupReport g : file.groups()) {
            GroupDraft draft = g.draft().orElseThrow();
            String fileId = g.id() != null ? g.id() : "new group " + draft.name();
            names.putIfAbsent(fileId, draft.name());
            SecurityGroup current = g.id() == null ? null : byId.get(g.id());
            if (current == null) {
                List<GroupReport> namesakes = byNameOnly.get(draft.name());
                List<SecurityGroup> candidates = byName.getOrDefault(draft.name(), List.of()).stream()
                        .filter(c -> !matched.contains(c.id())).toList();
                String refusal = namesakes.size() > 1 ? PairingWords.twiceInTheFile(draft.name(), namesakes)
                        : candidates.size() > 1 ? PairingWords.ambiguous(draft.name(), g.id(), candidates) : null;
                if (refusal != null) {
                    refused.add(new Refusal(draft.name(), g.path(), refusal));
                    continue;
                }
                current = candidates.isEmpty() ? null : candidates.get(0);
            }
            if (current != null) {
                matched.add(current.id());
                ids.put(fileId, current.id());
            }
            changes.add(new Change(fileId, current, draft));
        }
        if (wholeProject) {
            project.groups().stream().filter(g -> !matched.contains(g.id())).forEach(untouched::add);
        }
    }

    /**
     * The groups of the file that are not planned: the project (or the file) has more than one group of
     * their name and the file gives no id that tells which. Nothing may be applied while there are any.
     */
    List<Refusal> refused() {
        return refused;
    }

    /** Whether the whole project was read; if not, the groups the file leaves out are not known. */
    boolean wholeProject() {
        return wholeProject;
    }

    List<Change> changes() {
        return changes;
    }

    /** The project's groups the file does not mention (none known when only a part of it was read). */
    List<SecurityGroup> untouched() {
        return untouched;
    }

    /** Records the project's id of a group of the file once it has been created. */
    void created(Change change, SecurityGroup group) {
        ids.put(change.fileId(), group.id());
        names.put(group.id(), group.name());
    }

    /** The plan from the group as it is to what the file says (for a new group: from an empty group). */
    ChangePlan plan(Change change, SecurityGroup current) {
        GroupDraft w = change.wanted();
        List<Rule> rules = w.rules().stream().map(this::translated).toList();
        return ChangePlan.between(current, new GroupDraft(w.name(), w.description(), w.stateful(), rules));
    }

    /** The plan for a group that exists already. */
    ChangePlan plan(Change change) {
        return plan(change, change.current());
    }

    private Rule translated(Rule rule) {
        if (rule.remote() instanceof Remote.Group g && ids.containsKey(g.groupId())) {
            return new Rule(rule.id(), rule.direction(), rule.etherType(), rule.protocol(), rule.ports(),
                    Remote.group(ids.get(g.groupId())), rule.description());
        }
        if (rule.remote() instanceof Remote.AddressGroup a
                && !addressGroups.projectId(a.addressGroupId()).equals(a.addressGroupId())) {
            return new Rule(rule.id(), rule.direction(), rule.etherType(), rule.protocol(), rule.ports(),
                    new Remote.AddressGroup(addressGroups.projectId(a.addressGroupId())), rule.description());
        }
        return rule;
    }

    /** The file's address groups: those to create or change before the groups' rules name them. */
    FileAddressGroups addressGroups() {
        return addressGroups;
    }

    /** Records an address group of the file once it has been created, so that rules name it by its new id. */
    void created(FileAddressGroups.Change change, dev.portcullis.domain.AddressGroup made) {
        addressGroups.created(change, made);
        names.put(made.id(), made.label());
    }

    /** A group's name from its id, for rule summaries. */
    Function<String, String> groupNames() {
        return names::get;
    }

    /** The rules of a new group, as they will be created. */
    List<Rule> newRules(Change change) {
        return change.wanted().rules().stream().map(this::translated).toList();
    }
}
