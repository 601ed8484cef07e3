package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretDigestsTest {

    private static SecretDigests digestsWithRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretDigests(new SecretKeySpec(key, "HmacSHA256"), new SecretHasher(1_000));
    }

    private final SecretDigests digests = digestsWithRandomKey();

    @Test
    void ofGeneratedWhenCheckedWithTheSameSecretThenMatchesQuickly() {
        String secret = SecretGenerator.newSecret();
        String stored = digests.ofGenerated(secret);

        assertTrue(stored.startsWith("hmac-sha256$"));
        assertFalse(SecretDigests.isSlow(stored));
        assertTrue(SecretDigests.matchesKeyed(digests.keyedDigest(secret), stored));
        assertTrue(digests.matches(secret, stored));
    }

    @Test
    void ofGeneratedWhenOtherSecretThenNoMatch() {
        String stored = digests.ofGenerated(SecretGenerator.newSecret());

        assertFalse(SecretDigests.matchesKeyed(digests.keyedDigest(SecretGenerator.newSecret()), stored));
    }

    @Test
    void ofGeneratedWhenAnotherServerKeyThenNoMatch() {
        String secret = SecretGenerator.newSecret();

        assertFalse(digestsWithRandomKey().matches(secret, digests.ofGenerated(secret)), "the key is the defence");
    }

    @Test
    void ofGeneratedWhenStoredTwiceThenTheSameDigestWithoutTheSecretInIt() {
        String secret = SecretGenerator.newSecret();

        assertTrue(digests.ofGenerated(secret).equals(digests.ofGenerated(secret)));
        assertFalse(digests.ofGenerated(secret).contains(secret));
    }

    @Test
    void ofTypedThenSlowSaltedHash() {
        String secret = "typed by a person, " + SecretGenerator.newSecret();
        String stored = digests.ofTyped(secret);

        assertTrue(SecretDigests.isSlow(stored));
        assertNotEquals(stored, digests.ofTyped(secret), "salted");
        assertTrue(digests.matches(secret, stored));
        assertTrue(digests.matchesSlow(secret, stored));
        assertFalse(SecretDigests.matchesKeyed(digests.keyedDigest(secret), stored), "never by the fast way");
    }

    @Test
    void matchesKeyedWhenStoredFormCorruptThenNoMatch() {
        assertFalse(SecretDigests.matchesKeyed(digests.keyedDigest("x"), "hmac-sha256$not base64!"));
        assertFalse(SecretDigests.matchesKeyed(digests.keyedDigest("x"), "hmac-sha256$"));
    }
}
