package dev.portcullis.files;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What reading a definition file found: every group and rule with its problems (each with the JSON path
 * it is about), the interfaces, notes about members that were kept aside, and the objects as they were
 * written ({@link Originals}) so that writing the file back loses nothing. Nothing in it throws: a broken
 * file is a report with problems.
 */
public record DefinitionReport(List<Problem> fileProblems, List<GroupReport> groups, List<Port> ports,
                               List<Problem> portProblems, List<Problem> notices, Originals originals) {

    public DefinitionReport {
        fileProblems = List.copyOf(fileProblems);
        groups = List.copyOf(groups);
        ports = List.copyOf(ports);
        portProblems = List.copyOf(portProblems);
        notices = List.copyOf(notices);
    }

    /** A file that could not be read as definitions at all. */
    static DefinitionReport unusable(Problem problem) {
        return new DefinitionReport(List.of(problem), List.of(), List.of(), List.of(), List.of(), Originals.NONE);
    }

    /** One rule of a group: its normalized form where it is valid, else its problems. */
    public record RuleReport(int index, String path, String id, Rule rule, List<Problem> problems) {
        public RuleReport {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty() && rule != null;
        }
    }

    /** One group: its own fields and problems, and its rules. */
    public record GroupReport(int index, String path, String id, String name, String description, boolean stateful,
                              boolean shared, String projectId, long revision, List<String> tags, Instant createdAt,
                              Instant updatedAt, List<Problem> problems, List<RuleReport> rules) {
        public GroupReport {
            problems = List.copyOf(problems);
            rules = List.copyOf(rules);
            tags = List.copyOf(tags);
        }

        public boolean valid() {
            return problems.isEmpty() && rules.stream().allMatch(RuleReport::valid);
        }

        /** The group as it exists, for a valid group that has an id. */
        public Optional<SecurityGroup> group() {
            if (!valid() || id == null) {
                return Optional.empty();
            }
            return Optional.of(new SecurityGroup(id, projectId, name, description, stateful, shared, revision,
                    rules.stream().map(r -> r.rule().withId(r.id())).toList(), tags, createdAt, updatedAt));
        }

        /** What the file says the group should be: for a valid group, with or without an id. */
        public Optional<GroupDraft> draft() {
            if (!valid()) {
                return Optional.empty();
            }
            return Optional.of(new GroupDraft(name, description, stateful,
                    rules.stream().map(r -> r.rule().withId(r.id())).toList()));
        }

        /** A label for messages: the name, else the id, else the position. */
        public String label() {
            if (name != null && !name.isEmpty()) {
                return name;
            }
            return id != null ? id : "unnamed group at " + path;
        }
    }

    public boolean valid() {
        return fileProblems.isEmpty() && portProblems.isEmpty() && groups.stream().allMatch(GroupReport::valid);
    }

    /** Every problem of the file, its groups, rules and interfaces, in file order. */
    public List<Problem> allProblems() {
        List<Problem> all = new ArrayList<>(fileProblems);
        for (GroupReport g : groups) {
            all.addAll(g.problems());
            g.rules().forEach(r -> all.addAll(r.problems()));
        }
        all.addAll(portProblems);
        return all;
    }

    /** The groups and interfaces of a valid file. */
    public Definitions definitions() {
        if (!valid()) {
            throw new IllegalStateException("the file has problems: " + allProblems().size());
        }
        List<SecurityGroup> existing = groups.stream().map(GroupReport::group).flatMap(Optional::stream).toList();
        return new Definitions(existing, ports);
    }

    /** Groups of the file that have no id yet: groups to be created. */
    public List<GroupReport> newGroups() {
        return groups.stream().filter(g -> g.id() == null).toList();
    }
}
