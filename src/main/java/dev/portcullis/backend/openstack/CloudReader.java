package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns one cloud's settings into a {@link CloudConfig}, or into problems that say what to change. */
final class CloudReader {

    /** A cloud that cannot be used, with every reason found. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    private final ConfigLocations locations;
    private final Path cwd;

    CloudReader(ConfigLocations locations, Path cwd) {
        this.locations = locations;
        this.cwd = cwd;
    }

    CloudConfig read(String name, String source, JsonNode settings) throws Unusable {
        List<String> problems = new ArrayList<>();
        CloudKeys keys = new CloudKeys(settings, problems);
        AuthType type = authType(keys, problems);
        for (String unsupported : List.of("cert", "key")) {
            if (keys.has(unsupported)) {
                problems.add("'" + unsupported + "' (a TLS client certificate) is set, but Portcullis does not"
                        + " support client certificates; remove it or use another cloud entry.");
            }
        }
        URI endpoint = url(keys, problems, "network_endpoint_override", "network_endpoint");
        URI authUrl = null;
        Credentials credentials = Credentials.NONE;
        if (type == AuthType.NONE) {
            if (endpoint == null) {
                endpoint = url(keys, problems, "endpoint", null);
            }
            if (endpoint == null && problems.isEmpty()) {
                problems.add("auth_type none needs the network endpoint: set 'endpoint' under 'auth'"
                        + " (or OS_ENDPOINT), or 'network_endpoint_override'.");
            }
        } else if (type != null) {
            authUrl = authUrl(keys, problems);
            credentials = new CredentialsReader(keys, problems).read(type);
        }
        boolean verify = verify(keys, problems);
        Path cacert = Optional.ofNullable(keys.setting("cacert"))
                .map(p -> cwd.resolve(locations.expandHome(p)).normalize()).orElse(null);
        String region = region(keys, problems);
        String iface = interfaceName(keys, problems);
        Duration timeout = timeout(keys, problems);
        if (!problems.isEmpty()) {
            throw new Unusable("Cloud '" + name + "' in " + source + " cannot be used: " + String.join(" ", problems));
        }
        return new CloudConfig(name, source, type, authUrl, credentials, endpoint, region, iface, verify, cacert, timeout);
    }

    private static AuthType authType(CloudKeys keys, List<String> problems) {
        String given = keys.setting("auth_type");
        if (given == null) {
            // openstackclient's choice: a token and no password means token auth.
            boolean tokenOnly = keys.auth("token") != null && keys.auth("password") == null;
            return tokenOnly ? AuthType.TOKEN : AuthType.PASSWORD;
        }
        Optional<AuthType> type = AuthType.parse(given);
        if (type.isEmpty()) {
            problems.add("auth_type '" + given + "' is not supported; Portcullis supports " + AuthType.supported() + ".");
        }
        return type.orElse(null);
    }

    private static URI authUrl(CloudKeys keys, List<String> problems) {
        String text = keys.auth("auth_url");
        if (text == null) {
            problems.add("It has no auth_url (Keystone's address, e.g. https://keystone.example.com:5000/v3).");
            return null;
        }
        return parseUrl("auth_url", text, problems);
    }

    private static URI url(CloudKeys keys, List<String> problems, String key, String alternative) {
        String text = key.equals("endpoint") ? keys.auth(key) : keys.setting(key);
        if (text == null && alternative != null) {
            key = alternative;
            text = keys.setting(alternative);
        }
        return text == null ? null : parseUrl(key, text, problems);
    }

    private static URI parseUrl(String key, String text, List<String> problems) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        problems.add(key + " '" + text + "' is not an http:// or https:// URL with a host.");
        return null;
    }

    private static boolean verify(CloudKeys keys, List<String> problems) {
        if ("true".equalsIgnoreCase(keys.setting("insecure"))) {
            return false;
        }
        String verify = keys.setting("verify");
        if (verify == null || verify.equalsIgnoreCase("true")) {
            return true;
        }
        if (verify.equalsIgnoreCase("false")) {
            return false;
        }
        problems.add("verify must be true or false, not '" + verify + "' (a CA file goes in 'cacert').");
        return true;
    }

    private static String region(CloudKeys keys, List<String> problems) {
        String region = Optional.ofNullable(keys.setting("network_region_name")).orElse(keys.setting("region_name"));
        if (region != null) {
            return region.split(",")[0].trim();
        }
        JsonNode regions = keys.node("regions");
        if (regions == null || regions.isNull()) {
            return null;
        }
        JsonNode first = regions.isArray() ? regions.path(0) : regions;
        String name = first.isObject() ? first.path("name").asText(null) : first.isValueNode() ? first.asText() : null;
        if (name == null || name.isBlank()) {
            problems.add("'regions' must be a list of region names (or of mappings with a 'name').");
        }
        return name;
    }

    private static String interfaceName(CloudKeys keys, List<String> problems) {
        String given = Optional.ofNullable(keys.setting("network_interface")).orElse(keys.setting("interface"));
        if (given == null) {
            return "public";
        }
        String name = given.toLowerCase(Locale.ROOT);
        if (name.endsWith("url")) {
            name = name.substring(0, name.length() - 3);
        }
        if (!List.of("public", "internal", "admin").contains(name)) {
            problems.add("interface '" + given + "' is not one of public, internal, admin.");
        }
        return name;
    }

    private static Duration timeout(CloudKeys keys, List<String> problems) {
        String text = keys.setting("api_timeout");
        for (String key : keys.keysEndingWith("_timeout")) {
            if (!key.equals("api_timeout") && keys.setting(key) != null) {
                text = keys.setting(key);
            }
        }
        if (text == null) {
            return CloudConfig.DEFAULT_TIMEOUT;
        }
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.signum() > 0) {
                return Duration.ofMillis(Math.max(1, seconds.movePointRight(3).longValue()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // said below
        }
        problems.add("api_timeout must be a positive number of seconds, not '" + text + "'.");
        return CloudConfig.DEFAULT_TIMEOUT;
    }
}
