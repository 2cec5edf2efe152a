package dev.portcullis.backend.openstack;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Opens a {@link Session} for a configured cloud: Keystone v3, or a fixed endpoint for {@code auth_type: none}. */
public final class Sessions {

    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

    private Sessions() {
    }

    /**
     * A session for this cloud; nothing is sent until the first {@link Session#access()}.
     *
     * @throws dev.portcullis.backend.BackendException {@code INVALID} when the cacert file is missing or unreadable
     */
    public static Session open(CloudConfig config) {
        return open(config, Clock.systemUTC());
    }

    static Session open(CloudConfig config, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.apiTimeout().compareTo(MAX_CONNECT) < 0 ? config.apiTimeout() : MAX_CONNECT)
                .sslContext(Tls.context(config))
                .build();
        String warning = warning(config);
        if (config.authType() == AuthType.NONE) {
            Access access = new Access(ServiceCatalog.base(config.endpointOverride().toString(), config.name()), Map.of());
            return new FixedSession(config.name(), http, access, config.apiTimeout(), warning);
        }
        return new KeystoneSession(config, http, clock, warning);
    }

    /** The standing warnings of a cloud whose settings expose what is sent, as one text; null when none. */
    static String warning(CloudConfig config) {
        java.util.List<String> warnings = config.warnings();
        return warnings.isEmpty() ? null : String.join(" ", warnings);
    }
}
