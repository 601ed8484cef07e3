package dev.clavis.revocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DenylistTest {

    private static String clavisJti() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    @Test
    void containsWhenAddedThenTrueAndOthersFalse() {
        Denylist denylist = new Denylist();
        String jti = clavisJti();
        denylist.add(jti, 2_000);
        assertTrue(denylist.contains(jti));
        assertFalse(denylist.contains(clavisJti()));
    }

    @Test
    void containsWhenNotAClavisIdThenKeptAsString() {
        Denylist denylist = new Denylist();
        denylist.add("some-other-jti", 2_000);
        denylist.add("AAAAAAAAAAAAAAAAAAAAA_", 2_000); // 22 characters, not a canonical 16-byte encoding
        assertTrue(denylist.contains("some-other-jti"));
        assertTrue(denylist.contains("AAAAAAAAAAAAAAAAAAAAA_"));
        assertFalse(denylist.contains("AAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void purgeWhenExpiredThenGoneAndUnexpiredKept() {
        Denylist denylist = new Denylist();
        String expired = clavisJti();
        String live = clavisJti();
        denylist.add(expired, 1_000);
        denylist.add(live, 3_000);
        denylist.purge(2_000);
        assertFalse(denylist.contains(expired));
        assertTrue(denylist.contains(live));
        assertEquals(1, denylist.size());
    }

    @Test
    void addWhenAddedTwiceThenOneEntryWithTheLaterExpiry() {
        Denylist denylist = new Denylist();
        String jti = clavisJti();
        denylist.add(jti, 3_000);
        denylist.add(jti, 1_000);
        denylist.purge(2_000);
        assertTrue(denylist.contains(jti));
        assertEquals(1, denylist.size());
    }
}
