package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    private final FailureThrottle throttle = new FailureThrottle();

    @Test
    void remainingWaitWhenFewFailuresThenNoWait() {
        throttle.failed("user:a", 0);
        throttle.failed("user:a", 0);
        throttle.failed("user:a", 0);

        assertEquals(Duration.ZERO, throttle.remainingWait("user:b", 0), "other keys are not affected");
        throttle.succeeded("user:a");
        assertEquals(Duration.ZERO, throttle.remainingWait("user:a", 0));
    }

    @Test
    void remainingWaitWhenThreeFailuresThenFiveSecondsFromTheLast() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("user:a", 10 * SECOND);
        }

        assertEquals(Duration.ofSeconds(5), throttle.remainingWait("user:a", 10 * SECOND));
        assertEquals(Duration.ofSeconds(2), throttle.remainingWait("user:a", 13 * SECOND));
        assertEquals(Duration.ZERO, throttle.remainingWait("user:a", 15 * SECOND));
    }

    @Test
    void remainingWaitWhenMoreFailuresThenDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(5), FailureThrottle.delayAfter(3));
        assertEquals(Duration.ofSeconds(10), FailureThrottle.delayAfter(4));
        assertEquals(Duration.ofSeconds(40), FailureThrottle.delayAfter(6));
        assertEquals(Duration.ofMinutes(5), FailureThrottle.delayAfter(10));
        assertEquals(Duration.ofMinutes(5), FailureThrottle.delayAfter(1_000));
    }

    @Test
    void succeededWhenCalledThenKeyStartsOver() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("address:10.0.0.1", 0);
        }
        throttle.succeeded("address:10.0.0.1");
        throttle.failed("address:10.0.0.1", 0);

        assertEquals(Duration.ZERO, throttle.remainingWait("address:10.0.0.1", 0));
    }

    @Test
    void failedWhenFullThenOneOffFailuresAreForgottenBeforeThrottledKeys() {
        FailureThrottle small = new FailureThrottle(10);
        for (int i = 0; i < 3; i++) {
            small.failed("client:target", 0);
        }
        for (int i = 0; i < 20; i++) {
            small.failed("client:random" + i, SECOND);
        }

        assertEquals(
                Duration.ofSeconds(5), small.remainingWait("client:target", 0), "a flood of guesses does not reset it");
        assertEquals(true, small.trackedKeys() <= 10);
    }

    @Test
    void failedWhenFullThenKeysPastTheLongestWaitAreForgottenFirst() {
        FailureThrottle small = new FailureThrottle(2);
        small.failed("client:old", 0);
        small.failed("client:recent", 400 * SECOND);

        small.failed("client:new", 401 * SECOND);

        assertEquals(2, small.trackedKeys());
    }
}
