package dev.clavis.revocation.control;

import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revoked token IDs ({@code jti}) in memory, each with the expiry of its token: after it, the token is refused for
 * being expired anyway, and the entry can go. Clavis's token IDs are 128 random bits in base64url; they are kept as
 * two longs rather than as strings (about 90 bytes an entry instead of 130), others as they are.
 */
public final class Denylist {

    /** A Clavis token ID, decoded. */
    private record Id128(long high, long low) {}

    private final ConcurrentHashMap<Object, Long> expiryByJti = new ConcurrentHashMap<>();

    /** @param expiresAtEpochSecond the token's {@code exp} */
    public void add(String jti, long expiresAtEpochSecond) {
        expiryByJti.merge(keyOf(jti), expiresAtEpochSecond, Math::max);
    }

    public boolean contains(String jti) {
        return expiryByJti.containsKey(keyOf(jti));
    }

    /** Drops the entries of tokens that expired before {@code nowEpochSecond}. */
    public void purge(long nowEpochSecond) {
        expiryByJti.values().removeIf(expiresAt -> expiresAt < nowEpochSecond);
    }

    public int size() {
        return expiryByJti.size();
    }

    private static Object keyOf(String jti) {
        if (jti.length() == 22) {
            try {
                byte[] bytes = Base64.getUrlDecoder().decode(jti);
                if (bytes.length == 16
                        && Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(bytes)
                                .equals(jti)) {
                    return new Id128(longAt(bytes, 0), longAt(bytes, 8));
                }
            } catch (IllegalArgumentException e) {
                // not base64url: kept as the string it is
            }
        }
        return jti;
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }
}
