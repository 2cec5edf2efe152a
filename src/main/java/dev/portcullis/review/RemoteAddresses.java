package dev.portcullis.review;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the remotes of a source's rules stand for, made once per source: the fixed IPs of the interfaces of each
 * group (when the source lists its interfaces) and the prefixes of each address group it holds. Shared by
 * Check traffic and the console's filter, so that both read a remote group or an address group alike.
 */
public final class RemoteAddresses {

    /** A source that lists no interfaces and holds no address group: such remotes are undecided. */
    public static final RemoteAddresses UNKNOWN = new RemoteAddresses(false, Map.of(), Map.of());

    private final boolean portsKnown;
    private final Map<String, AddressSet> byGroup;
    private final Map<String, AddressSet> byAddressGroup;

    private RemoteAddresses(boolean portsKnown, Map<String, AddressSet> byGroup,
                            Map<String, AddressSet> byAddressGroup) {
        this.portsKnown = portsKnown;
        this.byGroup = byGroup;
        this.byAddressGroup = byAddressGroup;
    }

    /**
     * @param ports         the source's interfaces
     * @param portsKnown    whether {@code ports} is every interface of the project (false: the source did not
     *                      say, so a remote group's addresses are unknown)
     * @param addressGroups the address groups the source holds (the first, should an id repeat)
     */
    public static RemoteAddresses of(List<Port> ports, boolean portsKnown, List<AddressGroup> addressGroups) {
        Map<String, Set<Cidr>> hosts = new HashMap<>();
        for (Port port : ports) {
            List<Cidr> fixed = new ArrayList<>(port.fixedIps().size());
            port.fixedIps().forEach(ip -> Cidr.host(ip).ifPresent(fixed::add));
            for (String groupId : port.securityGroupIds()) {
                hosts.computeIfAbsent(groupId, id -> new LinkedHashSet<>()).addAll(fixed);
            }
        }
        Map<String, AddressSet> byGroup = new HashMap<>();
        hosts.forEach((id, addresses) -> byGroup.put(id, AddressSet.of(addresses)));
        Map<String, AddressSet> byAddressGroup = new HashMap<>();
        addressGroups.forEach(a -> byAddressGroup.putIfAbsent(a.id(), AddressSet.of(a.addresses())));
        return new RemoteAddresses(portsKnown, byGroup, byAddressGroup);
    }

    /**
     * The addresses a rule's remote stands for (of every IP version: the rule's ether type is compared apart),
     * or null when the source cannot tell: a remote group when interfaces are not listed, an address group
     * the source does not hold.
     */
    public AddressSet of(Remote remote) {
        if (remote instanceof Remote.Anywhere) {
            return AddressSet.EVERY;
        }
        if (remote instanceof Remote.Prefix p) {
            return AddressSet.of(p.cidr());
        }
        if (remote instanceof Remote.Group g) {
            return portsKnown ? byGroup.getOrDefault(g.groupId(), AddressSet.NONE) : null;
        }
        return byAddressGroup.get(((Remote.AddressGroup) remote).addressGroupId());
    }
}
