package dev.portcullis.backend.openstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings of a cloud that expose what is sent, in words: TLS checks turned off ({@code verify: false},
 * {@code insecure: true}; in this program that also skips the host name check, so there is no separate
 * wrong-host allowance), and credentials or tokens sent over plain {@code http://} to a host that is not this
 * computer. The one source of these warnings for the console's strip and the command line's standard error.
 */
final class InsecureSettings {

    private InsecureSettings() {
    }

    static List<String> of(CloudConfig config) {
        List<String> warnings = new ArrayList<>();
        if (!config.verify()) {
            String text = "TLS certificates and host names of cloud '" + config.name() + "' are not checked"
                    + " (verify: false or insecure: true in " + config.source() + "): anyone on the network path"
                    + " can read the password and the groups, and change what is sent.";
            if (config.cacert() != null) {
                text += " The cacert " + config.cacert() + " is ignored while verify is false.";
            }
            warnings.add(text);
        }
        if (config.authType() != AuthType.NONE) {
            if (plainAndRemote(config.authUrl())) {
                warnings.add("The credentials of cloud '" + config.name() + "' go over plain http:// to "
                        + config.authUrl().getHost() + " (auth_url in " + config.source() + "): anyone on the"
                        + " network path can read the password or secret and the token. Use an https:// auth_url.");
            }
            if (plainAndRemote(config.endpointOverride())) {
                warnings.add("The token of cloud '" + config.name() + "' goes over plain http:// to "
                        + config.endpointOverride().getHost() + " (the network endpoint in " + config.source()
                        + "): anyone on the network path can read it and the groups. Use an https:// endpoint.");
            }
        }
        return List.copyOf(warnings);
    }

    /** An {@code http://} URL whose host is not loopback (127.0.0.0/8, ::1, localhost); the name is not resolved. */
    static boolean plainAndRemote(URI uri) {
        if (uri == null || uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
            return false;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean loopback = host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1") || host.matches("127(\\.\\d{1,3}){3}");
        return !loopback;
    }
}
