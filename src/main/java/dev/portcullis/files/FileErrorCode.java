package dev.portcullis.files;

/** Problem codes about a file as a whole, beside the domain's codes for its groups and rules. */
public final class FileErrorCode {

    /** Neutron's own type for JSON it cannot parse. */
    public static final String MALFORMED_JSON = "MalformedRequestBody";
    public static final String TOO_LARGE = "FileTooLarge";
    public static final String TOO_DEEP = "NestedTooDeep";
    /** A number or a text in the JSON longer than the reader takes. */
    public static final String VALUE_TOO_LONG = "JsonValueTooLong";
    public static final String EMPTY = "FileEmpty";
    public static final String UNREADABLE = "FileUnreadable";
    public static final String DUPLICATE_MEMBER = "DuplicateMember";
    public static final String UNSUPPORTED_FORMAT = "UnsupportedFormat";
    /** A member that should hold a list or an object holds something else, or a required one is missing. */
    public static final String WRONG_SHAPE = "WrongShape";
    /** A rule that names another group than the one it is in. */
    public static final String RULE_IN_WRONG_GROUP = "SecurityGroupNotSingleGroupRules";
    public static final String DUPLICATE_ID = "DuplicateId";
    /** A note: the file lists groups without their rules (what "openstack security group list" prints). */
    public static final String RULES_NOT_LISTED = "RulesNotListed";

    /**
     * Problem codes for what a source leaves to be known only when it is applied (a data source, an unset
     * variable) or holds in a form Portcullis does not read (a Terraform module, a firewall rule).
     */
    private static final java.util.Set<String> UNKNOWABLE = java.util.Set.of("TerraformUnknown", "TerraformNotRead",
            "HeatNotResolved", "AnsibleNotResolved");

    /** True for a problem that says what a part lets in cannot be known here, rather than that it is wrong. */
    public static boolean unknowable(String code) {
        return UNKNOWABLE.contains(code);
    }

    private FileErrorCode() {
    }
}
