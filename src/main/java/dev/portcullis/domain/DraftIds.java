package dev.portcullis.domain;

/**
 * Ids for groups and rules that a source defines without one (a hand-written file, Terraform without
 * {@code import} blocks, a Heat template, an Ansible play): {@code draft:KEY}, where KEY is what the source
 * names the group by (its name, a resource address, a Heat resource). Such an id is stable for the same
 * source, lets the source's rules point at the group, and is never sent to Neutron or written as an id:
 * to a cloud, a group with a draft id is a group to create.
 */
public final class DraftIds {

    public static final String PREFIX = "draft:";

    private DraftIds() {
    }

    /** The draft id of a group the source names by {@code key}. */
    public static String group(String key) {
        return PREFIX + key;
    }

    /** The draft id of the {@code position}-th (from 1) rule of a group, for a rule without an id. */
    public static String rule(String groupId, int position) {
        return (isDraft(groupId) ? groupId : PREFIX + groupId) + "#" + position;
    }

    /** True for an id made here rather than given by Neutron or the source. */
    public static boolean isDraft(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    /** The id as a person should read it: the key of a draft id, else the id itself. */
    public static String shown(String id) {
        return isDraft(id) ? id.substring(PREFIX.length()) : id;
    }
}
