package dev.clavis.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.key.control.KeyPolicy;
import dev.clavis.key.control.KeySchedule.Phase;
import dev.clavis.key.control.SigningKeys.KeyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDescriptionsTest {

    private static final KeyPolicy POLICY = new KeyPolicy(
            Duration.ofDays(90),
            Duration.ofDays(2),
            Duration.ofMinutes(5),
            Duration.ofDays(1).plusMinutes(6),
            Duration.ofMinutes(1));
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant FROM = Instant.parse("2030-01-03T00:00:00.123456Z");
    private static final Instant UNTIL = Instant.parse("2030-04-03T00:00:00Z");

    @Test
    void stateWhenNextThenPublishedAndWhenItSigns() {
        assertEquals(
                "Next — published, signs from 2030-01-03T00:00:00Z",
                KeyDescriptions.state(key(Phase.NEXT, UNTIL, null), POLICY));
    }

    @Test
    void stateWhenActiveThenUntilWhenItRetires() {
        assertEquals(
                "Active — signs until 2030-04-03T00:00:00Z",
                KeyDescriptions.state(key(Phase.ACTIVE, UNTIL, null), POLICY));
        assertEquals(
                "Active — signs until a next key takes over",
                KeyDescriptions.state(key(Phase.ACTIVE, null, null), POLICY));
    }

    @Test
    void stateWhenRetiredThenPublishedUntilRetentionEnds() {
        assertEquals(
                "Retired — published until every token it signed has expired (2030-04-04T00:06:00Z)",
                KeyDescriptions.state(key(Phase.RETIRED, UNTIL, null), POLICY));
    }

    @Test
    void stateWhenRevokedThenWhenRemovedFromJwks() {
        assertEquals(
                "Revoked — removed from the JWKS on 2030-02-01T10:00:00Z",
                KeyDescriptions.state(key(Phase.REVOKED, UNTIL, Instant.parse("2030-02-01T10:00:00.5Z")), POLICY));
    }

    @Test
    void instantWhenNoneThenDash() {
        assertEquals("—", KeyDescriptions.instant(null));
    }

    @Test
    void durationWhenSeveralUnitsThenEachNonZeroOneInWords() {
        assertEquals("90 days", KeyDescriptions.duration(Duration.ofDays(90)));
        assertEquals(
                "1 day 6 minutes", KeyDescriptions.duration(Duration.ofDays(1).plusMinutes(6)));
        assertEquals(
                "1 hour 1 second", KeyDescriptions.duration(Duration.ofHours(1).plusSeconds(1)));
        assertEquals("5 minutes", KeyDescriptions.duration(Duration.ofMinutes(5)));
        assertEquals("0 seconds", KeyDescriptions.duration(Duration.ZERO));
    }

    @Test
    void settingsWhenDefaultsThenEachInWordsWithItsProperty() {
        List<KeysPage.Setting> settings = KeyDescriptions.settings(POLICY, "RS256");

        assertEquals(
                List.of("90 days", "2 days", "5 minutes", "1 day 6 minutes", "every 1 minute", "RS256"),
                settings.stream().map(KeysPage.Setting::value).toList());
        assertTrue(
                settings.get(1).meaning().contains("clavis.keys.lead-time"),
                settings.get(1).meaning());
    }

    private static KeyStatus key(Phase phase, Instant retiresAt, Instant revokedAt) {
        return new KeyStatus("kid-1", "RS256", phase, CREATED, FROM, retiresAt, revokedAt);
    }
}
