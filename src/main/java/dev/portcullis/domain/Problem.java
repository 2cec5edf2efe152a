package dev.portcullis.domain;

import java.util.Objects;

/**
 * One thing wrong with an input. {@code code} is Neutron's {@code NeutronError.type} for the same
 * condition (or one of ours, see {@link ErrorCode}); {@code field} names the member it is about
 * ({@code port_range_min}, {@code security_group_rules[2].remote_ip_prefix}); {@code message} is for people.
 */
public record Problem(String code, String field, String message) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same problem with its field placed under a path, e.g. {@code security_groups[0].}. */
    public Problem under(String path) {
        return new Problem(code, field.isEmpty() ? stripDot(path) : path + field, message);
    }

    private static String stripDot(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
