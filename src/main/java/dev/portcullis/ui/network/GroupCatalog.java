package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Finding;
import dev.portcullis.review.Review;
import dev.portcullis.review.ReviewSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot made ready for the view, once per load: the rows (with their search indexes), group names
 * for rules that point at groups, the interfaces using each group, the rules pointing at each group and
 * the review's findings (each row has its own). It is immutable, so a load can build it off the FX thread.
 */
final class GroupCatalog {

    static final GroupCatalog EMPTY = new GroupCatalog(null);

    private final Snapshot snapshot;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<Port>> portsByGroup = new HashMap<>();
    private final Map<String, List<ReferencingRule>> referencesTo = new HashMap<>();
    private final Map<String, GroupRow> rowsById = new LinkedHashMap<>();
    private final List<GroupRow> defaults = new ArrayList<>();
    private final List<GroupRow> customs = new ArrayList<>();
    /** Null when the catalog was not reviewed: nothing loaded, or only the first pages of a load. */
    private final List<Finding> findings;

    GroupCatalog(Snapshot snapshot) {
        this(snapshot, ReviewSettings.defaults());
    }

    /** {@code review}: the review's settings, or null not to review (the first pages of a load are shown without). */
    GroupCatalog(Snapshot snapshot, ReviewSettings review) {
        this.snapshot = snapshot;
        if (snapshot == null) {
            findings = null;
            return;
        }
        findings = review != null ? Review.of(snapshot.groups(), snapshot.ports(), snapshot.gaps(), review) : null;
        Map<String, List<Finding>> findingsOf = new HashMap<>();
        if (findings != null) {
            findings.stream().filter(f -> f.groupId() != null)
                    .forEach(f -> findingsOf.computeIfAbsent(f.groupId(), id -> new ArrayList<>()).add(f));
        }
        Map<String, List<Cidr>> addressesOfGroup = new HashMap<>();
        for (Port port : snapshot.ports()) {
            List<Cidr> addresses = port.fixedIps().stream().map(Cidr::host).flatMap(Optional::stream).toList();
            for (String groupId : port.securityGroupIds()) {
                portsByGroup.computeIfAbsent(groupId, id -> new ArrayList<>()).add(port);
                addressesOfGroup.computeIfAbsent(groupId, id -> new ArrayList<>()).addAll(addresses);
            }
        }
        for (SecurityGroup group : snapshot.groups()) {
            names.put(group.id(), group.name());
        }
        for (SecurityGroup group : snapshot.groups()) {
            for (Rule rule : group.rules()) {
                String target = rule.remoteGroupId();
                if (target != null && !target.equals(group.id())) {
                    referencesTo.computeIfAbsent(target, id -> new ArrayList<>())
                            .add(new ReferencingRule(group, rule, rule.summary(this::groupName)));
                }
            }
            GroupRow row = new GroupRow(group, portsByGroup.getOrDefault(group.id(), List.of()),
                    GroupSearch.index(group, addressesOfGroup), findingsOf.getOrDefault(group.id(), List.of()));
            rowsById.put(group.id(), row);
            (group.isDefault() ? defaults : customs).add(row);
        }
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** The review's findings, project-wide ones first; null when the catalog was not reviewed. */
    List<Finding> findings() {
        return findings;
    }

    boolean isEmpty() {
        return snapshot == null;
    }

    List<GroupRow> defaults() {
        return defaults;
    }

    List<GroupRow> customs() {
        return customs;
    }

    Optional<GroupRow> row(String id) {
        return Optional.ofNullable(rowsById.get(id));
    }

    /** A group's name by id, or null when the group is not in the snapshot. */
    String groupName(String id) {
        return names.get(id);
    }

    List<ReferencingRule> referencesTo(String groupId) {
        return referencesTo.getOrDefault(groupId, List.of());
    }

    GroupDetails details(GroupRow row) {
        List<RuleLine> rules = row.group().rules().stream()
                .sorted(Comparator.comparing(Rule::direction, Comparator.comparing(d -> d == Direction.EGRESS)))
                .map(r -> new RuleLine(r.id(), r.summary(this::groupName), r.description()))
                .toList();
        List<InterfaceUse> interfaces = row.interfaces().stream()
                .map(p -> InterfaceUse.of(p, row.id(), this::groupName)).toList();
        return new GroupDetails(row, rules, interfaces, referencesTo(row.id()));
    }

    DeletePreview deletePreview(GroupRow row) {
        return new DeletePreview(row, row.interfaces(), referencesTo(row.id()));
    }
}
