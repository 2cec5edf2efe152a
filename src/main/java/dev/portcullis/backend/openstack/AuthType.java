package dev.portcullis.backend.openstack;

import java.util.Locale;
import java.util.Optional;

/** How a cloud authenticates, from its {@code auth_type} (keystoneauth's plugin names). */
public enum AuthType {
    /** Keystone v3 user name (or id) and password, scoped to a project. */
    PASSWORD("password, v3password"),
    /** Keystone v3 application credential (id, or name and user) and secret; the credential carries its scope. */
    APPLICATION_CREDENTIAL("v3applicationcredential"),
    /** An existing Keystone token, exchanged for one scoped to the project. */
    TOKEN("token, v3token"),
    /** No Keystone: requests go straight to a configured endpoint. */
    NONE("none, noauth");

    private final String names;

    AuthType(String names) {
        this.names = names;
    }

    /** The {@code auth_type} values that mean this. */
    public String names() {
        return names;
    }

    /** The type an {@code auth_type} value names, if Portcullis supports it. Blank means none, as in openstacksdk. */
    public static Optional<AuthType> parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "password", "v3password" -> Optional.of(PASSWORD);
            case "v3applicationcredential", "applicationcredential" -> Optional.of(APPLICATION_CREDENTIAL);
            case "token", "v3token" -> Optional.of(TOKEN);
            case "none", "noauth", "" -> Optional.of(NONE);
            default -> Optional.empty();
        };
    }

    /** Every accepted value, for a message about an unknown one. */
    public static String supported() {
        return "password, v3password, v3applicationcredential, token, v3token, none, noauth";
    }
}
