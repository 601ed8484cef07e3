package dev.clavis.it;

import com.nimbusds.jose.jwk.JWK;
import dev.clavis.key.control.PrivateKeyCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's own active signing key, read the way an attacker with the database and the data folder could: to
 * sign tokens that are genuine but wrong in one respect (expired, for another audience), which a resource server
 * must still refuse.
 */
final class ServerKeys {

    private ServerKeys() {}

    static JWK activePrivateKey() throws Exception {
        Path kekFile = Path.of(System.getProperty(IntegrationEnvironment.DATA_DIR), "key-encryption-key");
        byte[] kek = Base64.getDecoder().decode(Files.readString(kekFile).strip());
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT kid, private_jwk_encrypted FROM signing_key WHERE state = 'ACTIVE'");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("No active signing key");
            }
            return new PrivateKeyCipher(new SecretKeySpec(kek, "AES"))
                    .decrypt(row.getString("private_jwk_encrypted"), row.getString("kid"));
        }
    }
}
