package dev.portcullis.review;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every check the review runs, with its stable id (what settings files and scripts name) and the
 * severity its findings usually have; a few checks lower it where the risk is smaller (see each).
 */
public enum Check {
    /**
     * A group or rule of the source that Neutron would refuse, or that could not be read at all: the review
     * cannot say what it would let in, so it is never passed over in silence.
     */
    INVALID_DEFINITION("invalid-definition", Severity.HIGH),
    /**
     * Something of the source that cannot be known offline (a Terraform data source, a variable without a
     * value, a resource that carries rules but is not read): what it lets in is unknown.
     */
    NOT_REVIEWED("not-reviewed", Severity.HIGH),
    /** All protocols and ports open to every address, inbound; high instead of critical on a group no interface uses. */
    WORLD_OPEN_ALL("world-open-all", Severity.CRITICAL),
    WORLD_OPEN_ADMIN_PORT("world-open-admin-port", Severity.HIGH),
    WORLD_OPEN_DATABASE_PORT("world-open-database-port", Severity.HIGH),
    /**
     * Any other TCP, UDP, SCTP, DCCP or UDP-Lite port open to every address, by what listens there: high for
     * {@link ReviewSettings#highRiskPorts()} (mail, development servers, Kubernetes, etcd, Docker, LDAP...),
     * info for {@link ReviewSettings#publicServicePorts()} (80, 443), medium for any other port; a range
     * takes the severity of the riskiest port inside it.
     */
    WORLD_OPEN_PORT("world-open-port", Severity.MEDIUM),
    PUBLIC_NETWORK("public-network", Severity.MEDIUM),
    WIDE_PUBLIC_NETWORK("wide-public-network", Severity.MEDIUM),
    WIDE_PORT_RANGE("wide-port-range", Severity.MEDIUM),
    /** Info instead of medium when only echo requests (ping) are let in. */
    ICMP_FROM_ANYWHERE("icmp-from-anywhere", Severity.MEDIUM),
    STATELESS_MISSING_EGRESS("stateless-missing-egress", Severity.MEDIUM),
    MISSING_DESCRIPTION("missing-description", Severity.LOW),
    UNUSED_GROUP("unused-group", Severity.LOW),
    DEFAULT_GROUP_EXTRA_RULES("default-group-extra-rules", Severity.LOW),
    DEFAULT_GROUP_IN_USE("default-group-in-use", Severity.LOW),
    HOST_BITS("host-bits", Severity.LOW),
    SEMANTIC_DUPLICATE("semantic-duplicate", Severity.LOW),
    SHADOWED_RULE("shadowed-rule", Severity.LOW),
    DUPLICATE_GROUP_NAME("duplicate-group-name", Severity.LOW),
    RULE_QUOTA("rule-quota", Severity.MEDIUM),
    TOO_MANY_RULES("too-many-rules", Severity.LOW),
    IPV4_ONLY("ipv4-only", Severity.INFO),
    REFERENCED_GROUP("referenced-group", Severity.INFO),
    REMOTE_GROUP_ELSEWHERE("remote-group-elsewhere", Severity.INFO);

    private final String id;
    private final Severity severity;

    Check(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /**
     * True for the checks no setting turns off: they are how a part of the source that could not be read is
     * reported, and without them it would pass unsaid.
     */
    public boolean mandatory() {
        return this == INVALID_DEFINITION || this == NOT_REVIEWED;
    }

    public static Optional<Check> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Check::id).toList();
    }
}
