package dev.portcullis.domain;

import java.util.Objects;

/**
 * A group shared with another project: a Neutron RBAC policy ({@code access_as_shared} on a
 * {@code security_group}) of the group's owner. The other project sees the group, and may put it on its
 * interfaces, but not change it.
 *
 * @param id            the policy's id, which withdrawing the share deletes
 * @param groupId       the group shared
 * @param targetProject the project it is shared with
 */
public record GroupShare(String id, String groupId, String targetProject) {

    public GroupShare {
        Objects.requireNonNull(id);
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(targetProject);
    }
}
