package dev.portcullis.backend.openstack;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * The TLS trust of one cloud's HTTP client: the JVM's CAs, only the certificates of a {@code cacert} PEM
 * file (as openstacksdk's {@code verify=<file>} does), or, with {@code verify: false}, nothing checked.
 * <p>
 * Turning checks off is done with a trust manager that accepts any chain. In the JDK the host name check
 * belongs to the trust manager (an {@link X509ExtendedTrustManager} is asked to do it), so this also skips
 * host names, for this one client only; the JVM-wide {@code jdk.internal.httpclient.disableHostnameVerification}
 * property is not touched, and every other session keeps full checks.
 */
final class Tls {

    private Tls() {
    }

    static SSLContext context(CloudConfig config) {
        try {
            if (!config.verify()) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAnything()}, new SecureRandom());
                return context;
            }
            if (config.cacert() == null) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore(config.cacert(), config.name()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new BackendException(Kind.INVALID, CloudConfigs.CODE,
                    "Could not set up TLS for cloud '" + config.name() + "': " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM file (one or several) as a trust store. */
    static KeyStore trustStore(Path pem, String cloud) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new BackendException(Kind.INVALID, CloudConfigs.CODE, "The cacert file " + pem + " of cloud '" + cloud
                    + "' could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        } catch (GeneralSecurityException e) {
            throw new BackendException(Kind.INVALID, CloudConfigs.CODE, "The cacert file " + pem + " of cloud '" + cloud
                    + "' does not hold PEM certificates: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new BackendException(Kind.INVALID, CloudConfigs.CODE,
                    "The cacert file " + pem + " of cloud '" + cloud + "' holds no certificates.");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("cacert-" + i++, certificate);
        }
        return store;
    }

    /** For {@code verify: false}: accepts every server chain and every host name. */
    private static final class TrustAnything extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // verify: false was configured
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // verify: false was configured
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // verify: false was configured
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client's trust manager checks no clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client's trust manager checks no clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client's trust manager checks no clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
