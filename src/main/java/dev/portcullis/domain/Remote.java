package dev.portcullis.domain;

import java.util.Objects;

/** Where the traffic of a rule comes from (ingress) or goes to (egress). */
public sealed interface Remote {

    /** No remote given: any address of the rule's IP version. */
    record Anywhere() implements Remote {
    }

    /** {@code remote_ip_prefix}: stored as given, host bits and all. */
    record Prefix(Cidr cidr) implements Remote {
        public Prefix {
            Objects.requireNonNull(cidr);
        }
    }

    /** {@code remote_group_id}: the addresses of the interfaces in another (or the same) group. */
    record Group(String groupId) implements Remote {
        public Group {
            Objects.requireNonNull(groupId);
        }
    }

    /** {@code remote_address_group_id}: a Neutron address group. */
    record AddressGroup(String addressGroupId) implements Remote {
        public AddressGroup {
            Objects.requireNonNull(addressGroupId);
        }
    }

    Remote ANYWHERE = new Anywhere();

    static Remote prefix(String cidr) {
        return new Prefix(Cidr.parse(cidr).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + cidr)));
    }

    static Remote group(String id) {
        return new Group(id);
    }

    /** Anywhere, or a prefix of length 0 (0.0.0.0/0, ::/0): every address. */
    default boolean isEveryAddress() {
        return this instanceof Anywhere || (this instanceof Prefix p && p.cidr().prefixLength() == 0);
    }
}
