package dev.portcullis.review;

import dev.portcullis.domain.Cidr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses a rule's remote stands for: every address (no remote), one prefix, the fixed IPs of the
 * interfaces of a remote group, or the prefixes of an address group. Made once per remote; asking whether it
 * holds an address is a hash lookup (single addresses) or a few prefix comparisons, never a parse.
 */
public final class AddressSet {

    /** Every address (of the rule's IP version: the ether type is compared by {@link RuleMatch}). */
    public static final AddressSet EVERY = new AddressSet(true, Set.of(), List.of());
    public static final AddressSet NONE = new AddressSet(false, Set.of(), List.of());

    private static final int FEW = 8;

    private final boolean every;
    /** Single addresses (/32, /128), by value: an interface's fixed IPs. */
    private final Set<Cidr> hosts;
    /** The same, to go through without an iterator when a prefix is asked about. */
    private final Cidr[] hostList;
    /** Wider prefixes. */
    private final Cidr[] prefixes;

    private AddressSet(boolean every, Set<Cidr> hosts, List<Cidr> prefixes) {
        this.every = every;
        this.hosts = hosts;
        this.hostList = hosts.toArray(new Cidr[0]);
        this.prefixes = prefixes.toArray(new Cidr[0]);
    }

    /** One prefix, as a rule's {@code remote_ip_prefix} (host bits kept: containment ignores them). */
    public static AddressSet of(Cidr prefix) {
        return new AddressSet(false, Set.of(), List.of(prefix));
    }

    /** Addresses and prefixes, as the fixed IPs of interfaces or an address group's prefixes. */
    public static AddressSet of(Collection<Cidr> addresses) {
        if (addresses.isEmpty()) {
            return NONE;
        }
        Set<Cidr> hosts = new HashSet<>();
        List<Cidr> prefixes = new ArrayList<>();
        for (Cidr address : addresses) {
            if (address.prefixLength() == address.width()) {
                hosts.add(address); // a whole-length prefix has no host bits: equal to the address asked about
            } else {
                prefixes.add(address);
            }
        }
        return new AddressSet(false, hosts.isEmpty() ? Set.of() : hosts, List.copyOf(prefixes));
    }

    /**
     * Whether some address of {@code wanted} (one address, or a prefix) is in this set: for one address, whether
     * it is; for a prefix, whether the two share an address. Allocates nothing.
     */
    public boolean holdsSomeOf(Cidr wanted) {
        if (every) {
            return true;
        }
        boolean single = wanted.prefixLength() == wanted.width();
        // a few addresses (most groups' interfaces) are compared as numbers; many are looked up by hash
        if (single && hostList.length > FEW ? hosts.contains(wanted) : holdsHostIn(wanted)) {
            return true;
        }
        for (Cidr prefix : prefixes) {
            if (prefix.overlaps(wanted)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsHostIn(Cidr wanted) {
        for (Cidr host : hostList) {
            if (wanted.contains(host)) {
                return true;
            }
        }
        return false;
    }
}
