package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHasherTest {

    private static final int FAST_ITERATIONS = 1000;
    private static final String SECRET = "kP3mZ8qL0vX6wR2t";

    private static SecretHasher fastHasher() {
        return new SecretHasher(FAST_ITERATIONS);
    }

    @Test
    void matchesWhenSameSecretThenTrue() {
        SecretHasher hasher = fastHasher();
        assertTrue(hasher.matches(SECRET, hasher.hash(SECRET)));
    }

    @Test
    void matchesWhenWrongSecretThenFalse() {
        SecretHasher hasher = fastHasher();
        String encoded = hasher.hash(SECRET);
        assertAll(
                () -> assertFalse(hasher.matches("kP3mZ8qL0vX6wR2T", encoded)),
                () -> assertFalse(hasher.matches(SECRET + " ", encoded)),
                () -> assertFalse(hasher.matches(SECRET.substring(1), encoded)),
                () -> assertFalse(hasher.matches("", encoded)));
    }

    @Test
    void matchesWhenNonAsciiSecretThenRoundTrips() {
        SecretHasher hasher = fastHasher();
        String secret = "p\u00e4ss w\u00f6rt \u20ac \uD83D\uDD11";
        assertTrue(hasher.matches(secret, hasher.hash(secret)));
    }

    @Test
    void matchesWhenSecretsDifferOnlyAboveTheLowByteThenFalse() {
        // U+0141 and 'A' (U+0041) share their low byte: a hash over low bytes only would confuse them.
        SecretHasher hasher = fastHasher();
        assertFalse(hasher.matches("A", hasher.hash("\u0141")));
    }

    @Test
    void matchesWhenSecretIsTheUtf8BytesReadAsLatin1ThenFalse() {
        // "é" is C3 A9 in UTF-8, which read as Latin-1 is "Ã©".
        SecretHasher hasher = fastHasher();
        assertFalse(hasher.matches("\u00c3\u00a9", hasher.hash("\u00e9")));
    }

    @Test
    void hashWhenCalledTwiceThenDifferentSalts() {
        SecretHasher hasher = fastHasher();
        String first = hasher.hash(SECRET);
        String second = hasher.hash(SECRET);
        assertNotEquals(first, second);
        assertNotEquals(first.split("\\$")[2], second.split("\\$")[2]);
    }

    @Test
    void hashThenNamesAlgorithmAndIterations() {
        assertTrue(fastHasher().hash(SECRET).startsWith("pbkdf2-sha256$1000$"));
    }

    @Test
    void hashThenFourPartsWith128BitSaltAnd256BitHash() {
        String[] parts = fastHasher().hash(SECRET).split("\\$", -1);
        assertAll(
                () -> assertEquals(4, parts.length),
                () -> assertEquals(16, Base64.getDecoder().decode(parts[2]).length),
                () -> assertEquals(32, Base64.getDecoder().decode(parts[3]).length));
    }

    @Test
    void hashThenDoesNotContainTheSecret() {
        String encoded = fastHasher().hash(SECRET);
        assertAll(
                () -> assertFalse(encoded.contains(SECRET), encoded),
                () -> assertFalse(
                        encoded.contains(Base64.getEncoder()
                                .withoutPadding()
                                .encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))),
                        encoded));
    }

    @Test
    void matchesWhenHashMadeWithOtherIterationCountThenUsesTheStoredCount() {
        String encoded = fastHasher().hash(SECRET);
        SecretHasher other = new SecretHasher(2500);
        assertAll(() -> assertTrue(other.matches(SECRET, encoded)), () -> assertFalse(other.matches("wrong", encoded)));
    }

    @Test
    void matchesWhenIterationCountTamperedThenFalse() {
        SecretHasher hasher = fastHasher();
        String encoded = hasher.hash(SECRET).replace("$1000$", "$1001$");
        assertFalse(hasher.matches(SECRET, encoded));
    }

    @Test
    void matchesWhenHashTamperedThenFalse() {
        SecretHasher hasher = fastHasher();
        String encoded = hasher.hash(SECRET);
        char last = encoded.charAt(encoded.length() - 2);
        String tampered = encoded.substring(0, encoded.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + encoded.charAt(encoded.length() - 1);
        assertFalse(hasher.matches(SECRET, tampered));
    }

    @Test
    void matchesWhenSaltSwappedThenFalse() {
        SecretHasher hasher = fastHasher();
        String[] first = hasher.hash(SECRET).split("\\$");
        String[] second = hasher.hash(SECRET).split("\\$");
        String mixed = String.join("$", first[0], first[1], second[2], first[3]);
        assertFalse(hasher.matches(SECRET, mixed));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "garbage",
                "$$$",
                "pbkdf2-sha256",
                "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$",
                "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA$extra",
                "pbkdf2-sha1$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "PBKDF2-SHA256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "bcrypt$10$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$abc$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$-1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$99999999999$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$1000$!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$!!!!",
                "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$A"
            })
    void matchesWhenEncodingUnreadableThenFalseInsteadOfThrowing(String encoded) {
        SecretHasher hasher = fastHasher();
        assertFalse(assertDoesNotThrow(() -> hasher.matches(SECRET, encoded)));
    }

    @Test
    void matchesWhenHashTruncatedThenFalse() {
        SecretHasher hasher = fastHasher();
        String encoded = hasher.hash(SECRET);
        assertFalse(hasher.matches(SECRET, encoded.substring(0, encoded.length() - 4)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void constructorWhenIterationsNotPositiveThenRefused(int iterations) {
        assertThrows(IllegalArgumentException.class, () -> new SecretHasher(iterations));
    }

    @Test
    void hashWhenDefaultIterationsThenOwaspCountAndRoundTrips() {
        SecretHasher hasher = new SecretHasher();
        String encoded = hasher.hash(SECRET);
        assertAll(
                () -> assertTrue(encoded.startsWith("pbkdf2-sha256$600000$"), encoded),
                () -> assertTrue(hasher.matches(SECRET, encoded)));
    }

    /** PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) over raw password bytes, written out so that no char-to-byte rule applies. */
    private static byte[] referencePbkdf2(byte[] password, byte[] salt, int iterations, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password, "HmacSHA256"));
        byte[] derived = new byte[length];
        for (int block = 1, offset = 0; offset < length; block++, offset += 32) {
            mac.update(salt);
            byte[] u = mac.doFinal(
                    new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, derived, offset, Math.min(32, length - offset));
        }
        return derived;
    }

    /** What the Javadoc promises: PBKDF2-HMAC-SHA256 over the secret's UTF-8 bytes, in the documented format. */
    private static String referenceEncoding(String secret, byte[] salt) throws GeneralSecurityException {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        byte[] hash = referencePbkdf2(secret.getBytes(StandardCharsets.UTF_8), salt, FAST_ITERATIONS, 32);
        return "pbkdf2-sha256$" + FAST_ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash);
    }

    /** Asserts that the hasher and an independent PBKDF2 agree on {@code secret}, in both directions. */
    private static void assertStandardPbkdf2(String secret) throws GeneralSecurityException {
        SecretHasher hasher = fastHasher();
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        String[] produced = hasher.hash(secret).split("\\$");
        byte[] producedSalt = Base64.getDecoder().decode(produced[2]);
        byte[] expectedHash =
                referencePbkdf2(secret.getBytes(StandardCharsets.UTF_8), producedSalt, FAST_ITERATIONS, 32);
        assertAll(
                () -> assertTrue(
                        hasher.matches(secret, referenceEncoding(secret, salt)),
                        "a standard PBKDF2 hash of the secret is not accepted"),
                () -> assertEquals(
                        HexFormat.of().formatHex(expectedHash),
                        HexFormat.of().formatHex(Base64.getDecoder().decode(produced[3])),
                        "the hash is not standard PBKDF2 of the secret's UTF-8 bytes"));
    }

    @Test
    void referencePbkdf2WhenRfc7914TestVectorThenMatches() throws GeneralSecurityException {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64); checks the reference above.
        assertEquals(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
                HexFormat.of()
                        .formatHex(referencePbkdf2(
                                "passwd".getBytes(StandardCharsets.US_ASCII),
                                "salt".getBytes(StandardCharsets.US_ASCII),
                                1,
                                64)));
    }

    @Test
    void hashWhenAsciiSecretThenStandardPbkdf2HmacSha256() throws GeneralSecurityException {
        assertStandardPbkdf2(SECRET);
    }

    @Test
    void hashWhenNonAsciiSecretThenStandardPbkdf2OverUtf8Bytes() throws GeneralSecurityException {
        assertStandardPbkdf2("p\u00e4ss w\u00f6rt \u20ac");
    }
}
