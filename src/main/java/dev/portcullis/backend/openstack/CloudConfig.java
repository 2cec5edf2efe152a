package dev.portcullis.backend.openstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One cloud from clouds.yaml (merged with secure.yaml) or from the {@code OS_*} environment variables,
 * checked and ready to open. Secrets live in {@link Credentials} as {@link Secret}s, so this prints safely.
 *
 * @param name             the cloud's name in clouds.yaml, or {@code envvars}
 * @param source           where it was defined, for messages: a file path or "the OS_* environment variables"
 * @param authType         how it authenticates
 * @param authUrl          Keystone's URL as configured (with or without {@code /v3}); null for {@link AuthType#NONE}
 * @param credentials      user, project and secrets; {@link Credentials#NONE} for {@link AuthType#NONE}
 * @param endpointOverride the network endpoint to use instead of the catalog's; always set for {@link AuthType#NONE}
 * @param regionName       the region whose network endpoint to use; null takes the catalog's first
 * @param interfaceName    {@code public}, {@code internal} or {@code admin}
 * @param verify           false only when the configuration turns TLS checks off
 * @param cacert           PEM file with the certificates to trust instead of the system's; null for the system's
 * @param apiTimeout       how long one request may take
 */
public record CloudConfig(
        String name, String source, AuthType authType, URI authUrl, Credentials credentials,
        URI endpointOverride, String regionName, String interfaceName, boolean verify, Path cacert,
        Duration apiTimeout) {

    /** Used when the cloud sets no {@code api_timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Optional<URI> endpointOverrideIfAny() {
        return Optional.ofNullable(endpointOverride);
    }

    public Optional<String> region() {
        return Optional.ofNullable(regionName);
    }

    /**
     * What in these settings exposes the password, the token or the groups to others on the network, one
     * sentence each; empty when nothing does. The console's strip and the command line both say these.
     */
    public java.util.List<String> warnings() {
        return InsecureSettings.of(this);
    }

    /** One line for a chooser: name, project and where it is. */
    public String summary() {
        String where = authType == AuthType.NONE ? String.valueOf(endpointOverride) : String.valueOf(authUrl);
        String project = credentials.projectLabel();
        return name + (project != null ? " (project " + project + ")" : "") + " at " + where;
    }
}
