package dev.portcullis.backend.openstack;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.portcullis.backend.openstack.KeystoneSessionTest.await;
import static dev.portcullis.backend.openstack.KeystoneSessionTest.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTest {

    @TempDir
    Path dir;

    WireMockServer keystone;
    final TestClock clock = new TestClock(KeystoneSessionTest.ISSUED);

    @AfterEach
    void stop() {
        if (keystone != null) {
            keystone.stop();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TlsTest.class.getResource(name).toURI());
    }

    private void serveHttpsWith(String keystore) throws Exception {
        keystone = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(resource(keystore).toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit"));
        keystone.start();
        keystone.stubFor(post(KeystoneSessionTest.TOKENS).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "tls-token").withBody(KeystoneSessionTest.resource("keystone-token-demo.json"))));
    }

    private CloudConfig cloud(String tls) throws IOException {
        String port = keystone == null ? "1" : String.valueOf(keystone.httpsPort());
        Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  tls:\n" + (tls + "auth:\n  auth_url: https://127.0.0.1:"
                + port + "/v3\n  username: u\n  password: p\n  project_id: x\n").indent(4));
        return CloudConfigs.load(Map.of("XDG_CONFIG_DIRS", dir.resolve("none").toString()), dir, dir, dir.resolve("etc"))
                .cloud("tls");
    }

    private static String pemFile(Path dir, String... names) throws Exception {
        StringBuilder pem = new StringBuilder();
        for (String name : names) {
            pem.append(Files.readString(resource(name)));
        }
        return Files.writeString(dir.resolve("ca.pem"), pem).toString();
    }

    @Test
    void unknownCertificateIsRefusedByDefault() throws Exception {
        serveHttpsWith("server.p12");
        BackendException e = failure(Sessions.open(cloud(""), clock).access());
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("not signed by an authority this computer trusts", "set cacert");
        assertThat(e.getMessage()).as("no class names").doesNotContain("javax", "PKIX", "Exception", "sun.security");
    }

    @Test
    void cacertWithSeveralCertificatesIsTrusted() throws Exception {
        serveHttpsWith("server.p12");
        String pem = pemFile(dir, "wrong-host.pem", "server.pem");
        Session session = Sessions.open(cloud("cacert: " + pem + "\n"), clock);
        assertThat(await(session.access()).headers().get("X-Auth-Token").reveal()).isEqualTo("tls-token");
        assertThat(session.warning()).isEmpty();
    }

    @Test
    void trustedCertificateForAnotherHostIsRefused() throws Exception {
        serveHttpsWith("wrong-host.p12");
        String pem = pemFile(dir, "wrong-host.pem");
        BackendException e = failure(Sessions.open(cloud("cacert: " + pem + "\n"), clock).access());
        assertThat(e.getMessage()).contains("made out to another host name than the one in the URL")
                .doesNotContain("javax", "Exception", "No subject alternative");
    }

    @Test
    void verifyFalseChecksNothingForThisSessionOnlyAndSaysSo() throws Exception {
        serveHttpsWith("wrong-host.p12");
        Session insecure = Sessions.open(cloud("verify: false\n"), clock);
        assertThat(await(insecure.access()).headers().get("X-Auth-Token").reveal()).isEqualTo("tls-token");
        assertThat(insecure.warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("not checked", "cloud 'tls'", "verify: false"));

        Session checked = Sessions.open(cloud(""), clock);
        assertThat(failure(checked.access()).getMessage()).as("other sessions keep their checks")
                .contains("not signed by an authority");
    }

    @Test
    void insecureAlsoTurnsChecksOffAndACacertIsThenIgnored() throws Exception {
        serveHttpsWith("wrong-host.p12");
        String pem = pemFile(dir, "server.pem");
        Session session = Sessions.open(cloud("insecure: true\ncacert: " + pem + "\n"), clock);
        assertThat(await(session.access()).headers()).containsKey("X-Auth-Token");
        assertThat(session.warning()).hasValueSatisfying(w -> assertThat(w).contains("is ignored"));
    }

    @Test
    void missingCacertNamesTheFile() throws Exception {
        Path missing = dir.resolve("nowhere/ca.pem");
        assertThatThrownBy(() -> Sessions.open(cloud("cacert: " + missing + "\n"), clock))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
                .hasMessageContaining(missing.toString()).hasMessageContaining("could not be read");
    }

    @Test
    void cacertWithoutCertificatesIsSaid() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> Sessions.open(cloud("cacert: " + empty + "\n"), clock))
                .hasMessageContaining(empty.toString()).hasMessageContaining("cloud 'tls'");
    }
}
