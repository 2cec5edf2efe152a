package dev.portcullis.ui.groupeditor;

/** The cells of a rule row, as the table names them; {@link #RULE} is the row as a whole (a duplicate). */
public enum RuleField {
    DIRECTION("Direction"),
    IP_VERSION("IP Version"),
    PROTOCOL("Protocol"),
    PORTS("Port range"),
    REMOTE("Source / destination"),
    DESCRIPTION("Description"),
    RULE("Rule");

    private final String label;

    RuleField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The cell a Neutron member (or a problem's field) belongs to. */
    static RuleField ofMember(String member) {
        return switch (member) {
            case "direction" -> DIRECTION;
            case "ethertype" -> IP_VERSION;
            case "protocol" -> PROTOCOL;
            case "port_range_min", "port_range_max" -> PORTS;
            case "remote_ip_prefix", "remote_group_id", "remote_address_group_id" -> REMOTE;
            case "description" -> DESCRIPTION;
            default -> RULE;
        };
    }
}
