package dev.clavis.platform.control;

import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.Mac;

/** HMAC-SHA-256, which every JDK has: a missing algorithm is a broken runtime, not a condition to handle. */
public final class HmacSha256 {

    private HmacSha256() {}

    /** @return a new MAC keyed with {@code key}; not thread-safe, so callers keep one per thread */
    public static Mac newMac(Key key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
