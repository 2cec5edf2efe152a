package dev.portcullis.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.ErrorCode;
import dev.portcullis.domain.Problem;
import dev.portcullis.files.DefinitionReport.GroupReport;
import dev.portcullis.files.DefinitionReport.RuleReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups a Heat template or an Ansible playbook would make, in Neutron's shape, each with where it was
 * written; {@link #report} checks them exactly as a definition file is checked and puts the source's own
 * addresses ({@code resources.web.properties.rules[2]}, {@code play 1 task 3 "Allow SSH"}) and lines in
 * place of the JSON paths.
 */
final class SourceGroups {

    /** Where a group, a rule or one of their members was written. */
    record Place(String address, int line) {
        String field() {
            return address + " (line " + line + ")";
        }
    }

    /** A rule in Neutron's shape ({@code direction}, {@code ethertype}, ...) and where each member came from. */
    static final class RuleSource {
        final Place place;
        final ObjectNode json = JsonNodeFactory.instance.objectNode();
        final Map<String, Place> members = new HashMap<>();

        RuleSource(Place place) {
            this.place = place;
        }
    }

    /** A group in Neutron's shape (with its draft id) and its rules, with what could not be read of it. */
    static final class GroupSource {
        final Place place;
        final ObjectNode json = JsonNodeFactory.instance.objectNode();
        final Map<String, Place> members = new HashMap<>();
        final List<RuleSource> rules = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        GroupSource(Place place, String id) {
            this.place = place;
            json.put("id", id);
        }

        String id() {
            return json.get("id").asText();
        }
    }

    private SourceGroups() {
    }

    /**
     * The report of the groups: every Neutron check applied, every path replaced by its place in the source,
     * the source's own problems added to the groups they are about (else to the file), and the lines.
     *
     * @param outside what to say of a rule whose remote group the source does not define (it is looked up
     *                in the cloud when the tool runs)
     */
    static DefinitionReport report(Path file, List<GroupSource> groups, List<Problem> fileProblems,
                                   List<Problem> notices, String outside) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("security_groups");
        for (GroupSource g : groups) {
            ObjectNode group = g.json.deepCopy();
            ArrayNode rules = group.putArray("security_group_rules");
            g.rules.forEach(r -> rules.add(r.json));
            list.add(group);
        }
        DefinitionReport read = new DefinitionReader().read(root);
        List<Problem> problems = new ArrayList<>(fileProblems);
        problems.addAll(read.fileProblems());
        Map<String, SourceLocations.Location> where = new HashMap<>();
        List<GroupReport> located = new ArrayList<>();
        for (GroupReport g : read.groups()) {
            GroupSource source = groups.get(g.index());
            List<RuleReport> rules = new ArrayList<>();
            for (RuleReport r : g.rules()) {
                RuleSource rs = source.rules.get(r.index());
                rules.add(new RuleReport(r.index(), rs.place.address(), r.id(), r.rule(),
                        locate(r.problems(), r.path(), rs.place, rs.members, outside)));
                where.putIfAbsent(rs.place.address(), new SourceLocations.Location(file, rs.place.line()));
            }
            List<Problem> groupProblems = new ArrayList<>(locate(g.problems(), g.path(), source.place,
                    source.members, outside));
            groupProblems.addAll(source.problems);
            located.add(new GroupReport(g.index(), source.place.address(), g.id(), g.name(), g.description(),
                    g.stateful(), g.shared(), g.projectId(), g.revision(), g.tags(), g.tagsGiven(), g.createdAt(), g.updatedAt(),
                    groupProblems, rules));
            where.putIfAbsent(source.place.address(), new SourceLocations.Location(file, source.place.line()));
        }
        List<Problem> notes = new ArrayList<>(notices);
        for (Problem n : read.notices()) {
            notes.add(relocate(n, groups, read, outside));
        }
        return new DefinitionReport(problems, located, List.of(), List.of(), notes, Originals.NONE,
                new SourceLocations(where));
    }

    private static Problem relocate(Problem n, List<GroupSource> groups, DefinitionReport read, String outside) {
        for (GroupReport g : read.groups()) {
            for (RuleReport r : g.rules()) {
                if (n.field().startsWith(r.path() + ".") || n.field().equals(r.path())) {
                    RuleSource rs = groups.get(g.index()).rules.get(r.index());
                    return locate(List.of(n), r.path(), rs.place, rs.members, outside).get(0);
                }
            }
            if (n.field().startsWith(g.path() + ".") || n.field().equals(g.path())) {
                GroupSource gs = groups.get(g.index());
                return locate(List.of(n), g.path(), gs.place, gs.members, outside).get(0);
            }
        }
        return n;
    }

    private static List<Problem> locate(List<Problem> problems, String path, Place place, Map<String, Place> members,
                                        String outside) {
        return problems.stream().map(p -> {
            String member = p.field().startsWith(path) ? p.field().substring(path.length()) : p.field();
            member = member.startsWith(".") ? member.substring(1) : member;
            Place at = members.getOrDefault(member, place);
            String message = p.message();
            if (p.code().equals(ErrorCode.GROUP_NOT_FOUND) && member.equals("remote_group_id")) {
                message = message.replaceFirst("does not exist\\.$", "is not defined here: " + outside);
            }
            return new Problem(p.code(), at.field(), message);
        }).toList();
    }
}
