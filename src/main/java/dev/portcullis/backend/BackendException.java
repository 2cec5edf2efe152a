package dev.portcullis.backend;

/**
 * A refusal or failure of a backend, with Neutron's error type as {@code code} where there is one and
 * a message a person understands.
 */
public class BackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure it is, for choosing what to offer the user. */
    public enum Kind {
        /** The input is not acceptable; the message says what to change. */
        INVALID,
        /** The thing is not there (any more). */
        NOT_FOUND,
        /** It conflicts with what exists: a duplicate rule, a reserved name, a group in use. */
        CONFLICT,
        /** Someone else changed the group since it was loaded. */
        STALE,
        /** The project's quota is used up. */
        QUOTA,
        /** Not allowed for this user. */
        FORBIDDEN,
        /** The storage or server could not be reached or failed; trying again may work. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public BackendException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public BackendException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** Neutron's {@code NeutronError.type} for this failure, or one of ours. */
    public String code() {
        return code;
    }
}
