package dev.clavis.it;

import com.nimbusds.jose.jwk.JWK;
import dev.clavis.key.control.PrivateKeyCipher;
import dev.clavis.platform.control.KeyEncryptionKeySource;
import dev.clavis.platform.control.SecretBox;
import dev.clavis.platform.control.SecretDigests;
import dev.clavis.platform.control.SecretDigestsProducer;
import dev.clavis.platform.control.SecretHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's own active signing key, read the way an attacker with the database and the data folder could: to
 * sign tokens that are genuine but wrong in one respect (expired, for another audience), which a resource server
 * must still refuse.
 */
final class ServerKeys {

    private ServerKeys() {}

    static JWK activePrivateKey() throws Exception {
        byte[] kek = keyEncryptionKey();
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT kid, private_jwk_encrypted FROM signing_key WHERE revoked_at IS NULL AND active_from <= now() AND (retires_at IS NULL OR retires_at > now())");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("No active signing key");
            }
            return new PrivateKeyCipher(new SecretKeySpec(kek, "AES"))
                    .decrypt(row.getString("private_jwk_encrypted"), row.getString("kid"));
        }
    }

    /** The server's digests of client secrets, as it keys them (with a fast PBKDF2 for typed secrets). */
    static SecretDigests secretDigests() {
        return new SecretDigests(
                KeyEncryptionKeySource.derive(derivationRoot(), SecretDigestsProducer.PURPOSE),
                new SecretHasher(1_000));
    }

    /** The root the server derives its keys from, stored encrypted under the key-encryption key. */
    private static SecretKey derivationRoot() {
        SecretKey kek = new SecretKeySpec(keyEncryptionKey(), "AES");
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT value_encrypted FROM server_secret WHERE name = 'derivation-root'");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("No server secret: has Clavis started on this database?");
            }
            byte[] root = SecretBox.open(row.getString(1), "derivation-root", kek)
                    .orElseThrow(() -> new IllegalStateException("The key-encryption key does not open the root"));
            return new SecretKeySpec(root, "HmacSHA256");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] keyEncryptionKey() {
        Path kekFile = Path.of(System.getProperty(IntegrationEnvironment.DATA_DIR), "key-encryption-key");
        try {
            return Base64.getDecoder().decode(Files.readString(kekFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
