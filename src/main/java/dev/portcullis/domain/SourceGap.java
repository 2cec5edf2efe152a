package dev.portcullis.domain;

import java.util.Objects;

/**
 * A part of a source (a definition file, Terraform, a Heat template, a playbook) that could not be taken as
 * a group or rule: one Neutron would refuse, or one whose values are only known when the source is applied.
 * Carried beside what could be read, so that a review reports it in its place instead of skipping it.
 *
 * @param groupId   the group it is about (its id or draft id), or null for the source as a whole
 * @param groupName that group's name, or null
 * @param ruleId    the rule it is about (its id or draft id), or null
 * @param ruleText  that rule in words where it could be read, else which rule of the group it is
 * @param problem   what is wrong, with the place in the source as its field
 * @param unknown   true when what it stands for cannot be known offline, false when it is wrong
 */
public record SourceGap(String groupId, String groupName, String ruleId, String ruleText, Problem problem,
                        boolean unknown) {

    public SourceGap {
        Objects.requireNonNull(problem, "problem");
    }

    /** The problem in one line: its place, its message and its code. */
    public String text() {
        return (problem.field().isEmpty() ? "" : problem.field() + ": ") + problem.message() + " [" + problem.code()
                + "]";
    }
}
