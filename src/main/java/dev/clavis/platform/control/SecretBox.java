package dev.clavis.platform.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.text.ParseException;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Encrypts a server secret under the key-encryption key: a compact JWE (RFC 7516), direct AES-256-GCM, with the
 * secret's name in the protected header so that one row's value cannot be swapped for another's unnoticed.
 */
public final class SecretBox {

    private SecretBox() {}

    public static String seal(byte[] value, String name, SecretKey keyEncryptionKey) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(name)
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(value));
        try {
            jwe.encrypt(new DirectEncrypter(keyEncryptionKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not encrypt the server secret " + name, e);
        }
        return jwe.serialize();
    }

    /** @return the value, or empty when this key-encryption key is not the one it was sealed with */
    public static Optional<byte[]> open(String sealed, String name, SecretKey keyEncryptionKey) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            if (!name.equals(jwe.getHeader().getKeyID())) {
                return Optional.empty();
            }
            jwe.decrypt(new DirectDecrypter(keyEncryptionKey));
            return Optional.of(jwe.getPayload().toBytes());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
