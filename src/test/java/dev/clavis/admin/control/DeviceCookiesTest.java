package dev.clavis.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceCookiesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static DeviceCookies withKey(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new DeviceCookies(key);
    }

    @Test
    void provenSourceWhenIssuedForTheUserThenSameKeyFromAnotherInstance() {
        String cookie = withKey(1).issue("admin", NOW);

        Optional<String> source = withKey(1).provenSource(cookie, "admin", NOW.plus(Duration.ofDays(29)));

        assertTrue(source.isPresent());
        assertTrue(source.get().startsWith("device:"));
        assertTrue(source.get().length() < 100);
    }

    @Test
    void provenSourceWhenOtherUserOtherKeyTamperedOrExpiredThenEmpty() {
        DeviceCookies cookies = withKey(1);
        String cookie = cookies.issue("admin", NOW);

        assertEquals(Optional.empty(), cookies.provenSource(cookie, "root", NOW));
        assertEquals(Optional.empty(), withKey(2).provenSource(cookie, "admin", NOW));
        assertEquals(Optional.empty(), cookies.provenSource(cookie.replace("v1.", "v1.x"), "admin", NOW));
        assertEquals(Optional.empty(), cookies.provenSource(cookie + "A", "admin", NOW));
        assertEquals(Optional.empty(), cookies.provenSource(cookie, "admin", NOW.plus(Duration.ofDays(31))));
        assertEquals(Optional.empty(), cookies.provenSource("x".repeat(5000), "admin", NOW));
        assertEquals(Optional.empty(), cookies.provenSource("v1.a.b.c", "admin", NOW));
        assertEquals(Optional.empty(), cookies.provenSource(null, "admin", NOW));
    }
}
