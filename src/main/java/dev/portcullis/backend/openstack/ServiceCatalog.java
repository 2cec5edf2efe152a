package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Finds the network service's endpoint in a Keystone v3 token's catalog. */
final class ServiceCatalog {

    private ServiceCatalog() {
    }

    /**
     * The URL of the {@code network} endpoint with this interface, in this region (or the first one when
     * no region is configured), without a trailing slash or {@code /v2.0}: requests append {@code /v2.0/...}.
     */
    static URI networkEndpoint(JsonNode catalog, String interfaceName, String region, String cloud) {
        List<String> seen = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode service : catalog) {
            String type = service.path("type").asText("");
            types.add(type);
            if (!type.equals("network")) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                String iface = endpoint.path("interface").asText("");
                String endpointRegion = endpoint.path("region_id").asText(endpoint.path("region").asText(""));
                String url = endpoint.path("url").asText("");
                seen.add(iface + " in " + (endpointRegion.isEmpty() ? "no region" : endpointRegion) + " at " + url);
                boolean regionMatches = region == null || region.equals(endpointRegion)
                        || region.equals(endpoint.path("region").asText(null));
                if (iface.equals(interfaceName) && regionMatches && !url.isEmpty()) {
                    return base(url, cloud);
                }
            }
        }
        String wanted = "a " + interfaceName + " network endpoint" + (region == null ? "" : " in region " + region);
        if (!types.contains("network")) {
            throw new BackendException(Kind.INVALID, "NoNetworkEndpoint", "The service catalog of cloud '" + cloud
                    + "' has no network service (Neutron); it lists " + (types.isEmpty() ? "no services" : String.join(", ", types))
                    + ". Set network_endpoint_override if Neutron is elsewhere.");
        }
        throw new BackendException(Kind.INVALID, "NoNetworkEndpoint", "The service catalog of cloud '" + cloud
                + "' has no " + wanted.substring(2) + "; its network endpoints are: "
                + (seen.isEmpty() ? "none" : String.join("; ", seen))
                + ". Change region_name or interface in clouds.yaml.");
    }

    static URI base(String url, String cloud) {
        String text = url.replaceAll("/+$", "");
        if (text.endsWith("/v2.0")) {
            text = text.substring(0, text.length() - "/v2.0".length());
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new BackendException(Kind.UNAVAILABLE, "NoNetworkEndpoint",
                    "The network endpoint '" + url + "' in the catalog of cloud '" + cloud + "' is not a URL.", e);
        }
    }
}
