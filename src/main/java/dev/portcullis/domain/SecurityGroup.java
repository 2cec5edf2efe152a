package dev.portcullis.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A security group with its rules, as Neutron shows it. */
public record SecurityGroup(String id, String projectId, String name, String description, boolean stateful,
                            boolean shared, long revision, List<Rule> rules, List<String> tags,
                            Instant createdAt, Instant updatedAt) {

    /** The name Neutron reserves for the project's default group. */
    public static final String DEFAULT_NAME = "default";

    public SecurityGroup {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        rules = List.copyOf(rules);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }

    public long ingressCount() {
        return rules.stream().filter(r -> r.direction() == Direction.INGRESS).count();
    }

    public long egressCount() {
        return rules.size() - ingressCount();
    }

    public SecurityGroup withRules(List<Rule> newRules, long newRevision, Instant updated) {
        return new SecurityGroup(id, projectId, name, description, stateful, shared, newRevision, newRules, tags,
                createdAt, updated);
    }

    public SecurityGroup withNameAndDescription(String newName, String newDescription, long newRevision,
                                                Instant updated) {
        return new SecurityGroup(id, projectId, newName, newDescription, stateful, shared, newRevision, rules, tags,
                createdAt, updated);
    }

    public GroupRef ref() {
        return new GroupRef(id, name, revision);
    }
}
