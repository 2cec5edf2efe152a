package dev.portcullis.review;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.Port;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.RuleMatch.Match;
import dev.portcullis.review.TrafficCheckAnswer.Found;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Would this packet pass?": an offline answer for one group, or for an interface (the union of its groups,
 * as Neutron applies them). Read as Neutron does: no protocol (or protocol 0) is every protocol, no port
 * range every port, no remote every address of the rule's IP version; the rule's ether type must be the
 * address's family. A remote-group rule matches the fixed IPs of the interfaces in that group, which can
 * only be known when the source lists its interfaces; otherwise the rule is undecided, never a denial. An
 * address-group rule matches the group's prefixes of the packet's family; one the source does not hold is
 * undecided, with that reason.
 * Replies that a stateful group lets back in are not modelled: ask about the packet itself. Each rule is read
 * by {@link RuleMatch}, as the console's filter reads it.
 *
 * <p>Building the check is linear in the groups and interfaces (maps by id, made once); each question reads
 * only the rules of the group or interface asked about.
 */
public final class TrafficCheck {

    /** The groups by id (the first listed, should an id repeat), made once. */
    private final Map<String, SecurityGroup> byId = new HashMap<>();
    /** The addresses of each remote group and address group, made once: the check is immutable once built. */
    private final RemoteAddresses remotes;

    /**
     * @param groups     the groups of the source
     * @param ports      its interfaces
     * @param portsKnown whether {@code ports} is every interface of the project (false: the source did not
     *                   say, so remote-group rules cannot be resolved)
     */
    public TrafficCheck(List<SecurityGroup> groups, List<Port> ports, boolean portsKnown) {
        this(groups, ports, portsKnown, List.of());
    }

    /** @param addressGroups the source's address groups, which its rules may name as remotes */
    public TrafficCheck(List<SecurityGroup> groups, List<Port> ports, boolean portsKnown,
                        List<AddressGroup> addressGroups) {
        groups.forEach(g -> byId.putIfAbsent(g.id(), g));
        remotes = RemoteAddresses.of(ports, portsKnown, addressGroups);
    }

    public TrafficCheckAnswer check(SecurityGroup group, TrafficCheckPacket packet) {
        List<Found> allowing = new ArrayList<>();
        List<Found> undecided = new ArrayList<>();
        collect(group, packet, allowing, undecided);
        return TrafficCheckAnswer.of(allowing, undecided, List.of());
    }

    /** The union of the interface's groups; a group it names that the source lacks makes a denial unknown. */
    public TrafficCheckAnswer check(Port port, TrafficCheckPacket packet) {
        List<Found> allowing = new ArrayList<>();
        List<Found> undecided = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        for (String id : port.securityGroupIds()) {
            Optional<SecurityGroup> group = Optional.ofNullable(byId.get(id));
            if (group.isPresent()) {
                collect(group.get(), packet, allowing, undecided);
            } else {
                unknowns.add("the interface uses group " + id + ", which the source does not contain");
            }
        }
        return TrafficCheckAnswer.of(allowing, undecided, unknowns);
    }

    private void collect(SecurityGroup group, TrafficCheckPacket packet, List<Found> allowing, List<Found> undecided) {
        for (Rule rule : group.rules()) {
            Match m = match(rule, packet);
            if (m == Match.MATCHES) {
                allowing.add(new Found(group, rule, null));
            } else if (m == Match.UNDECIDED) {
                undecided.add(new Found(group, rule, whyUndecided(rule.remote())));
            }
        }
    }

    /** Whether the rule lets the packet through, resolving remote groups against this check's interfaces. */
    public Match match(Rule rule, TrafficCheckPacket packet) {
        return RuleMatch.of(rule, remotes).match(packet);
    }

    private String whyUndecided(Remote remote) {
        if (remote instanceof Remote.Group g) {
            String name = Optional.ofNullable(byId.get(g.groupId())).map(SecurityGroup::name)
                    .filter(n -> !n.isEmpty()).orElse(DraftIds.shown(g.groupId()));
            return "the rule allows the interfaces of group " + name
                    + ", and the source does not list interfaces, so their addresses are unknown";
        }
        String id = ((Remote.AddressGroup) remote).addressGroupId();
        return "the rule allows address group " + DraftIds.shown(id) + ", which the source does not hold, so its"
                + " addresses are unknown";
    }
}
