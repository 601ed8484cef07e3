package dev.clavis.key.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.key.control.KeySchedule.Phase;
import dev.clavis.key.control.KeySchedule.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyScheduleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(90);
    private static final KeyPolicy POLICY = new KeyPolicy(
            PERIOD, Duration.ofDays(2), Duration.ofMinutes(5), Duration.ofHours(25), Duration.ofMinutes(1));

    /** The first key, signing from T0, and its successor made at the same moment. */
    private static final Times FIRST = new Times("k1", T0, T0, T0.plus(PERIOD), null);

    private static final Times SECOND = new Times("k2", T0, T0.plus(PERIOD), T0.plus(PERIOD.multipliedBy(2)), null);

    private static Instant at(Duration after) {
        return T0.plus(after);
    }

    @Test
    void phaseWhenTimePassesThenNextActiveRetiredExpired() {
        assertEquals(Phase.NEXT, KeySchedule.phase(SECOND, at(Duration.ofDays(1)), POLICY));
        assertEquals(Phase.ACTIVE, KeySchedule.phase(SECOND, at(PERIOD), POLICY));
        assertEquals(Phase.RETIRED, KeySchedule.phase(FIRST, at(PERIOD), POLICY));
        assertEquals(Phase.RETIRED, KeySchedule.phase(FIRST, at(PERIOD.plusHours(24)), POLICY));
        assertEquals(Phase.EXPIRED, KeySchedule.phase(FIRST, at(PERIOD.plusHours(25)), POLICY));
    }

    @Test
    void signingWhenSuccessorsStartThenEachSignsInTurnAndTheOtherIsPublished() {
        List<Times> keys = List.of(FIRST, SECOND);

        assertEquals(
                "k1",
                KeySchedule.signing(keys, at(PERIOD.minusSeconds(1)), POLICY)
                        .orElseThrow()
                        .kid());
        assertEquals(
                "k2",
                KeySchedule.signing(keys, at(PERIOD), POLICY).orElseThrow().kid());
        assertEquals(List.of(FIRST, SECOND), KeySchedule.published(keys, at(Duration.ofDays(1)), POLICY));
        assertEquals(List.of(FIRST, SECOND), KeySchedule.published(keys, at(PERIOD.plusHours(1)), POLICY));
        assertEquals(List.of(SECOND), KeySchedule.published(keys, at(PERIOD.plusDays(2)), POLICY));
    }

    @Test
    void publishedWhenRevokedThenGoneAtOnceAndNeverSigns() {
        Times revoked = new Times("k1", T0, T0, T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(10)));
        Times promoted = new Times("k2", T0, T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(100)), null);
        List<Times> keys = List.of(revoked, promoted);

        assertEquals(List.of(promoted), KeySchedule.published(keys, at(Duration.ofDays(10)), POLICY));
        assertEquals(
                "k2",
                KeySchedule.signing(keys, at(Duration.ofDays(10)), POLICY)
                        .orElseThrow()
                        .kid());
        assertEquals(Phase.REVOKED, KeySchedule.phase(revoked, at(Duration.ofDays(10)), POLICY));
    }

    @Test
    void nextKeyDueWhenNoKeysThenNowAndWhenOnlyTheSignerThenAtItsRetirement() {
        assertEquals(Optional.of(T0), KeySchedule.nextKeyDue(List.of(), T0, POLICY));
        assertEquals(Optional.of(T0.plus(PERIOD)), KeySchedule.nextKeyDue(List.of(FIRST), T0, POLICY));
        assertEquals(Optional.empty(), KeySchedule.nextKeyDue(List.of(FIRST, SECOND), T0, POLICY));
    }

    @Test
    void nextKeyDueWhenTheSignerRetiresTooSoonThenAWholeLeadTimeFromNow() {
        Times retiringSoon = new Times("old", T0, T0, T0.plus(Duration.ofHours(1)), null);

        assertEquals(Optional.of(T0.plus(POLICY.lead())), KeySchedule.nextKeyDue(List.of(retiringSoon), T0, POLICY));
    }

    @Test
    void signingWhenTheScheduleHasAGapThenTheNewestPublishedKeyKeepsSigning() {
        Instant late = at(PERIOD.plusHours(1));

        assertEquals(
                "k1",
                KeySchedule.signing(List.of(FIRST), late, POLICY).orElseThrow().kid());
    }

    @Test
    void nextChangeThenTheFirstInstantAnyKeyChangesPhase() {
        assertEquals(
                Optional.of(T0.plus(PERIOD)),
                KeySchedule.nextChange(List.of(FIRST, SECOND), at(Duration.ofDays(1)), POLICY));
        assertEquals(
                Optional.of(T0.plus(PERIOD).plus(POLICY.retention())),
                KeySchedule.nextChange(List.of(FIRST, SECOND), at(PERIOD), POLICY));
    }

    @Test
    void safeRotationWhenNextPublishedLongEnoughThenNowElseAfterTheLeadTime() {
        assertEquals(at(Duration.ofDays(30)), KeySchedule.safeRotation(SECOND, at(Duration.ofDays(30)), POLICY));
        Times fresh = new Times("k3", at(Duration.ofDays(30)), T0.plus(PERIOD), T0.plus(PERIOD.multipliedBy(2)), null);
        assertEquals(at(Duration.ofDays(32)), KeySchedule.safeRotation(fresh, at(Duration.ofDays(30)), POLICY));
    }

    @Test
    void problemsWhenLeadShorterThanJwksCacheOrPeriodTooShortThenNamed() {
        KeyPolicy shortLead = new KeyPolicy(
                PERIOD, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30));
        KeyPolicy shortPeriod = new KeyPolicy(
                Duration.ofDays(1),
                Duration.ofDays(2),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                Duration.ofMinutes(1));
        KeyPolicy zero = new KeyPolicy(
                Duration.ZERO, Duration.ofDays(2), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(1));

        assertEquals(List.of(), POLICY.problems());
        assertTrue(
                shortLead.problems().get(0).contains("jwks-max-age"),
                shortLead.problems().toString());
        assertTrue(
                shortPeriod.problems().get(0).contains("rotation-period"),
                shortPeriod.problems().toString());
        assertEquals(1, zero.problems().size());
    }
}
