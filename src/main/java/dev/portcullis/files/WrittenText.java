package dev.portcullis.files;

import java.util.List;

/**
 * A project's groups written in another tool's language (a Heat template, an Ansible playbook), and one line
 * for each thing the text does not say as the groups have it (tags, rules naming an address group).
 */
public record WrittenText(String text, List<String> notes) {

    public WrittenText {
        notes = List.copyOf(notes);
    }

    /** The note for a group whose tags a format cannot hold ({@code what}: the resource or module); null without tags. */
    static String tagsLeftOut(dev.portcullis.domain.SecurityGroup group, String what) {
        if (group.tags().isEmpty()) {
            return null;
        }
        return "The tags of " + group.name() + " (" + String.join(", ", dev.portcullis.domain.Tags.normalized(
                group.tags())) + ") are not written: " + what + " has no tags.";
    }

    /** How many of an address group's prefixes a note names before it says how many more there are. */
    private static final int NAMED_ADDRESSES = 10;

    /**
     * The note for a rule left out because its remote is an address group, which {@code what} cannot name:
     * the rule, and the address group by name with its prefixes (the first ten, and how many more), or by id
     * where {@code known} does not hold it.
     */
    static String addressGroupLeftOut(dev.portcullis.domain.SecurityGroup group, dev.portcullis.domain.Rule rule,
                                      java.util.Map<String, dev.portcullis.domain.AddressGroup> known, String what) {
        String id = rule.remoteAddressGroupId();
        dev.portcullis.domain.AddressGroup a = known.get(id);
        String held;
        if (a == null) {
            held = "address group " + id + " is not known here";
        } else if (a.addresses().isEmpty()) {
            held = "address group " + a.label() + " holds no addresses";
        } else {
            List<String> shown = a.addresses().stream().limit(NAMED_ADDRESSES).map(Object::toString).toList();
            int more = a.addresses().size() - shown.size();
            held = "address group " + a.label() + " holds " + String.join(", ", shown)
                    + (more > 0 ? " and " + more + " more" : "");
        }
        return "A rule of " + group.name() + " (" + rule.summary(g -> a != null && g.equals(id) ? a.label() : null)
                + ") is not written: " + what + " cannot name a remote address group (" + held + ").";
    }

    /** The address groups by id, for {@link #addressGroupLeftOut}. */
    static java.util.Map<String, dev.portcullis.domain.AddressGroup> byId(
            List<dev.portcullis.domain.AddressGroup> addressGroups) {
        java.util.Map<String, dev.portcullis.domain.AddressGroup> byId = new java.util.HashMap<>();
        addressGroups.forEach(a -> byId.putIfAbsent(a.id(), a));
        return byId;
    }
}
