package dev.portcullis.backend.openstack;

import java.net.URI;
import java.util.Map;

/**
 * Where a project's Neutron answers and what to send with every request to it: {@code X-Auth-Token}
 * after Keystone, nothing with {@code auth_type: none}, the trusted headers of a test server.
 *
 * @param networkEndpoint the network service's base URL as the catalog (or the configuration) gives it,
 *                        e.g. {@code http://127.0.0.1:9696}; requests go to {@code <endpoint>/v2.0/...}
 * @param headers         header name to value; values are secrets so they never print
 */
public record Access(URI networkEndpoint, Map<String, Secret> headers) {

    public Access {
        headers = Map.copyOf(headers);
    }

    public static Access open(URI networkEndpoint) {
        return new Access(networkEndpoint, Map.of());
    }
}
