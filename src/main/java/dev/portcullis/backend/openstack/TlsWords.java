package dev.portcullis.backend.openstack;

import javax.net.ssl.SSLException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * A refused TLS connection in words: what failed (the certificate is not trusted, has expired, names
 * another host, or the two sides share no protocol) and what to do, without the JDK's class names.
 */
public final class TlsWords {

    private TlsWords() {
    }

    /** Whether the failure, or one of its causes, is a TLS failure. */
    public static boolean isTls(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether trying again would meet the same refusal: the certificate (not trusted, expired, another host)
     * or the protocol, rather than a handshake cut short.
     */
    public static boolean repeats(Throwable failure) {
        return isTls(failure) && !why(failure).startsWith("the TLS handshake failed");
    }

    /** What failed and what to do, as the end of a sentence starting "Could not reach X: ". */
    public static String why(Throwable failure) {
        boolean expired = false;
        boolean untrusted = false;
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            expired |= t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException;
            untrusted |= t instanceof CertPathBuilderException;
            all.append(' ').append(t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT));
        }
        String text = all.toString();
        if (expired || text.contains("validity check failed") || text.contains("notafter")) {
            return "the server's TLS certificate has expired or is not valid yet; the cloud's operators must renew it"
                    + " (or this computer's clock is wrong)";
        }
        if (text.contains("no subject alternative") || text.contains("no name matching")) {
            return "the server's TLS certificate is made out to another host name than the one in the URL; use the"
                    + " host name the certificate names in auth_url (or the endpoint)";
        }
        if (untrusted || text.contains("pkix path building failed")
                || text.contains("unable to find valid certification path")) {
            return "the server's TLS certificate is not signed by an authority this computer trusts (it may be"
                    + " self-signed or from the cloud's own authority); set cacert in clouds.yaml to the PEM file"
                    + " of that authority";
        }
        if (text.contains("unrecognized ssl message") || text.contains("plaintext connection")) {
            return "the server does not speak TLS at that address; check whether the URL should be http://"
                    + " rather than https://, and its port";
        }
        if (text.contains("protocol_version") || text.contains("no appropriate protocol")
                || text.contains("handshake_failure") || text.contains("cipher")) {
            return "the server and this program share no TLS protocol version or cipher (a protocol mismatch); the"
                    + " server must offer TLS 1.2 or newer";
        }
        return "the TLS handshake failed; check the URL, and the cloud's certificate (cacert in clouds.yaml)";
    }
}
