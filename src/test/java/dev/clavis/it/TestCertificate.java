package dev.clavis.it;

import dev.clavis.platform.control.SecretGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed TLS certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's keytool when a test
 * needs it and valid for two days: nothing of it is committed. The key store (PKCS #12) is for the server; {@link
 * #trustingOnlyThis()} is for the clients of that test, which trust this certificate and nothing else.
 */
final class TestCertificate {

    static final String ALIAS = "clavis-it";

    private final Path keyStore;
    private final String password;

    private TestCertificate(Path keyStore, String password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    /** Makes a new key pair and certificate in {@code dir/localhost.p12}, with a password generated for it. */
    static TestCertificate forLocalhost(Path dir) {
        String password = SecretGenerator.newSecret();
        try {
            Path keyStore = Files.createDirectories(dir).resolve("localhost.p12");
            Files.deleteIfExists(keyStore);
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair",
                    "-alias",
                    ALIAS,
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keyStore.toString(),
                    // from the environment, so that the password is on no command line
                    "-storepass:env",
                    "CLAVIS_IT_STOREPASS",
                    "-keypass:env",
                    "CLAVIS_IT_STOREPASS");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CLAVIS_IT_STOREPASS", password);
            Process keytool = builder.start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return new TestCertificate(keyStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path keyStore() {
        return keyStore;
    }

    String password() {
        return password;
    }

    /** A TLS context whose only trusted certificate is this one. */
    SSLContext trustingOnlyThis() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Certificate certificate = store.getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not trust " + keyStore, e);
        }
    }
}
