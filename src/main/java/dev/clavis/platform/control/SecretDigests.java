package dev.clavis.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * How a secret is stored, chosen by where it came from:
 *
 * <ul>
 * <li>a secret Clavis generated (256 random bits, {@link SecretGenerator}) is stored as an HMAC-SHA-256 under a
 * server-side key that is not in the database ({@code hmac-sha256$...}). Such a secret cannot be guessed online
 * nor recovered from a stolen database without that key, so it needs no slow hash: checking it costs microseconds,
 * which is what lets Clavis accept the real client on every request whatever an attacker does;</li>
 * <li>a secret a person typed may be weaker than it looks, so it gets the slow, salted PBKDF2 of
 * {@link SecretHasher} ({@code pbkdf2-sha256$...}), and guessing at it is throttled.</li>
 * </ul>
 */
public final class SecretDigests {

    static final String KEYED_PREFIX = "hmac-sha256$";

    private final SecretHasher slow;
    private final ThreadLocal<Mac> macs;

    public SecretDigests(SecretKey key, SecretHasher slow) {
        this(() -> key, slow);
    }

    /** @param key read once, at the first digest: the server-side key need not exist when this is made */
    public SecretDigests(Supplier<SecretKey> key, SecretHasher slow) {
        this.slow = slow;
        Supplier<SecretKey> once = new Supplier<>() {
            private volatile SecretKey known;

            @Override
            public SecretKey get() {
                SecretKey value = known;
                if (value == null) {
                    value = key.get();
                    known = value;
                }
                return value;
            }
        };
        this.macs = ThreadLocal.withInitial(() -> HmacSha256.newMac(once.get()));
    }

    /** @return the stored form of a secret Clavis generated */
    public String ofGenerated(String secret) {
        return KEYED_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(mac(secret));
    }

    /** @return the stored form of a secret a person typed */
    public String ofTyped(String secret) {
        return slow.hash(secret);
    }

    /** Whether a stored form needs the slow hash to be checked. */
    public static boolean isSlow(String stored) {
        return !stored.startsWith(KEYED_PREFIX);
    }

    /**
     * The keyed digest of a presented secret, computed once per request and compared against every stored keyed
     * secret with {@link #matchesKeyed}.
     */
    public byte[] keyedDigest(String secret) {
        return mac(secret);
    }

    /** Constant-time comparison of a presented secret's keyed digest with a stored keyed form. */
    public static boolean matchesKeyed(byte[] presentedDigest, String stored) {
        if (isSlow(stored)) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(stored.substring(KEYED_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, presentedDigest);
    }

    /** The slow check of a presented secret against a stored PBKDF2 form. */
    public boolean matchesSlow(String secret, String stored) {
        return slow.matches(secret, stored);
    }

    /** Checks a secret against a stored form of either kind, for the rare callers off the hot path. */
    public boolean matches(String secret, String stored) {
        return isSlow(stored) ? slow.matches(secret, stored) : matchesKeyed(mac(secret), stored);
    }

    private byte[] mac(String secret) {
        return macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8));
    }
}
