package dev.portcullis.backend.neutron;

import dev.portcullis.backend.BackendException;

/**
 * A refusal the server answered with: the words for a person, and what Neutron itself said (its HTTP status
 * and message), which the backend reads to say more (the rule id of a duplicate, say).
 */
public final class NeutronRefusal extends BackendException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String neutronMessage;

    NeutronRefusal(Kind kind, String code, String message, int status, String neutronMessage) {
        super(kind, code, message);
        this.status = status;
        this.neutronMessage = neutronMessage == null ? "" : neutronMessage;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Neutron's own message ({@code NeutronError.message}), or empty when it gave none. */
    public String neutronMessage() {
        return neutronMessage;
    }

    /** The same refusal in other words, keeping its kind, code and Neutron's message. */
    NeutronRefusal reworded(String message) {
        return new NeutronRefusal(kind(), code(), message, status, neutronMessage);
    }
}
