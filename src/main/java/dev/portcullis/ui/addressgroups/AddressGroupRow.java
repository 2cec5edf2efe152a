package dev.portcullis.ui.addressgroups;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;

import java.util.stream.Collectors;

/**
 * One row of the address groups table: the group, its prefixes as one line, and how many rules name it
 * (a group named by a rule cannot be deleted).
 */
public record AddressGroupRow(AddressGroup group, int rules) {

    public String name() {
        return group.name().isEmpty() ? "(no name) " + group.id() : group.name();
    }

    public String prefixes() {
        return group.addresses().isEmpty() ? "none yet"
                : group.addresses().stream().map(Cidr::toString).collect(Collectors.joining(", "));
    }

    public String usedBy() {
        return rules == 0 ? "no rule" : rules == 1 ? "1 rule" : rules + " rules";
    }
}
