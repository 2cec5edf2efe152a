package dev.portcullis.review;

import java.util.Objects;

/**
 * One thing the review noticed.
 *
 * @param check       the stable id of the check that found it, e.g. {@code world-open-admin-port}
 * @param severity    how much it matters
 * @param groupId     the group it concerns, or null for the project as a whole (e.g. the rule quota)
 * @param groupName   that group's name ("" when it has none), or null with {@code groupId}
 * @param ruleId      the rule it concerns, or null for the group itself or for a rule without an id (a draft)
 * @param rule        that rule in one line ({@code Ingress IPv4 TCP 22 from 0.0.0.0/0}), or null for a group
 * @param explanation what is wrong, in one line
 * @param fix         what to do about it, in one line
 */
public record Finding(String check, Severity severity, String groupId, String groupName, String ruleId, String rule,
                      String explanation, String fix) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(fix, "fix");
    }

    public Finding withSeverity(Severity other) {
        return new Finding(check, other, groupId, groupName, ruleId, rule, explanation, fix);
    }
}
