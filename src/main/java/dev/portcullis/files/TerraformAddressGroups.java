package dev.portcullis.files;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The address groups a Terraform export writes: each address group that a rule of the exported groups names
 * and that the project knows becomes an {@code openstack_networking_address_group_v2} (the provider's
 * arguments {@code name}, {@code description}, {@code addresses}; an {@code import} block for one that exists),
 * written before the groups, and the rules name it as {@code openstack_networking_address_group_v2.NAME.id}.
 * Resource names are made as the groups' are (from the draft id's resource name, else the name), unique among
 * address groups and stable for the same input. An address group a rule names that the project does not know,
 * or that another project owns (shared with this one), stays its id, with a comment saying so. Address groups
 * no exported rule names are not written.
 */
final class TerraformAddressGroups {

    static final String TYPE = "openstack_networking_address_group_v2";

    private final Map<String, AddressGroup> known = new HashMap<>();
    /** The resource name of each address group written, by id, in the order the rules first name them. */
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final int unused;

    TerraformAddressGroups(List<SecurityGroup> groups, List<AddressGroup> addressGroups) {
        addressGroups.forEach(a -> known.putIfAbsent(a.id(), a));
        TerraformText.Names names = new TerraformText.Names();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (SecurityGroup g : groups) {
            for (Rule r : g.rules()) {
                String id = r.remoteAddressGroupId();
                if (id == null) {
                    continue;
                }
                named.add(id);
                AddressGroup a = known.get(id);
                if (a != null && !resources.containsKey(id) && !foreign(a, g)) {
                    resources.put(id, names.unique(TerraformText.draftResourceName(TYPE, id)
                            .orElse(a.name().isEmpty() ? "address_group" : a.name())));
                }
            }
        }
        unused = (int) known.keySet().stream().filter(id -> !named.contains(id)).count();
    }

    /**
     * An address group of another project than the group whose rule names it (shared with this one): not
     * written, for the configuration would then manage, and on destroy delete, another project's address group.
     */
    private static boolean foreign(AddressGroup a, SecurityGroup g) {
        return a.projectId() != null && g.projectId() != null && !a.projectId().equals(g.projectId());
    }

    /** {@code openstack_networking_address_group_v2.NAME.id} for an address group written, else null. */
    String reference(String id) {
        String resource = resources.get(id);
        return resource == null ? null : TYPE + "." + resource + ".id";
    }

    /**
     * Why a rule names its address group by id rather than by a resource of the file (the comment above it and
     * its note): the project does not know it, or it is another project's; null for a rule naming none, or one
     * written.
     */
    String byIdNote(Rule r) {
        String id = r.remoteAddressGroupId();
        if (id == null || resources.containsKey(id)) {
            return null;
        }
        AddressGroup a = known.get(id);
        String quoted = TerraformText.string(id);
        if (a == null) {
            return "address group " + quoted + " is not known here: the rule names it by its id, and it must exist "
                    + "where this is applied.";
        }
        return "address group " + TerraformText.string(a.label()) + " belongs to project "
                + TerraformText.string(a.projectId()) + ": the rule names it by its id " + quoted + ", and this "
                + "configuration does not manage it.";
    }

    /** One line for the address groups of the project that no exported rule names (they are not written), or null. */
    String unusedNote() {
        return unused == 0 ? null : unused + (unused == 1 ? " address group that no rule names is"
                : " address groups that no rule names are") + " not written.";
    }

    /** The resource blocks (and import blocks, with {@code imports}) of the address groups written. */
    void write(StringBuilder out, boolean imports) {
        resources.forEach((id, resource) -> {
            AddressGroup a = known.get(id);
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("name", TerraformText.string(a.name()));
            if (!a.description().isEmpty()) {
                attrs.put("description", TerraformText.string(a.description()));
            }
            attrs.put("addresses", addresses(a.addresses()));
            TerraformText.block(out, "resource \"" + TYPE + "\" \"" + resource + "\"", attrs);
            if (imports) {
                TerraformText.importBlock(out, TYPE + "." + resource, id);
            }
        });
    }

    /** The prefixes one a line, as {@code terraform fmt} leaves a long list. */
    private static String addresses(List<Cidr> addresses) {
        if (addresses.isEmpty()) {
            return "[]";
        }
        List<String> items = new ArrayList<>();
        addresses.forEach(c -> items.add("    " + TerraformText.string(c.toString()) + ",\n"));
        return "[\n" + String.join("", items) + "  ]";
    }
}
