package dev.portcullis.domain;

import java.util.List;
import java.util.Objects;

/**
 * A network interface (Neutron port) and the groups applied to it. {@code deviceId} is the server it
 * belongs to; {@code fixedIps} are its addresses.
 */
public record Port(String id, String name, String deviceId, String deviceOwner, List<String> fixedIps,
                   List<String> securityGroupIds) {

    public Port {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        fixedIps = fixedIps == null ? List.of() : List.copyOf(fixedIps);
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    }

    public boolean uses(String groupId) {
        return securityGroupIds.contains(groupId);
    }

    /** The name if it has one, else the id: what to call it in a message. */
    public String label() {
        return name.isBlank() ? id : name;
    }

    public Port withoutGroup(String groupId) {
        return new Port(id, name, deviceId, deviceOwner, fixedIps,
                securityGroupIds.stream().filter(g -> !g.equals(groupId)).toList());
    }

    public PortRef ref() {
        return new PortRef(id, label());
    }
}
