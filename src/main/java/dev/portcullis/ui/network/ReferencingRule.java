package dev.portcullis.ui.network;

import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.function.Function;

/**
 * A rule of another group whose source or destination is a group: Neutron deletes it together with
 * that group. Its words are made when asked for (a delete's confirmation, a group's details), not for
 * every such rule of a large project at each load.
 */
public record ReferencingRule(SecurityGroup group, Rule rule, Function<String, String> groupNames) {

    /** {@code Ingress IPv4 TCP 5432 from group web-server-public}. */
    public String summary() {
        return rule.summary(groupNames);
    }

    /** {@code db-internal: Ingress IPv4 TCP 5432 from group web-server-public}. */
    public String line() {
        return group.name() + ": " + summary();
    }
}
