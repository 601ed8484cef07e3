package dev.clavis.admin.control;

import dev.clavis.platform.control.HmacSha256;
import dev.clavis.platform.control.ServerSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a successful sign-in the
 * browser gets a value naming the administrator and when it was issued, with an HMAC-SHA-256 over both. A sign-in
 * attempt that brings a valid one for the same username comes from a browser that has signed in as that
 * administrator before: a proven source, which guesses from elsewhere cannot lock out.
 *
 * <p>The HMAC key is derived from the key-encryption key, so it is the same on every instance and survives restarts
 * (the cookies do too) without a key of its own to manage; changing the key-encryption key voids all device cookies.
 */
@ApplicationScoped
public class DeviceCookies {

    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final String VERSION = "v1";
    private static final int MAX_VALUE_LENGTH = 200;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ServerSecrets keys;

    private SecretKey key;

    public DeviceCookies() {}

    DeviceCookies(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    @PostConstruct
    void init() {
        key = keys.derivedKey("clavis admin device cookie v1");
    }

    /** @return the cookie value for a browser that just signed in as {@code username} */
    public String issue(String username, Instant now) {
        String payload = VERSION + "." + BASE64URL.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "."
                + now.getEpochSecond();
        return payload + "." + BASE64URL.encodeToString(hmac(key, payload));
    }

    /**
     * @return the throttle's source key for this browser, when {@code value} is a device cookie this server issued
     *     for {@code username} less than {@link #LIFETIME} ago; empty for anything else
     */
    public Optional<String> provenSource(String value, String username, Instant now) {
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        byte[] expected = hmac(key, parts[0] + "." + parts[1] + "." + parts[2]);
        byte[] given;
        long issued;
        try {
            given = Base64.getUrlDecoder().decode(parts[3]);
            issued = Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        Instant issuedAt = Instant.ofEpochSecond(issued);
        boolean fresh = issuedAt.isAfter(now.minus(LIFETIME)) && issuedAt.isBefore(now.plus(CLOCK_SKEW));
        boolean sameUser = parts[1].equals(BASE64URL.encodeToString(username.getBytes(StandardCharsets.UTF_8)));
        return fresh && sameUser ? Optional.of("device:" + parts[3]) : Optional.empty();
    }

    private static byte[] hmac(SecretKey key, String text) {
        return HmacSha256.newMac(key).doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
