package dev.portcullis.backend.openstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings that expose what is sent, said once in {@link CloudConfig#warnings()} for the console and the CLI. */
class InsecureSettingsTest {

    @TempDir
    Path dir;

    private CloudConfig cloud(String yaml) throws IOException {
        Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  c:\n" + yaml.indent(4));
        return CloudConfigs.load(Map.of("XDG_CONFIG_DIRS", dir.resolve("none").toString()), dir, dir,
                dir.resolve("etc")).cloud("c");
    }

    private CloudConfig password(String authUrl, String more) throws IOException {
        return cloud(more + "auth:\n  auth_url: " + authUrl + "\n  username: u\n  password: p\n  project_id: x\n");
    }

    @Test
    void aCheckedHttpsCloudHasNoWarning() throws IOException {
        assertThat(password("https://keystone.example:5000/v3", "").warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify: false\n", "insecure: true\n"})
    void uncheckedTlsIsSaidWithWhatItExposes(String setting) throws IOException {
        CloudConfig c = password("https://keystone.example:5000/v3", setting);
        assertThat(c.warnings()).singleElement().asString()
                .contains("TLS certificates and host names of cloud 'c' are not checked", "verify: false or insecure",
                        "anyone on the network path can read the password and the groups");
        assertThat(Sessions.warning(c)).as("the console's strip says the same").isEqualTo(c.warnings().get(0));
    }

    @Test
    void aPasswordOverPlainHttpToAnotherHostIsSaid() throws IOException {
        CloudConfig c = password("http://keystone.example:5000/v3", "");
        assertThat(c.warnings()).singleElement().asString()
                .contains("credentials of cloud 'c' go over plain http:// to keystone.example", "Use an https://");
    }

    @Test
    void anApplicationCredentialOverPlainHttpIsSaidToo() throws IOException {
        CloudConfig c = cloud("auth_type: v3applicationcredential\nauth:\n  auth_url: http://10.1.2.3:5000/v3\n"
                + "  application_credential_id: a\n  application_credential_secret: s\n");
        assertThat(c.warnings()).singleElement().asString().contains("plain http:// to 10.1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5000/v3", "http://127.0.0.1:5000/v3", "http://127.8.9.10/v3",
        "http://[::1]:5000/v3"})
    void plainHttpToThisComputerIsNotSaid(String url) throws IOException {
        assertThat(password(url, "").warnings()).isEmpty();
    }

    @Test
    void aTokenSentToAPlainRemoteNetworkEndpointIsSaid() throws IOException {
        CloudConfig c = password("https://keystone.example/v3", "network_endpoint_override: http://neutron.example:9696\n");
        assertThat(c.warnings()).singleElement().asString().contains("token of cloud 'c' goes over plain http:// to"
                + " neutron.example");
    }

    @Test
    void anEndpointWithoutAuthenticationSendsNoSecret() throws IOException {
        CloudConfig c = cloud("auth_type: none\nnetwork_endpoint_override: http://neutron.example:9696\n");
        assertThat(c.warnings()).isEmpty();
    }
}
