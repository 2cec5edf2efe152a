package dev.portcullis.backend.openstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK's TLS refusals, as the JDK 17 client words them, said in words without class names. */
class TlsWordsTest {

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid"
            + " certification path to requested target|not signed by an authority this computer trusts",
        "No subject alternative names matching IP address 127.0.0.1 found|made out to another host name",
        "No name matching keystone.example found|made out to another host name",
        "Received fatal alert: protocol_version|share no TLS protocol version or cipher",
        "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)|a protocol mismatch",
        "Unsupported or unrecognized SSL message|does not speak TLS at that address",
        "Remote host terminated the handshake|the TLS handshake failed"})
    void eachRefusalIsSaidInWords(String jdk, String words) {
        String said = TlsWords.why(handshake(jdk, null));
        assertThat(said).contains(words).doesNotContain("Exception", "javax", "sun.", "PKIX", "SSL");
    }

    @Test
    void anExpiredCertificateIsFoundAmongTheCauses() {
        Throwable chain = handshake("PKIX path validation failed: validity check failed",
                new CertificateException(new CertificateExpiredException("NotAfter: Tue Jan 01 2019")));
        assertThat(TlsWords.why(chain)).contains("has expired or is not valid yet", "renew");
    }

    @Test
    void aTlsFailureWrappedInAnotherIsStillOne() {
        assertThat(TlsWords.isTls(new IOException("failed", handshake("x", null)))).isTrue();
        assertThat(TlsWords.isTls(new IOException("Connection reset"))).isFalse();
    }

    @Test
    void aRefusedCertificateRepeatsButACutHandshakeMayNot() {
        assertThat(TlsWords.repeats(handshake("PKIX path building failed", null))).isTrue();
        assertThat(TlsWords.repeats(handshake("Remote host terminated the handshake", null))).isFalse();
        assertThat(TlsWords.repeats(new IOException("Connection reset"))).isFalse();
    }
}
