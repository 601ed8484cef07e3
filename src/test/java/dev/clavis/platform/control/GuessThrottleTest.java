package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GuessThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    private final GuessThrottle throttle = new GuessThrottle();

    /** An admitted attempt counts as a failure until it is reported to have succeeded. */
    private static GuessThrottle.Attempt fail(
            GuessThrottle on, String target, String source, boolean proven, long now) {
        return on.begin(target, source, proven, now);
    }

    @Test
    void beginWhenFewFailuresThenAdmitted() {
        for (int i = 0; i < GuessThrottle.FREE_FAILURES; i++) {
            assertInstanceOf(GuessThrottle.Admitted.class, fail(throttle, "app", "10.0.0.1", false, 0));
        }
    }

    @Test
    void beginWhenThreeFailuresFromASourceThenItWaitsFiveSecondsFromTheLast() {
        for (int i = 0; i < 3; i++) {
            fail(throttle, "app", "10.0.0.1", false, 10 * SECOND);
        }

        assertEquals(
                new GuessThrottle.Refused(Duration.ofSeconds(5)),
                throttle.begin("app", "10.0.0.1", false, 10 * SECOND));
        assertEquals(
                new GuessThrottle.Refused(Duration.ofSeconds(2)),
                throttle.begin("app", "10.0.0.1", false, 13 * SECOND));
        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "10.0.0.1", false, 15 * SECOND));
    }

    @Test
    void beginWhenOneSourceFailsThenAnotherSourceIsNotSlowedDown() {
        for (int i = 0; i < 5; i++) {
            fail(throttle, "app", "attacker", false, 0);
        }

        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "genuine", false, 0));
    }

    @Test
    void delayAfterWhenMoreFailuresThenDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(5), GuessThrottle.delayAfter(3));
        assertEquals(Duration.ofSeconds(10), GuessThrottle.delayAfter(4));
        assertEquals(Duration.ofSeconds(40), GuessThrottle.delayAfter(6));
        assertEquals(Duration.ofMinutes(5), GuessThrottle.delayAfter(10));
        assertEquals(Duration.ofMinutes(5), GuessThrottle.delayAfter(1_000));
    }

    @Test
    void succeededWhenReportedThenSourceStartsOver() {
        for (int i = 0; i < 2; i++) {
            fail(throttle, "app", "10.0.0.1", false, 0);
        }
        ((GuessThrottle.Admitted) throttle.begin("app", "10.0.0.1", false, 0)).succeeded();

        for (int i = 0; i < 3; i++) {
            assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "10.0.0.1", false, 0));
        }
    }

    @Test
    void beginWhenManySourcesFailThenTargetBudgetBoundsTheirTotal() {
        int admitted = 0;
        for (int i = 0; i < 1_000; i++) {
            if (throttle.begin("app", "10.0." + i / 250 + "." + i % 250, false, 0) instanceof GuessThrottle.Admitted) {
                admitted++;
            }
        }

        assertEquals(GuessThrottle.TARGET_BUDGET, admitted, "a thousand sources get the budget of one target");
    }

    @Test
    void beginWhenTargetBudgetSpentThenProvenSourceStillAdmitted() {
        for (int i = 0; i < 100; i++) {
            fail(throttle, "app", "stranger-" + i, false, 0);
        }

        assertInstanceOf(GuessThrottle.Refused.class, throttle.begin("app", "new-source", false, 0));
        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "genuine", true, 0));
    }

    @Test
    void beginWhenTargetBudgetSpentThenRefillsAtItsRate() {
        for (int i = 0; i < GuessThrottle.TARGET_BUDGET; i++) {
            fail(throttle, "app", "stranger-" + i, false, 0);
        }

        GuessThrottle.Refused refused = (GuessThrottle.Refused) throttle.begin("app", "another", false, 0);
        assertEquals(Duration.ofSeconds(6), refused.retryAfter(), "ten per minute: one every six seconds");
        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "another", false, 6 * SECOND));
    }

    @Test
    void beginWhenProvenSourceKeepsFailingThenItIsSlowedDownToo() {
        for (int i = 0; i < 3; i++) {
            fail(throttle, "app", "genuine", true, 0);
        }

        assertInstanceOf(GuessThrottle.Refused.class, throttle.begin("app", "genuine", true, 0));
    }

    @Test
    void beginWhenConcurrentThenNoMoreAdmittedThanSequentially() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<GuessThrottle.Attempt>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                return throttle.begin("admin", "10.0.0.1", false, 0);
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<GuessThrottle.Attempt> attempt : attempts) {
            if (attempt.get() instanceof GuessThrottle.Admitted) {
                admitted++;
            }
        }
        pool.shutdown();

        assertEquals(GuessThrottle.FREE_FAILURES, admitted);
    }

    @Test
    void beginWhenTablesFullOfRandomKeysThenThrottledSourceIsNotWashedOut() {
        GuessThrottle small = new GuessThrottle(10);
        for (int i = 0; i < 3; i++) {
            fail(small, "target", "attacker", false, 0);
        }
        for (int i = 0; i < 50; i++) {
            fail(small, "random-" + i, "attacker", false, SECOND);
        }

        assertInstanceOf(GuessThrottle.Refused.class, small.begin("target", "attacker", false, SECOND));
        assertTrue(small.trackedSources() <= 10);
        assertTrue(small.trackedTargets() <= 10);
    }

    @Test
    void beginWhenTablesFullThenProvenSourceStillAdmitted() {
        GuessThrottle small = new GuessThrottle(4);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 3; j++) {
                fail(small, "random-" + i, "attacker-" + i, false, 0);
            }
        }

        assertInstanceOf(GuessThrottle.Admitted.class, small.begin("app", "genuine", true, 0));
        assertInstanceOf(GuessThrottle.Refused.class, small.begin("app", "stranger", false, 0));
    }

    @Test
    void beginWhenKeyTooLongThenRefusedAsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> throttle.begin("x".repeat(1_000), "a", false, 0));
    }

    // --- failures shared between instances ---

    @Test
    void failedWhenReportedThenSinkGetsTargetDigestAndProvenness() {
        List<String> shared = new ArrayList<>();
        GuessThrottle sharing =
                new GuessThrottle((target, source, proven) -> shared.add(target + " " + source + " " + proven));

        ((GuessThrottle.Admitted) sharing.begin("app", "10.0.0.1", false, 0)).failed();
        ((GuessThrottle.Admitted) sharing.begin("app", "device:tag", true, 0)).failed();
        ((GuessThrottle.Admitted) sharing.begin("app", "10.0.0.2", false, 0)).succeeded();

        assertEquals(
                List.of(
                        "app " + GuessThrottle.digest("10.0.0.1") + " false",
                        "app " + GuessThrottle.digest("device:tag") + " true"),
                shared);
        assertTrue(shared.stream().noneMatch(line -> line.contains("10.0.0.1") || line.contains("device:tag")));
    }

    @Test
    void countFailureElsewhereWhenThreeAtAnotherInstanceThenThisOneMakesTheSourceWait() {
        String attacker = GuessThrottle.digest("10.0.0.9");
        for (int i = 0; i < GuessThrottle.FREE_FAILURES; i++) {
            throttle.countFailureElsewhere("app", attacker, false, 0, 10 * SECOND);
        }

        assertEquals(
                new GuessThrottle.Refused(Duration.ofSeconds(5)),
                throttle.begin("app", "10.0.0.9", false, 10 * SECOND));
        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "genuine", false, 10 * SECOND));
    }

    @Test
    void countFailureElsewhereWhenOldThenItsWaitHasPartlyRunOut() {
        String attacker = GuessThrottle.digest("10.0.0.9");
        for (int i = 0; i < GuessThrottle.FREE_FAILURES; i++) {
            throttle.countFailureElsewhere("app", attacker, false, 3 * SECOND, 10 * SECOND);
        }

        assertEquals(
                new GuessThrottle.Refused(Duration.ofSeconds(2)),
                throttle.begin("app", "10.0.0.9", false, 10 * SECOND));
    }

    @Test
    void countFailureElsewhereWhenTargetBudgetSpentElsewhereThenUnprovenSourcesWaitButProvenOneIsAdmitted() {
        for (int i = 0; i < GuessThrottle.TARGET_BUDGET; i++) {
            throttle.countFailureElsewhere("app", GuessThrottle.digest("10.1.0." + i), false, 0, 0);
        }

        assertInstanceOf(GuessThrottle.Refused.class, throttle.begin("app", "10.2.0.1", false, 0));
        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "genuine", true, 0));
    }

    @Test
    void countFailureElsewhereWhenBudgetSpentTwoSecondsAgoThenStillSpentButAMinuteLaterRefilled() {
        for (int i = 0; i < GuessThrottle.TARGET_BUDGET; i++) {
            throttle.countFailureElsewhere("app", GuessThrottle.digest("10.1.0." + i), false, 2 * SECOND, 100 * SECOND);
        }

        assertInstanceOf(GuessThrottle.Refused.class, throttle.begin("app", "10.2.0.1", false, 100 * SECOND));
        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "10.2.0.2", false, 160 * SECOND));
    }

    @Test
    void countFailureElsewhereWhenProvenSourceFailedThenTargetBudgetUntouched() {
        for (int i = 0; i < 3 * GuessThrottle.TARGET_BUDGET; i++) {
            throttle.countFailureElsewhere("app", GuessThrottle.digest("device:" + i), true, 0, 0);
        }

        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "10.2.0.1", false, 0));
    }

    @Test
    void countFailureElsewhereWhenOlderThanLongestWaitThenIgnored() {
        String attacker = GuessThrottle.digest("10.0.0.9");
        for (int i = 0; i < 10; i++) {
            throttle.countFailureElsewhere("app", attacker, false, GuessThrottle.MAX_WAIT.toNanos() + SECOND, 0);
        }

        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "10.0.0.9", false, 0));
    }

    @Test
    void succeededWhenSourceHadFailedThenClearedIsReportedButNotAfterACleanSuccess() {
        List<String> cleared = new ArrayList<>();
        GuessThrottle sharing = new GuessThrottle(new GuessThrottle.Failures() {
            @Override
            public void failed(String target, String source, boolean proven) {}

            @Override
            public void cleared(String target, String source) {
                cleared.add(target + " " + source);
            }
        });

        ((GuessThrottle.Admitted) sharing.begin("app", "10.0.0.1", false, 0)).succeeded();
        ((GuessThrottle.Admitted) sharing.begin("app", "10.0.0.1", false, 0)).failed();
        ((GuessThrottle.Admitted) sharing.begin("app", "10.0.0.1", false, 0)).succeeded();

        assertEquals(List.of("app " + GuessThrottle.digest("10.0.0.1")), cleared);
    }

    @Test
    void clearedElsewhereWhenSourceAuthenticatedAtAnotherInstanceThenItsFailuresHereNoLongerCount() {
        String genuine = GuessThrottle.digest("10.0.0.5");
        for (int i = 0; i < 5; i++) {
            throttle.countFailureElsewhere("app", genuine, false, 0, 0);
        }
        assertInstanceOf(GuessThrottle.Refused.class, throttle.begin("app", "10.0.0.5", false, 0));

        throttle.clearedElsewhere("app", genuine);

        assertInstanceOf(GuessThrottle.Admitted.class, throttle.begin("app", "10.0.0.5", false, 0));
    }
}
