package dev.portcullis.files;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.SourceGap;

import java.time.Instant;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.ErrorCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a definition file found: every group and rule with its problems (each with the JSON path
 * it is about), the interfaces, notes about members that were kept aside, and the objects as they were
 * written ({@link Originals}) so that writing the file back loses nothing. Nothing in it throws: a broken
 * file is a report with problems.
 */
public record DefinitionReport(List<Problem> fileProblems, List<GroupReport> groups, List<Port> ports,
                               List<Problem> portProblems, List<Problem> notices, Originals originals,
                               SourceLocations locations, List<AddressGroup> addressGroups) {

    public DefinitionReport {
        fileProblems = List.copyOf(fileProblems);
        groups = List.copyOf(groups);
        ports = List.copyOf(ports);
        portProblems = List.copyOf(portProblems);
        notices = List.copyOf(notices);
        Objects.requireNonNull(locations, "locations");
        addressGroups = List.copyOf(addressGroups);
    }

    /** A report without address groups. */
    public DefinitionReport(List<Problem> fileProblems, List<GroupReport> groups, List<Port> ports,
                            List<Problem> portProblems, List<Problem> notices, Originals originals,
                            SourceLocations locations) {
        this(fileProblems, groups, ports, portProblems, notices, originals, locations, List.of());
    }

    /** A report without source lines. */
    public DefinitionReport(List<Problem> fileProblems, List<GroupReport> groups, List<Port> ports,
                            List<Problem> portProblems, List<Problem> notices, Originals originals) {
        this(fileProblems, groups, ports, portProblems, notices, originals, SourceLocations.NONE);
    }

    /** The same report with where its groups and rules were written. */
    public DefinitionReport withLocations(SourceLocations where) {
        return new DefinitionReport(fileProblems, groups, ports, portProblems, notices, originals, where,
                addressGroups);
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

        String readableId(String groupId) {
            return id != null ? id : DraftIds.rule(groupId, index + 1);
        }
    }

    /**
     * One group: its own fields and problems, and its rules. {@code tagsGiven}: whether the file says the group's
     * tags (a file that does not leaves them as they are when it is applied).
     */
    public record GroupReport(int index, String path, String id, String name, String description, boolean stateful,
                              boolean shared, String projectId, long revision, List<String> tags, boolean tagsGiven,
                              Instant createdAt, Instant updatedAt, List<Problem> problems, List<RuleReport> rules) {
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

        /**
         * The group as far as it can be read, valid or not: under its id (a draft id for a group without one),
         * with every rule that could be read (a rule without an id under a draft id).
         */
        public SecurityGroup readable() {
            String groupId = readableId();
            List<Rule> readable = new ArrayList<>();
            for (RuleReport r : rules) {
                if (r.rule() != null) {
                    readable.add(r.rule().withId(r.readableId(groupId)));
                }
            }
            return new SecurityGroup(groupId, projectId, name == null ? "" : name, description == null ? ""
                    : description, stateful, shared, revision, readable, tags, createdAt, updatedAt);
        }

        String readableId() {
            return id != null ? id : DraftIds.group("#" + (index + 1));
        }

        /**
         * What the file says the group should be: for a valid group, with or without an id; with its tags when the
         * file says them.
         */
        public Optional<GroupDraft> draft() {
            if (!valid()) {
                return Optional.empty();
            }
            return Optional.of(new GroupDraft(name, description, stateful,
                    rules.stream().map(r -> r.rule().withId(r.id())).toList(), tagsGiven ? tags : null));
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

    /** True when nothing of the source could be read as groups, because of what is wrong with it as a whole. */
    public boolean unusable() {
        return !fileProblems.isEmpty() && groups.isEmpty();
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

    /** The groups that exist (with an id given by Neutron or the source, not a draft id) and the interfaces of a valid file. */
    public Definitions definitions() {
        if (!valid()) {
            throw new IllegalStateException("the file has problems: " + allProblems().size());
        }
        List<SecurityGroup> existing = groups.stream().filter(g -> !DraftIds.isDraft(g.id()))
                .map(GroupReport::group).flatMap(Optional::stream).toList();
        return new Definitions(existing, ports, addressGroups);
    }

    /** Groups of the file that have no id of Neutron's yet: groups to be created. */
    public List<GroupReport> newGroups() {
        return groups.stream().filter(g -> g.id() == null || DraftIds.isDraft(g.id())).toList();
    }

    /**
     * Everything of the source that can be reviewed, valid or not: every group that could be read (a group
     * without an id under its draft id), with every rule that could be read as a rule (a rule Neutron would
     * refuse only for where it points, or as a duplicate, included; a rule without an id under a draft id),
     * and each problem that makes the source invalid, tied to its group and rule, so that a review reports
     * it instead of skipping what it is about.
     */
    public Reviewable reviewable() {
        List<SecurityGroup> readable = new ArrayList<>();
        List<SourceGap> unreadable = new ArrayList<>();
        Map<String, String> paths = new HashMap<>();
        fileProblems.forEach(p -> unreadable.add(gap(null, null, null, null, p)));
        for (GroupReport g : groups) {
            String groupId = g.readableId();
            String name = g.name() == null ? "" : g.name();
            for (RuleReport r : g.rules()) {
                String ruleId = r.readableId(groupId);
                paths.put(ruleId, r.path());
                String text = r.rule() != null ? r.rule().summary(id -> null)
                        : "Rule " + (r.index() + 1) + " of the group, as written (it cannot be read)";
                r.problems().stream().filter(p -> !(r.rule() != null && outsideGroup(p)))
                        .forEach(p -> unreadable.add(gap(groupId, name, ruleId, text, p)));
            }
            paths.put(groupId, g.path());
            g.problems().forEach(p -> unreadable.add(gap(groupId, name, null, null, p)));
            readable.add(g.readable());
        }
        portProblems.forEach(p -> unreadable.add(gap(null, null, null, null, p)));
        return new Reviewable(new Definitions(readable, ports, addressGroups), unreadable, paths);
    }

    private static SourceGap gap(String groupId, String groupName, String ruleId, String ruleText, Problem p) {
        return new SourceGap(groupId, groupName, ruleId, ruleText, p, FileErrorCode.unknowable(p.code()));
    }

    /**
     * A rule pointing at a group the source does not hold: Neutron refuses it only if the group does not
     * exist where it is applied, which the source cannot tell; the review reports it as such
     * ({@code remote-group-elsewhere}) rather than as invalid.
     */
    private static boolean outsideGroup(Problem p) {
        return p.code().equals(ErrorCode.GROUP_NOT_FOUND) && p.field().endsWith("remote_group_id");
    }

    /** What {@link #reviewable()} answers: the readable groups, the problems, and each id's report path. */
    public record Reviewable(Definitions definitions, List<SourceGap> problems, Map<String, String> pathsById) {
        public Reviewable {
            problems = List.copyOf(problems);
            pathsById = Map.copyOf(pathsById);
        }

        /** The report path (for {@link SourceLocations}) of a group or rule id of {@link #definitions()}. */
        public Optional<String> path(String id) {
            return Optional.ofNullable(id == null ? null : pathsById.get(id));
        }
    }

}
