package dev.portcullis.backend.workspace;

import dev.portcullis.backend.BackendException;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.ChangePlan;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.GroupRef;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.PortRef;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Raw;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.domain.Tags;
import dev.portcullis.domain.Validation;
import dev.portcullis.files.Definitions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One project's groups and interfaces, and what Neutron does to them: each operation answers a new
 * project (this one never changes) or throws the {@link BackendException} Neutron's refusal maps to.
 * Revision numbers move as Neutron's do: a new group is at 1 (adding its egress rules bumps it once), and
 * every successful update, rule create request or rule delete adds 1, as does losing rules to a deleted
 * remote group. Nothing here does I/O.
 *
 * @param projectId the project new groups belong to
 */
record Project(String projectId, List<SecurityGroup> groups, List<Port> ports, List<AddressGroup> addressGroups) {

    static final String DEFAULT_DESCRIPTION = "Default security group";

    Project {
        Objects.requireNonNull(projectId);
        groups = GroupList.of(groups);
        ports = List.copyOf(ports);
        addressGroups = List.copyOf(addressGroups);
    }

    /** Where the ids and the time of a change come from. */
    record Stamp(Instant now, Supplier<String> ids) {
        String id() {
            return ids.get();
        }
    }

    /** A created group and the project with it. */
    record Created(Project project, SecurityGroup group) {
    }

    /** A changed interface and the project with it. */
    record Detached(Project project, Port port) {
        Staged<Port> asStaged() {
            return new Staged<>(project, port);
        }
    }

    /** What a change answers, and the project after it (this project when nothing changed). */
    record Staged<T>(Project project, T value) {
    }

    static Project empty(String projectId) {
        return new Project(projectId, List.of(), List.of(), List.of());
    }

    /** The project of a file: the default group's project, else the first group's, else {@code fallback}. */
    static Project of(Definitions definitions, String fallback) {
        String project = definitions.groups().stream().filter(SecurityGroup::isDefault)
                .map(SecurityGroup::projectId).filter(Objects::nonNull).findFirst()
                .or(() -> definitions.groups().stream().map(SecurityGroup::projectId).filter(Objects::nonNull)
                        .findFirst())
                .orElse(fallback);
        return new Project(project, definitions.groups(), definitions.ports(), definitions.addressGroups());
    }

    Definitions definitions() {
        return new Definitions(groups, ports, addressGroups);
    }

    Optional<SecurityGroup> group(String id) {
        return ((GroupList) groups).byId(id);
    }

    boolean hasDefaultGroup() {
        return defaultGroup().isPresent();
    }

    Optional<SecurityGroup> defaultGroup() {
        return groups.stream().filter(SecurityGroup::isDefault).findFirst();
    }

    SecurityGroup require(String id, String name) {
        return group(id).orElseThrow(() -> Refusals.groupNotFound(id, name));
    }

    /** A group's name for messages, or null for an id that is no group. */
    String groupName(String id) {
        return group(id).map(SecurityGroup::name).orElse(null);
    }

    /**
     * The project's default group as Neutron makes it: all outbound traffic, and inbound traffic from the
     * interfaces in the same group, for IPv4 and IPv6. Neutron leaves these rules' descriptions empty (null).
     */
    Project withDefaultGroup(Stamp stamp) {
        String id = stamp.id();
        List<Rule> rules = List.of(
                Rule.egressAnywhere(EtherType.IPV4).withId(stamp.id()),
                Rule.egressAnywhere(EtherType.IPV6).withId(stamp.id()),
                new Rule(stamp.id(), Direction.INGRESS, EtherType.IPV4, Protocol.ANY, PortRange.ANY,
                        Remote.group(id), null),
                new Rule(stamp.id(), Direction.INGRESS, EtherType.IPV6, Protocol.ANY, PortRange.ANY,
                        Remote.group(id), null));
        SecurityGroup group = new SecurityGroup(id, projectId, SecurityGroup.DEFAULT_NAME, DEFAULT_DESCRIPTION, true,
                false, 1, rules, List.of(), stamp.now(), stamp.now());
        return withGroup(group);
    }

    /**
     * Creates a group with exactly the draft's rules, as the Neutron backend does it: the group with the two
     * egress rules Neutron adds, then the plan from that group to the draft (one request creating the other
     * rules, a delete for each egress rule the draft does not have). Everything is checked first, so a
     * refused draft creates nothing.
     */
    Created create(GroupDraft draft, Stamp stamp) {
        List<Problem> problems = new ArrayList<>(groupFields(draft.name(), draft.description(), draft.stateful(),
                true));
        List<Rule> wanted = draft.rules().stream().map(Rule::asDraft).toList();
        RuleChecks.Checked checked = RuleChecks.check(wanted, List.of(), null, groupIds(), addressGroupIds(),
                this::groupName);
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            throw Refusals.of("The group " + Refusals.quoted(draft.name()) + " was not created", problems);
        }
        String id = stamp.id();
        List<Rule> egress = List.of(Rule.egressAnywhere(EtherType.IPV4).withId(stamp.id()),
                Rule.egressAnywhere(EtherType.IPV6).withId(stamp.id()));
        SecurityGroup base = new SecurityGroup(id, projectId, draft.name(), draft.description(), draft.stateful(),
                false, 1, egress, List.of(), stamp.now(), stamp.now());
        Project project = withGroup(base);
        ChangePlan plan = ChangePlan.between(base, new GroupDraft(draft.name(), draft.description(),
                draft.stateful(), wanted));
        for (ChangePlan.Operation operation : plan.operations()) {
            project = project.run(id, operation, stamp);
        }
        return new Created(project, project.require(id, draft.name()));
    }

    /** Runs one operation of a plan on a group. */
    Project run(String groupId, ChangePlan.Operation operation, Stamp stamp) {
        if (operation instanceof ChangePlan.UpdateGroup u) {
            return update(groupId, u.update(), stamp);
        }
        if (operation instanceof ChangePlan.DeleteRule d) {
            return deleteRule(groupId, d.rule(), stamp);
        }
        if (operation instanceof ChangePlan.CreateRules c) {
            return createRules(groupId, c.rules(), stamp);
        }
        throw new IllegalArgumentException("unknown operation " + operation);
    }

    /**
     * {@code PUT /v2.0/security-groups/ID} with the members the update says changed, and only those, checked
     * in Neutron's order: the members themselves (a name "default" is refused in any request that sets a
     * name); then a change of statefulness, refused while an interface uses the group; then any name at all
     * on the default group, refused even unchanged. Its description alone may change.
     */
    Project update(String groupId, ChangePlan.GroupUpdate update, Stamp stamp) {
        SecurityGroup group = require(groupId, null);
        Set<String> changed = update.changed();
        boolean setsName = changed.contains(ChangePlan.GroupUpdate.NAME);
        boolean setsDescription = changed.contains(ChangePlan.GroupUpdate.DESCRIPTION);
        boolean setsStateful = changed.contains(ChangePlan.GroupUpdate.STATEFUL);
        String description = update.description() == null ? "" : update.description();
        Map<String, Raw> members = new LinkedHashMap<>();
        if (setsName) {
            members.put("name", Raw.text(update.name()));
        }
        if (setsDescription) {
            members.put("description", Raw.text(description));
        }
        if (setsStateful) {
            members.put("stateful", Raw.bool(update.stateful()));
        }
        List<Problem> problems = Validation.groupFields(members, true).problems();
        if (!problems.isEmpty()) {
            throw Refusals.of("The group was not changed", problems);
        }
        if (setsStateful && update.stateful() != group.stateful()) {
            List<String> users = portsUsing(groupId);
            if (!users.isEmpty()) {
                throw Refusals.statefulInUse(update.stateful(), users);
            }
        }
        if (setsName && group.isDefault()) {
            throw Refusals.cannotUpdateDefault();
        }
        String name = setsName ? update.name() : group.name();
        String newDescription = setsDescription ? description : group.description();
        boolean stateful = setsStateful ? update.stateful() : group.stateful();
        if (name.equals(group.name()) && Objects.equals(newDescription, group.description())
                && stateful == group.stateful()) {
            return this; // Neutron does not bump a revision for an update that changes nothing
        }
        return withGroup(new SecurityGroup(group.id(), group.projectId(), name, newDescription, stateful,
                group.shared(), group.revision() + 1, group.rules(), group.tags(), group.createdAt(), stamp.now()));
    }

    /**
     * {@code PUT /v2.0/security-groups/ID/tags} under the revision the caller read: the group with exactly these
     * tags, kept as Neutron keeps them (sorted, one of each whatever the letter case); unchanged (same revision)
     * when they are the tags it has.
     */
    Project retag(GroupRef ref, List<String> tags, Stamp stamp) {
        SecurityGroup group = require(ref.id(), ref.name());
        if (group.revision() != ref.revision()) {
            throw Refusals.stale(ref.revision(), group.revision());
        }
        List<Problem> problems = Tags.check(tags);
        if (!problems.isEmpty()) {
            throw Refusals.of("The tags were not changed", problems);
        }
        if (Tags.same(tags, group.tags())) {
            return this;
        }
        List<String> kept = Tags.normalized(tags);
        return withGroup(new SecurityGroup(group.id(), group.projectId(), group.name(), group.description(),
                group.stateful(), group.shared(), group.revision() + 1, group.rules(), kept, group.createdAt(),
                stamp.now()));
    }

    /** {@code DELETE /v2.0/security-group-rules/ID} for a rule of this group. */
    Project deleteRule(String groupId, Rule rule, Stamp stamp) {
        SecurityGroup group = require(groupId, null);
        boolean present = rule.id() != null && group.rules().stream().anyMatch(r -> r.id().equals(rule.id()));
        if (!present) {
            throw Refusals.ruleNotFound(rule.id(), rule.summary(this::groupName));
        }
        List<Rule> rules = group.rules().stream().filter(r -> !r.id().equals(rule.id())).toList();
        return withGroup(group.withRules(rules, group.revision() + 1, stamp.now()));
    }

    /** {@code POST /v2.0/security-group-rules} with a bulk of rules for one group: all or none. */
    Project createRules(String groupId, List<Rule> wanted, Stamp stamp) {
        SecurityGroup group = require(groupId, null);
        if (wanted.isEmpty()) {
            return this;
        }
        RuleChecks.Checked checked = RuleChecks.check(wanted, group.rules(), groupId, groupIds(),
                addressGroupIds(), this::groupName);
        if (!checked.valid()) {
            throw Refusals.of("The rules were not added", checked.problems());
        }
        List<Rule> rules = new ArrayList<>(group.rules());
        checked.rules().forEach(r -> rules.add(r.withId(stamp.id())));
        return withGroup(group.withRules(rules, group.revision() + 1, stamp.now()));
    }

    /**
     * {@code DELETE /v2.0/security-groups/ID}: refused while an interface uses the group; the rules of other
     * groups that name it as their remote group go with it, and those groups' revisions move.
     */
    Project delete(GroupRef ref, Stamp stamp) {
        List<String> users = portsUsing(ref.id());
        if (!users.isEmpty()) {
            throw Refusals.inUse(users);
        }
        SecurityGroup group = require(ref.id(), ref.name());
        if (group.isDefault()) {
            throw Refusals.cannotRemoveDefault();
        }
        List<SecurityGroup> remaining = new ArrayList<>();
        for (SecurityGroup other : groups) {
            if (other.id().equals(group.id())) {
                continue;
            }
            List<Rule> kept = other.rules().stream().filter(r -> !group.id().equals(r.remoteGroupId())).toList();
            remaining.add(kept.size() == other.rules().size() ? other
                    : other.withRules(kept, other.revision() + 1, stamp.now()));
        }
        return new Project(projectId, remaining, ports, addressGroups);
    }

    /** {@code PUT /v2.0/ports/ID} with the port's groups less one. */
    Detached detach(PortRef ref, GroupRef group) {
        Port port = ports.stream().filter(p -> p.id().equals(ref.id())).findFirst()
                .orElseThrow(() -> Refusals.portNotFound(ref.id(), ref.label()));
        if (!port.uses(group.id())) {
            return new Detached(this, port);
        }
        Port changed = port.withoutGroup(group.id());
        return new Detached(withPort(changed), changed);
    }

    /** {@code PUT /v2.0/ports/ID} with the port's groups and one more, which must exist. */
    Detached attach(PortRef ref, GroupRef group) {
        Port port = ports.stream().filter(p -> p.id().equals(ref.id())).findFirst()
                .orElseThrow(() -> Refusals.portNotFound(ref.id(), ref.label()));
        if (port.uses(group.id())) {
            return new Detached(this, port);
        }
        require(group.id(), group.name());
        List<String> groups = new ArrayList<>(port.securityGroupIds());
        groups.add(group.id());
        Port changed = new Port(port.id(), port.name(), port.deviceId(), port.deviceOwner(), port.fixedIps(), groups);
        return new Detached(withPort(changed), changed);
    }

    /** Adds an interface, or replaces the one with the same id. Its groups must exist. */
    Project withPort(Port port) {
        for (String id : port.securityGroupIds()) {
            require(id, null);
        }
        List<Port> next = new ArrayList<>();
        boolean replaced = false;
        for (Port p : ports) {
            if (p.id().equals(port.id())) {
                next.add(port);
                replaced = true;
            } else {
                next.add(p);
            }
        }
        if (!replaced) {
            next.add(port);
        }
        return new Project(projectId, groups, next, addressGroups);
    }

    /** The project with {@code group} added, or in place of the group with its id. */
    Project withGroup(SecurityGroup group) {
        return new Project(projectId, ((GroupList) groups).with(group), ports, addressGroups);
    }

    /** The project with these address groups (see {@link AddressGroupChanges}). */
    Project withAddressGroups(List<AddressGroup> next) {
        return new Project(projectId, groups, ports, next);
    }

    /** The interfaces that use a group, as they are named in messages. */
    private List<String> portsUsing(String groupId) {
        return ports.stream().filter(p -> p.uses(groupId)).map(Port::label).toList();
    }

    private Predicate<String> addressGroupIds() {
        Set<String> ids = new java.util.HashSet<>();
        addressGroups.forEach(a -> ids.add(a.id()));
        return ids::contains;
    }

    private Predicate<String> groupIds() {
        return ((GroupList) groups)::containsId;
    }

    private static List<Problem> groupFields(String name, String description, boolean stateful, boolean isNew) {
        Map<String, Raw> members = new LinkedHashMap<>();
        members.put("name", Raw.text(name));
        members.put("description", Raw.text(description));
        members.put("stateful", Raw.bool(stateful));
        return Validation.groupFields(members, isNew).problems();
    }
}
