package dev.portcullis.ui.interfaces;

import dev.portcullis.domain.Port;

import java.util.List;

/** One interface (a Neutron port) as the table shows it: its name, what it belongs to, its addresses and groups. */
public record InterfaceRow(Port port, List<String> groupNames) {

    public InterfaceRow {
        groupNames = List.copyOf(groupNames);
    }

    public String name() {
        return port.name() == null || port.name().isBlank() ? port.id() : port.name();
    }

    /** What the interface belongs to: its owner ({@code compute:nova}) and the device's id, shortened. */
    public String device() {
        String owner = port.deviceOwner() == null ? "" : port.deviceOwner();
        String device = port.deviceId() == null || port.deviceId().isBlank() ? ""
                : port.deviceId().substring(0, Math.min(8, port.deviceId().length()));
        return (owner + " " + device).strip();
    }

    public String addresses() {
        return String.join(", ", port.fixedIps());
    }

    public String groups() {
        return groupNames.isEmpty() ? "no group (nothing may reach it)" : String.join(", ", groupNames);
    }
}
