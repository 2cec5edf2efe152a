package dev.portcullis.ui.network;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.RemoteAddresses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot made ready for the view, once per load: the rows (with their search indexes), group names
 * for rules that point at groups, the interfaces using each group and the rules pointing at each group.
 * It is built off the FX thread and shown at once; the review, which takes longer, is made afterwards
 * ({@link CatalogReview}) and handed to {@link #reviewed} on the FX thread, which gives each row its findings.
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
    /** The review of this catalog's project; null until it is in (on the FX thread). */
    private CatalogReview review;

    GroupCatalog(Snapshot snapshot) {
        this(snapshot, true);
    }

    /**
     * The groups of a load's first pages: the interfaces are read once every group is in, so the rows say that
     * rather than that no interface uses them.
     */
    static GroupCatalog part(List<SecurityGroup> groups) {
        return new GroupCatalog(new Snapshot(groups, List.of(), java.time.Instant.now()), false);
    }

    private GroupCatalog(Snapshot snapshot, boolean interfacesKnown) {
        this.snapshot = snapshot;
        if (snapshot == null) {
            return;
        }
        for (Port port : snapshot.ports()) {
            for (String groupId : port.securityGroupIds()) {
                portsByGroup.computeIfAbsent(groupId, id -> new ArrayList<>()).add(port);
            }
        }
        // the filter reads remote groups and address groups as Check traffic does
        RemoteAddresses remotes = RemoteAddresses.of(snapshot.ports(), interfacesKnown, snapshot.addressGroups());
        // rules name address groups by id as they name groups: one lookup serves both (ids never clash)
        snapshot.addressGroups().forEach(a -> names.put(a.id(), a.label()));
        // a group another project shares with this one says shared; the project's own groups never do
        String ownProject = snapshot.groups().stream().filter(g -> !g.shared() && g.projectId() != null)
                .map(SecurityGroup::projectId).findFirst().orElse(null);
        for (SecurityGroup group : snapshot.groups()) {
            names.put(group.id(), group.name());
        }
        for (SecurityGroup group : snapshot.groups()) {
            for (Rule rule : group.rules()) {
                String target = rule.remoteGroupId();
                if (target != null && !target.equals(group.id())) {
                    referencesTo.computeIfAbsent(target, id -> new ArrayList<>()).add(new ReferencingRule(group, rule,
                            this::groupName));
                }
            }
            GroupRow row = new GroupRow(group, portsByGroup.getOrDefault(group.id(), List.of()),
                    GroupSearch.index(group, remotes), interfacesKnown, ownProject);
            rowsById.put(group.id(), row);
            (group.isDefault() ? defaults : customs).add(row);
        }
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** The review of the project, once it is in; null before (and for the first pages of a load). */
    CatalogReview review() {
        return review;
    }

    /** On the FX thread: the review is in; each row gets its findings. */
    void reviewed(CatalogReview done) {
        review = done;
        findingsFrom(done);
    }

    /**
     * On the FX thread: the rows show the findings of an earlier review of the same place (by group id) while
     * their own review is being made, so that the badges do not blink out at each change or refresh.
     */
    void findingsFrom(CatalogReview earlier) {
        for (GroupRow row : rowsById.values()) {
            row.reviewed(earlier.about(row.id()));
        }
    }

    /**
     * True when {@code loaded} holds what this catalog shows: the same groups, interfaces, address groups and
     * unreadable parts, live or offline alike (for the worker: a load that brings nothing new keeps this catalog
     * and its review).
     */
    boolean sameData(Snapshot loaded) {
        return snapshot != null && loaded != null && Objects.equals(snapshot.offline(), loaded.offline())
                && same(snapshot.groups(), loaded.groups()) && same(snapshot.ports(), loaded.ports())
                && same(snapshot.gaps(), loaded.gaps()) && same(snapshot.addressGroups(), loaded.addressGroups());
    }

    private static boolean same(List<?> shown, List<?> loaded) {
        return shown == loaded || shown.equals(loaded);
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
        // in the group's own order, as the group dialog numbers them (rule 3 there is the third line here)
        List<RuleLine> rules = row.group().rules().stream()
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
