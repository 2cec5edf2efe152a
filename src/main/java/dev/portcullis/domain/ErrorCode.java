package dev.portcullis.domain;

/**
 * The problem codes. Most are Neutron's own {@code NeutronError.type}; where Neutron only answers
 * {@code HTTPBadRequest} the code is ours, named for the condition.
 */
public final class ErrorCode {

    // Neutron's types
    public static final String INVALID_CIDR = "InvalidCIDR";
    public static final String INVALID_PORT_RANGE = "SecurityGroupInvalidPortRange";
    public static final String INVALID_PORT_VALUE = "SecurityGroupInvalidPortValue";
    public static final String PARAMETER_CONFLICT = "SecurityGroupRuleParameterConflict";
    public static final String INVALID_ICMP_VALUE = "SecurityGroupInvalidIcmpValue";
    public static final String MISSING_ICMP_TYPE = "SecurityGroupMissingIcmpType";
    public static final String INVALID_PROTOCOL_FOR_PORT = "SecurityGroupInvalidProtocolForPort";
    public static final String PROTOCOL_REQUIRED_WITH_PORTS = "SecurityGroupProtocolRequiredWithPorts";
    public static final String INVALID_PROTOCOL = "SecurityGroupRuleInvalidProtocol";
    public static final String INVALID_ETHERTYPE = "SecurityGroupRuleInvalidEtherType";
    public static final String ETHERTYPE_CONFLICT_WITH_PROTOCOL = "SecurityGroupEthertypeConflictWithProtocol";
    public static final String MULTIPLE_REMOTES = "SecurityGroupMultipleRemoteEntites";
    public static final String GROUP_NOT_FOUND = "SecurityGroupNotFound";
    public static final String RULE_EXISTS = "SecurityGroupRuleExists";
    public static final String DUPLICATE_RULE_IN_POST = "DuplicateSecurityGroupRuleInPost";
    public static final String DEFAULT_ALREADY_EXISTS = "SecurityGroupDefaultAlreadyExists";

    // Ours, where Neutron says HTTPBadRequest
    /** {@code direction} is not exactly {@code ingress} or {@code egress}. */
    public static final String INVALID_DIRECTION = "SecurityGroupRuleInvalidDirection";
    /** A required member ({@code direction}) is missing. */
    public static final String MISSING_ATTRIBUTE = "MissingAttribute";
    /** A name or description longer than 255 characters. */
    public static final String TOO_LONG = "ValueTooLong";
    /** A member of the wrong JSON type (a number where a string belongs, a list where a value belongs). */
    public static final String INVALID_TYPE = "InvalidType";
    /** Neutron's type for a value it cannot convert, such as a {@code stateful} that is not a boolean. */
    public static final String INVALID_INPUT = "InvalidInput";
    /**
     * An id that is empty or not text. Neutron fails on an empty {@code remote_group_id} with an internal
     * error (500) instead of an answer, so we refuse it first.
     */
    public static final String INVALID_ID = "InvalidId";
    /** A member Neutron does not know. */
    public static final String UNRECOGNIZED_ATTRIBUTE = "UnrecognizedAttribute";
    /** A member Neutron sets itself and refuses in a request ({@code id}, {@code normalized_cidr}...). */
    public static final String NOT_ALLOWED_IN_POST = "AttributeNotAllowedInPost";
    /** A member an update cannot change ({@code id}, {@code revision_number}, {@code tenant_id}...). */
    public static final String READ_ONLY_ATTRIBUTE = "AttributeReadOnly";

    private ErrorCode() {
    }
}
