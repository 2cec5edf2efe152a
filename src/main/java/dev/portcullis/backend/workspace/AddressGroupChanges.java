package dev.portcullis.backend.workspace;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Neutron does to a project's address groups, for the workspace: a new group with the draft's prefixes
 * (host bits cleared, each once); a change that adds and removes the prefixes the user added and removed from
 * the group as they saw it (Neutron has no other way to change them), so a prefix someone else added stays;
 * a deletion refused while a rule names the group ({@code AddressGroupInUse}). Nothing here does I/O.
 */
final class AddressGroupChanges {

    static final String IN_USE = "AddressGroupInUse";

    /** A created or changed address group and the project with it. */
    record Changed(Project project, AddressGroup group) {
        Project.Staged<AddressGroup> asStaged() {
            return new Project.Staged<>(project, group);
        }
    }

    private AddressGroupChanges() {
    }

    static Changed create(Project project, AddressGroupDraft draft, Project.Stamp stamp) {
        List<Cidr> addresses = checked(draft, "The address group " + Refusals.quoted(draft.name())
                + " was not created");
        AddressGroup created = new AddressGroup(stamp.id(), project.projectId(), draft.name(), draft.description(),
                addresses);
        List<AddressGroup> next = new ArrayList<>(project.addressGroups());
        next.add(created);
        return new Changed(project.withAddressGroups(next), created);
    }

    static Changed update(Project project, AddressGroup before, AddressGroupDraft draft) {
        List<Cidr> wanted = checked(draft, "The address group " + label(before) + " was not changed");
        AddressGroup current = project.addressGroups().stream().filter(a -> a.id().equals(before.id())).findFirst()
                .orElseThrow(() -> notFound(before));
        Set<Cidr> added = new LinkedHashSet<>(wanted);
        before.addresses().forEach(added::remove);
        Set<Cidr> removed = new LinkedHashSet<>(before.addresses());
        wanted.forEach(removed::remove);
        Set<Cidr> now = new LinkedHashSet<>(current.addresses());
        now.addAll(added);
        now.removeAll(removed);
        AddressGroup changed = new AddressGroup(current.id(), current.projectId(), draft.name(), draft.description(),
                AddressGroupDraft.sorted(now));
        List<AddressGroup> next = project.addressGroups().stream().map(a -> a.id().equals(changed.id()) ? changed : a)
                .toList();
        return new Changed(project.withAddressGroups(next), changed);
    }

    /** The project without the group; the same project when it is gone already. */
    static Project delete(Project project, AddressGroup group) {
        int naming = 0;
        for (SecurityGroup g : project.groups()) {
            for (Rule rule : g.rules()) {
                naming += group.id().equals(rule.remoteAddressGroupId()) ? 1 : 0;
            }
        }
        if (naming > 0) {
            throw new BackendException(Kind.CONFLICT, IN_USE, "The address group " + label(group)
                    + " is not deleted: " + naming + (naming == 1 ? " rule names" : " rules name")
                    + " it as their remote. Change or delete those rules first.");
        }
        List<AddressGroup> next = project.addressGroups().stream().filter(a -> !a.id().equals(group.id())).toList();
        return next.size() == project.addressGroups().size() ? project : project.withAddressGroups(next);
    }

    private static List<Cidr> checked(AddressGroupDraft draft, String lead) {
        AddressGroupDraft.Checked checked = draft.check();
        if (!checked.valid()) {
            throw Refusals.of(lead, checked.problems());
        }
        return checked.addresses();
    }

    private static BackendException notFound(AddressGroup group) {
        return new BackendException(Kind.NOT_FOUND, Refusals.ADDRESS_GROUP_NOT_FOUND, "The address group "
                + label(group) + " does not exist (any more): someone may have deleted it.");
    }

    private static String label(AddressGroup group) {
        return group.name().isBlank() ? group.id() : Refusals.quoted(group.name());
    }
}
