package dev.clavis.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the key-encryption key that protects private signing keys at rest: {@code clavis.key-encryption-key}
 * (base64 of 32 random bytes), or, on a first run without it, a key generated into the data folder with a warning,
 * since every instance sharing the database needs the same one. It also protects the root that other server-side keys
 * are derived from ({@code ServerSecrets}), so that an operator has one secret to keep outside the database, and can
 * replace it: started once with the new key and the one before ({@code clavis.key-encryption-key-previous}),
 * Clavis re-encrypts what the old one protected.
 */
@ApplicationScoped
public class KeyEncryptionKeySource {

    private static final Logger LOG = Logger.getLogger(KeyEncryptionKeySource.class.getName());
    static final String FILE_NAME = "key-encryption-key";

    @Inject
    @ConfigProperty(name = "clavis.key-encryption-key")
    Optional<String> configured;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = "clavis.key-encryption-key-previous")
    Optional<String> previous;

    public SecretKey keyEncryptionKey() {
        return parse(configured.orElseGet(this::fromDataDirectory), "clavis.key-encryption-key");
    }

    /**
     * @return the key-encryption key before the current one, given for the start that re-encrypts what it protected
     *     ({@code clavis.key-encryption-key-previous})
     */
    public Optional<SecretKey> previousKeyEncryptionKey() {
        return previous.filter(value -> !value.isBlank())
                .map(value -> parse(value, "clavis.key-encryption-key-previous"));
    }

    private static SecretKey parse(String encoded, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (256 bits), base64-encoded;"
                    + " generate one with: openssl rand -base64 32");
        }
        return new SecretKeySpec(key, "AES");
    }

    /**
     * A key for one purpose, derived from a root key (HMAC-SHA-256 over the purpose, as HKDF's expand step with one
     * block); see {@code ServerSecrets}.
     */
    public static SecretKey derive(SecretKey root, String purpose) {
        Mac mac = HmacSha256.newMac(new SecretKeySpec(root.getEncoded(), "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    private String fromDataDirectory() {
        Path file = dataDirectory.path().resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
                LOG.warning(() -> "No clavis.key-encryption-key is configured: generated one into " + file
                        + ". Back it up, keep it secret, and give every instance the same key"
                        + " (CLAVIS_KEY_ENCRYPTION_KEY) before production.");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key-encryption key " + file, e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another instance on this machine was first
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
