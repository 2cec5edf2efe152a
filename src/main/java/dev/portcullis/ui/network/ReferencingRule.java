package dev.portcullis.ui.network;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

/**
 * A rule of another group whose source or destination is a group: Neutron deletes it together with
 * that group.
 */
public record ReferencingRule(SecurityGroup group, Rule rule, String summary) {

    /** {@code db-internal: Ingress IPv4 TCP 5432 from group web-server-public}. */
    public String line() {
        return group.name() + ": " + summary;
    }
}
