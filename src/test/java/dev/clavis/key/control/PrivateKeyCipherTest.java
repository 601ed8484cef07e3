package dev.clavis.key.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import dev.clavis.key.control.PrivateKeyCipher.KeyDecryptionException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    // RSA key generation is slow: generate each kind once. The keys are never modified.
    private static JWK rsa;
    private static JWK ec;

    @BeforeAll
    static void generateKeys() {
        rsa = KeyPairFactory.generate(JWSAlgorithm.RS256);
        ec = KeyPairFactory.generate(JWSAlgorithm.ES256);
    }

    private static SecretKey kek(int bits) {
        byte[] key = new byte[bits / 8];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    private static PrivateKeyCipher cipher() {
        return new PrivateKeyCipher(kek(256));
    }

    /** The compact JWE with its protected header replaced by {@code header}. */
    private static String withHeader(String compact, JWEHeader header) {
        return header.toBase64URL() + compact.substring(compact.indexOf('.'));
    }

    @Test
    void decryptWhenRsaKeyThenSameKey() {
        PrivateKeyCipher cipher = cipher();
        JWK decrypted = cipher.decrypt(cipher.encrypt(rsa), rsa.getKeyID());
        assertAll(
                () -> assertEquals(rsa.toJSONObject(), decrypted.toJSONObject()),
                () -> assertTrue(decrypted.isPrivate()));
    }

    @Test
    void decryptWhenEcKeyThenSameKey() {
        PrivateKeyCipher cipher = cipher();
        JWK decrypted = cipher.decrypt(cipher.encrypt(ec), ec.getKeyID());
        assertAll(
                () -> assertEquals(ec.toJSONObject(), decrypted.toJSONObject()),
                () -> assertTrue(decrypted.isPrivate()));
    }

    @Test
    void decryptWhenSameKekInstanceRebuiltFromBytesThenSameKey() {
        SecretKey kek = kek(256);
        String encrypted = new PrivateKeyCipher(kek).encrypt(ec);
        PrivateKeyCipher restarted = new PrivateKeyCipher(new SecretKeySpec(kek.getEncoded(), "AES"));
        assertEquals(
                ec.toJSONObject(), restarted.decrypt(encrypted, ec.getKeyID()).toJSONObject());
    }

    @Test
    void encryptThenDirectA256GcmJweWithKidInProtectedHeader() throws Exception {
        JWEHeader header = JWEObject.parse(cipher().encrypt(rsa)).getHeader();
        assertAll(
                () -> assertEquals(JWEAlgorithm.DIR, header.getAlgorithm()),
                () -> assertEquals(EncryptionMethod.A256GCM, header.getEncryptionMethod()),
                () -> assertEquals(rsa.getKeyID(), header.getKeyID()));
    }

    @Test
    void encryptWhenSameKeyTwiceThenDifferentCiphertexts() {
        PrivateKeyCipher cipher = cipher();
        assertNotEquals(cipher.encrypt(ec), cipher.encrypt(ec));
    }

    @Test
    void encryptThenPrivateExponentNotInCiphertext() {
        String encrypted = cipher().encrypt(rsa);
        String d = rsa.toRSAKey().getPrivateExponent().toString();
        assertNoPlaintext(encrypted, d, rsa.toRSAKey().getPrivateExponent().decode());
    }

    @Test
    void encryptThenEcPrivateKeyNotInCiphertext() {
        String encrypted = cipher().encrypt(ec);
        String d = ec.toECKey().getD().toString();
        assertNoPlaintext(encrypted, d, ec.toECKey().getD().decode());
    }

    /** Neither the compact JWE nor any of its decoded parts holds the private value, encoded or raw. */
    private static void assertNoPlaintext(String encrypted, String base64Url, byte[] raw) {
        String rawText = new String(raw, StandardCharsets.ISO_8859_1);
        assertFalse(encrypted.contains(base64Url));
        for (String part : encrypted.split("\\.")) {
            String decoded = new String(new Base64URL(part).decode(), StandardCharsets.ISO_8859_1);
            assertFalse(decoded.contains(base64Url), "a JWE part holds the private key in base64url");
            assertFalse(decoded.contains(rawText), "a JWE part holds the private key bytes");
        }
    }

    @Test
    void decryptWhenWrongKekThenKeyDecryptionException() {
        String encrypted = cipher().encrypt(ec);
        PrivateKeyCipher other = cipher();
        assertThrows(KeyDecryptionException.class, () -> other.decrypt(encrypted, ec.getKeyID()));
    }

    @Test
    void decryptWhenKidMismatchThenKeyDecryptionException() {
        PrivateKeyCipher cipher = cipher();
        String encrypted = cipher.encrypt(ec);
        assertThrows(KeyDecryptionException.class, () -> cipher.decrypt(encrypted, rsa.getKeyID()));
    }

    @Test
    void decryptWhenRowHoldsAnotherKeysCiphertextThenKeyDecryptionException() {
        // The rows of two keys swapped: each ciphertext is genuine, but not the one stored under this kid.
        PrivateKeyCipher cipher = cipher();
        String otherKeysRow = cipher.encrypt(KeyPairFactory.generate(JWSAlgorithm.ES256));
        assertThrows(KeyDecryptionException.class, () -> cipher.decrypt(otherKeysRow, ec.getKeyID()));
    }

    @Test
    void decryptWhenHeaderKidRewrittenThenKeyDecryptionException() {
        // The header is the GCM additional authenticated data: editing the kid breaks the tag.
        PrivateKeyCipher cipher = cipher();
        String encrypted = cipher.encrypt(ec);
        String tampered = withHeader(
                encrypted,
                new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                        .keyID("forged-kid")
                        .build());
        assertThrows(KeyDecryptionException.class, () -> cipher.decrypt(tampered, "forged-kid"));
    }

    @Test
    void decryptWhenCiphertextAlteredThenKeyDecryptionException() {
        PrivateKeyCipher cipher = cipher();
        String[] parts = cipher.encrypt(ec).split("\\.", -1);
        byte[] ciphertext = new Base64URL(parts[3]).decode();
        ciphertext[0] ^= 1;
        parts[3] = Base64URL.encode(ciphertext).toString();
        String altered = String.join(".", parts);
        assertThrows(KeyDecryptionException.class, () -> cipher.decrypt(altered, ec.getKeyID()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a jwe", "a.b.c.d.e", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"})
    void decryptWhenNotAJweThenKeyDecryptionException(String stored) {
        PrivateKeyCipher cipher = cipher();
        assertThrows(KeyDecryptionException.class, () -> cipher.decrypt(stored, ec.getKeyID()));
    }

    @Test
    void decryptWhenFailsThenMessageNamesKidButNoKeyMaterial() {
        PrivateKeyCipher cipher = cipher();
        String encrypted = cipher().encrypt(ec);
        KeyDecryptionException e =
                assertThrows(KeyDecryptionException.class, () -> cipher.decrypt(encrypted, ec.getKeyID()));
        assertAll(
                () -> assertTrue(e.getMessage().contains(ec.getKeyID()), e.getMessage()),
                () -> assertFalse(e.getMessage().contains(ec.toECKey().getD().toString()), e.getMessage()));
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 192, 512})
    void constructorWhenKekNot256BitsThenRefused(int bits) {
        SecretKey kek = kek(bits);
        assertThrows(IllegalArgumentException.class, () -> new PrivateKeyCipher(kek));
    }

    @Test
    void encryptThenPayloadIsTheWholePrivateJwk() {
        // What a restart needs: everything the key had, not only the public part.
        PrivateKeyCipher cipher = cipher();
        Map<String, Object> decrypted =
                cipher.decrypt(cipher.encrypt(rsa), rsa.getKeyID()).toJSONObject();
        assertTrue(
                decrypted.keySet().containsAll(List.of("kty", "kid", "use", "alg", "n", "e", "d")),
                decrypted.keySet().toString());
    }
}
