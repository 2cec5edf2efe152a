package dev.portcullis.backend.neutron;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every recorded refusal of the real server, and the failures that have no answer, in words. */
class NeutronErrorsTest {

    @ParameterizedTest
    @CsvSource({
            "54-err-duplicate-rule.json, 409, CONFLICT, SecurityGroupRuleExists, Security group rule already exists",
            "27-err-sg-update-ifmatch-mismatch.json, 412, STALE, RevisionNumberConstraintFailed, Someone else changed this group since you opened it (revision 1, now 5)",
            "82b-err-sg-quota-exceeded.json, 409, QUOTA, OverQuota, The project's quota is used up",
            "80c-hdr-err-member-set-quota.json, 403, FORBIDDEN, PolicyNotAuthorized, You are not allowed to do this",
            "62-err-sg-show-missing.json, 404, NOT_FOUND, SecurityGroupNotFound, does not exist",
            "62e-err-sgr-delete-missing.json, 404, NOT_FOUND, SecurityGroupRuleNotFound, does not exist",
            "50-err-invalid-cidr.json, 400, INVALID, InvalidCIDR, Invalid CIDR 10.0.0.300/24",
            "51-err-port-min-gt-max.json, 400, INVALID, SecurityGroupInvalidPortRange, port_range_min must be <= port_range_max",
            "64c-err-sgr-update-not-allowed.json, 500, UNAVAILABLE, HTTPInternalServerError, The network service failed (500)",
            "100-ks-no-token-401.json, 401, FORBIDDEN, Unauthorized, The network service refused the credentials (401",
            "70-hdr-no-user-401.html, 401, FORBIDDEN, Unauthorized, The network service refused the credentials (401",
            "72-hdr-err-member-delete-default.json, 409, CONFLICT, SecurityGroupCannotRemoveDefault, The default group cannot be deleted",
            "76-hdr-err-sg-delete-in-use.json, 409, CONFLICT, SecurityGroupInUse, This group is still used by interfaces",
    })
    void aRecordedRefusalBecomesItsKindWithWords(String sample, int status, Kind kind, String code, String words) {
        byte[] body = NeutronBackendTest.sample(sample).getBytes(StandardCharsets.UTF_8);

        NeutronRefusal refusal = NeutronErrors.of(status, "application/json", body);

        assertThat(refusal.kind()).isEqualTo(kind);
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.status()).isEqualTo(status);
        assertThat(refusal.getMessage()).contains(words).doesNotContain("{\"").doesNotContain("<h");
    }

    @ParameterizedTest
    @CsvSource({"502, UNAVAILABLE", "418, INVALID", "409, CONFLICT"})
    void anAnswerWithoutNeutronsEnvelopeStillSaysTheStatus(int status, Kind kind) {
        NeutronRefusal refusal = NeutronErrors.of(status, "text/plain", "teapot".getBytes(StandardCharsets.UTF_8));

        assertThat(refusal.kind()).isEqualTo(kind);
        assertThat(refusal.code()).isEqualTo("HTTP" + status);
        assertThat(refusal.getMessage()).contains(String.valueOf(status));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "502 | A gateway or proxy in front of the network service could not reach it (502): 502 Bad Gateway nginx.",
            "503 | The network service is unavailable for now (503): 503 Service Unavailable.",
            "504 | A gateway or proxy in front of the network service got no answer from it in time (504).",
    })
    void aGatewaysPageSaysWhatFailedAndQuotesThePage(int status, String words) {
        String page = switch (status) {
            case 502 -> "<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1>nginx</body></html>";
            case 503 -> "<html><body><h1>503 Service Unavailable</h1></body></html>";
            default -> "";
        };

        NeutronRefusal refusal = NeutronErrors.of(status, "text/html", page.getBytes(StandardCharsets.UTF_8));

        assertThat(refusal.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refusal.getMessage()).isEqualTo(words + " Trying again later may work.");
    }

    @ParameterizedTest
    @CsvSource({"refused, Could not reach the network service at http://127.0.0.1:9/: the connection was refused.",
            "timeout, The network service at http://127.0.0.1:9/ did not answer within 2 s.",
            "reset, Could not reach the network service at http://127.0.0.1:9/: the connection was reset by the server "
                    + "or a proxy before the whole answer came.",
            "no bytes, Could not reach the network service at http://127.0.0.1:9/: the connection was reset by the "
                    + "server or a proxy before the whole answer came.",
            "eof, Could not reach the network service at http://127.0.0.1:9/: the connection was reset by the server "
                    + "or a proxy before the whole answer came."})
    void noAnswerIsUnavailable(String what, String words) {
        // java.net.http's own words for a reset: while it reads, before the first byte, at the end of the stream
        Exception cause = switch (what) {
            case "refused" -> new ConnectException();
            case "reset" -> new java.io.IOException("Connection reset", new java.net.SocketException("Connection reset"));
            case "no bytes" -> new java.io.IOException("HTTP/1.1 header parser received no bytes");
            case "eof" -> new java.io.IOException("closed", new java.io.EOFException("EOF reached while reading"));
            default -> new HttpTimeoutException("timed out");
        };

        BackendException e = NeutronErrors.unreachable(URI.create("http://127.0.0.1:9/"), cause, Duration.ofSeconds(2));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo(words);
    }

    @org.junit.jupiter.api.Test
    void aCertificateTheClientDoesNotTrustPointsAtCacert() {
        Exception cause = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");

        BackendException e = NeutronErrors.unreachable(URI.create("https://neutron.example:9696/"), cause,
                Duration.ofSeconds(2));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("Could not reach the network service at https://neutron.example:9696/:"
                + " the server's TLS certificate is not signed by an authority this computer trusts")
                .contains("set cacert in clouds.yaml").doesNotContain("PKIX", "Exception");
    }
}
