package dev.clavis.key.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import javax.crypto.SecretKey;

/**
 * Encrypts private signing keys at rest: the private JWK becomes a compact JWE (RFC 7516) with direct AES-256-GCM
 * encryption under the key-encryption key. The key ID is in the protected header, so it is authenticated with the
 * ciphertext and a row's key cannot be swapped for another's unnoticed.
 */
public final class PrivateKeyCipher {

    private final SecretKey keyEncryptionKey;

    public PrivateKeyCipher(SecretKey keyEncryptionKey) {
        if (keyEncryptionKey.getEncoded().length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 256 bits");
        }
        this.keyEncryptionKey = keyEncryptionKey;
    }

    public String encrypt(JWK privateKey) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(privateKey.getKeyID())
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(privateKey.toJSONObject()));
        try {
            jwe.encrypt(new DirectEncrypter(keyEncryptionKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not encrypt a signing key", e);
        }
        return jwe.serialize();
    }

    /**
     * @throws KeyDecryptionException when the key-encryption key is not the one the key was stored with
     */
    public JWK decrypt(String encrypted, String expectedKid) {
        try {
            JWEObject jwe = JWEObject.parse(encrypted);
            if (!expectedKid.equals(jwe.getHeader().getKeyID())) {
                throw new KeyDecryptionException("Signing key " + expectedKid + " is stored under another key ID");
            }
            jwe.decrypt(new DirectDecrypter(keyEncryptionKey));
            JWK key = JWK.parse(jwe.getPayload().toJSONObject());
            if (!expectedKid.equals(key.getKeyID())) {
                throw new KeyDecryptionException("Signing key " + expectedKid + " holds another key");
            }
            return key;
        } catch (ParseException | JOSEException e) {
            throw new KeyDecryptionException("Signing key " + expectedKid
                    + " cannot be decrypted: is clavis.key-encryption-key the one it was stored with?");
        }
    }

    /** The stored keys and the configured key-encryption key do not belong together. */
    public static final class KeyDecryptionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyDecryptionException(String message) {
            super(message);
        }
    }
}
