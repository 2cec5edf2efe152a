package dev.portcullis.domain;

import java.util.List;
import java.util.Objects;

/**
 * A Neutron address group ({@code address-group} extension): a named set of prefixes that a rule can name as
 * its remote ({@code remote_address_group_id}) instead of one prefix. Neutron keeps the prefixes without host
 * bits and sorted; one group may hold IPv4 and IPv6 prefixes, and a rule uses those of its own ether type.
 */
public record AddressGroup(String id, String projectId, String name, String description, List<Cidr> addresses) {

    public AddressGroup {
        Objects.requireNonNull(id);
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        addresses = List.copyOf(addresses);
    }

    /** The prefixes of this IP version (4 or 6), as a rule of that ether type uses them. */
    public List<Cidr> addresses(EtherType etherType) {
        return addresses.stream().filter(c -> c.version() == etherType.version()).toList();
    }

    /** The name, or the id where it has none: how the console and the reports name it. */
    public String label() {
        return name.isEmpty() ? id : name;
    }
}
