package dev.portcullis.ui.network;

import dev.portcullis.domain.Port;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An interface that uses a group: what to call it, its addresses ({@code 10.0.0.11, fd00::11}) and the
 * names of the other groups it keeps when this one is removed from it.
 */
public record InterfaceUse(Port port, String label, String addresses, List<String> otherGroups) {

    public InterfaceUse {
        otherGroups = List.copyOf(otherGroups);
    }

    static InterfaceUse of(Port port, String groupId, Function<String, String> groupName) {
        List<String> others = port.securityGroupIds().stream().filter(id -> !id.equals(groupId))
                .map(id -> Objects.requireNonNullElse(groupName.apply(id), id)).toList();
        return new InterfaceUse(port, port.label(), String.join(", ", port.fixedIps()), others);
    }
}
