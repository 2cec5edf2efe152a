package dev.portcullis.cli;

import dev.portcullis.backend.Snapshot;
import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;
import dev.portcullis.files.DefinitionReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The address groups of a file against the project's, as {@link ProjectChanges} does for groups: an address group
 * of the file is the project's with the same id; failing that, the only one with the same name; failing that, one
 * to create (a Terraform file read without import blocks names its address groups by draft ids, which only a
 * create turns into the project's). One whose addresses or description differ is to be changed. Rules that name
 * an address group of the file name its counterpart in the project.
 */
final class FileAddressGroups {

    /** An address group of the file: the project's it becomes (null: to create) and what it should be. */
    record Change(String fileId, AddressGroup current, AddressGroupDraft wanted) {
        boolean isNew() {
            return current == null;
        }

        /** What the project's address group lacks, and what it has that the file does not. */
        List<String> added() {
            return difference(wanted.addresses(), current == null ? List.of() : strings(current.addresses()));
        }

        List<String> removed() {
            return current == null ? List.of() : difference(strings(current.addresses()), wanted.addresses());
        }

        boolean changes() {
            return isNew() || !added().isEmpty() || !removed().isEmpty()
                    || !current.description().equals(wanted.description()) || !current.name().equals(wanted.name());
        }
    }

    private final List<Change> changes = new ArrayList<>();
    private final List<ProjectChanges.Refusal> refused = new ArrayList<>();
    private final Map<String, String> ids = new HashMap<>();

    FileAddressGroups(DefinitionReport file, Snapshot project) {
        Map<String, AddressGroup> byId = new HashMap<>();
        Map<String, List<AddressGroup>> byName = new HashMap<>();
        for (AddressGroup a : project.addressGroups()) {
            byId.put(a.id(), a);
            byName.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
        }
        Set<String> paired = new HashSet<>();
        for (AddressGroup a : file.addressGroups()) {
            if (byId.containsKey(a.id())) {
                paired.add(a.id());
            }
        }
        for (AddressGroup a : file.addressGroups()) {
            AddressGroup current = byId.get(a.id());
            if (current == null) {
                List<AddressGroup> candidates = byName.getOrDefault(a.name(), List.of()).stream()
                        .filter(c -> !paired.contains(c.id())).toList();
                if (candidates.size() > 1) {
                    refused.add(new ProjectChanges.Refusal("Address group " + a.label(), a.id(), "The project has "
                            + candidates.size() + " address groups called \"" + a.name() + "\" ("
                            + String.join(", ", candidates.stream().map(AddressGroup::id).sorted().toList())
                            + "): give the file's address group the id of the one it is."));
                    continue;
                }
                current = candidates.isEmpty() ? null : candidates.get(0);
            }
            if (current != null) {
                paired.add(current.id());
                ids.put(a.id(), current.id());
            }
            changes.add(new Change(a.id(), current, new AddressGroupDraft(a.name(), a.description(),
                    strings(a.addresses()))));
        }
    }

    /** The address groups to create or change, in the file's order. */
    List<Change> changes() {
        return changes.stream().filter(Change::changes).toList();
    }

    List<ProjectChanges.Refusal> refused() {
        return refused;
    }

    /** Records the project's id of an address group of the file once it has been created. */
    void created(Change change, AddressGroup made) {
        ids.put(change.fileId(), made.id());
    }

    /** The project's id for an address group id of the file; the id itself where the file has no such group. */
    String projectId(String fileId) {
        return ids.getOrDefault(fileId, fileId);
    }

    private static List<String> strings(List<Cidr> prefixes) {
        return prefixes.stream().map(Cidr::toString).toList();
    }

    private static List<String> difference(List<String> from, List<String> without) {
        Set<String> out = new LinkedHashSet<>(from);
        without.forEach(out::remove);
        return List.copyOf(out);
    }
}
