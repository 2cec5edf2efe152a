package dev.portcullis.review;

/**
 * A part of a source that the review cannot judge, handed to it so that it becomes a finding instead of
 * being skipped: a group or rule Neutron would refuse ({@link Check#INVALID_DEFINITION}), or something that
 * cannot be known offline ({@link Check#NOT_REVIEWED}).
 *
 * @param unknown     true when what it lets in cannot be known offline, false when it is invalid
 * @param groupId     the group it is about, or null for the source as a whole
 * @param groupName   that group's name
 * @param ruleId      the rule it is about, or null
 * @param ruleText    that rule in words, where it could be read, else null
 * @param explanation what is wrong and where, in one line
 * @param fix         what to do about it
 */
public record Unreviewed(boolean unknown, String groupId, String groupName, String ruleId, String ruleText,
                         String explanation, String fix) {
}
