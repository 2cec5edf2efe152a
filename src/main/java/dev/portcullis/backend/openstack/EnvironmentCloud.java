package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cloud the {@code OS_*} environment variables describe, read as openstacksdk reads them: every
 * {@code OS_FOO_BAR} becomes the setting {@code foo_bar} (OS_AUTH_URL is auth_url, OS_PROJECT_NAME is
 * project_name, OS_INSECURE is insecure...). Variables that only choose a cloud or a file are not settings.
 */
final class EnvironmentCloud {

    /** The cloud's name unless OS_CLOUD_NAME says otherwise. */
    static final String DEFAULT_NAME = "envvars";

    private static final Set<String> SELECTORS = Set.of(
            "OS_CLOUD", "OS_REGION_NAME", "OS_CLIENT_CONFIG_FILE", "OS_CLIENT_SECURE_FILE", "OS_CLOUD_NAME");

    private EnvironmentCloud() {
    }

    static String name(Map<String, String> env) {
        String name = env.get("OS_CLOUD_NAME");
        return name == null || name.isBlank() ? DEFAULT_NAME : name;
    }

    /**
     * The settings, when there is something to connect to (OS_AUTH_URL, or OS_ENDPOINT). openstacksdk
     * makes the cloud from any OS_ variable; a stray OS_IDENTITY_API_VERSION would then become a broken
     * default cloud, so Portcullis waits for an address.
     */
    static Optional<ObjectNode> settings(Map<String, String> env) {
        Map<String, String> sorted = new TreeMap<>(env);
        ObjectNode cloud = JsonNodeFactory.instance.objectNode();
        sorted.forEach((key, value) -> {
            if (key.startsWith("OS_") && !SELECTORS.contains(key) && !key.startsWith("OS_TEST")
                    && !key.startsWith("OS_STD") && !key.startsWith("OS_LOG")) {
                cloud.put(key.substring(3).toLowerCase(Locale.ROOT), value);
            }
        });
        if (env.containsKey("OS_REGION_NAME")) {
            cloud.put("region_name", env.get("OS_REGION_NAME"));
        }
        boolean reachable = present(env, "OS_AUTH_URL") || present(env, "OS_ENDPOINT");
        return reachable ? Optional.of(cloud) : Optional.empty();
    }

    private static boolean present(Map<String, String> env, String key) {
        String value = env.get(key);
        return value != null && !value.isBlank();
    }
}
