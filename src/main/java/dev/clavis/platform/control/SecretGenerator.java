package dev.clavis.platform.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Generates client secrets and identifiers from a cryptographically strong source. */
public final class SecretGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretGenerator() {}

    /** @return a 256-bit random secret, base64url without padding (43 characters, URL- and form-safe) */
    public static String newSecret() {
        return randomBase64Url(32);
    }

    /** @return a 128-bit random identifier, base64url without padding */
    public static String newId() {
        return randomBase64Url(16);
    }

    private static String randomBase64Url(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** @return the last four characters, shown to administrators to tell secrets apart */
    public static String hintOf(String secret) {
        return secret.length() <= 4 ? secret : secret.substring(secret.length() - 4);
    }
}
