package dev.portcullis.ui.network;

import dev.portcullis.domain.Port;

/** An interface that uses a group: what to call it and its addresses ({@code 10.0.0.11, fd00::11}). */
public record InterfaceUse(Port port, String label, String addresses) {

    static InterfaceUse of(Port port) {
        return new InterfaceUse(port, port.label(), String.join(", ", port.fixedIps()));
    }
}
