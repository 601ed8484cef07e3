package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StaleAllowanceTest {

    private static final long SECOND = 1_000_000_000L;
    private final StaleAllowance allowance = new StaleAllowance(Duration.ofSeconds(60), Duration.ofSeconds(300));

    @Test
    void isFreshWhenWithinTtlThenTrueAfterThenFalse() {
        long loaded = 42 * SECOND;
        assertTrue(allowance.isFresh(loaded, loaded + 59 * SECOND));
        assertFalse(allowance.isFresh(loaded, loaded + 60 * SECOND));
    }

    @Test
    void mayServeStaleWhenWithinTtlPlusMaxStaleThenTrueAfterThenFalse() {
        long loaded = -7 * SECOND; // nanoTime may be negative
        assertTrue(allowance.mayServeStale(loaded, loaded + 359 * SECOND));
        assertFalse(allowance.mayServeStale(loaded, loaded + 360 * SECOND));
    }

    @Test
    void mayServeStaleWhenMaxStaleZeroOrNegativeThenOnlyWhileFresh() {
        for (Duration none : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            var never = new StaleAllowance(Duration.ofSeconds(60), none);
            assertTrue(never.mayServeStale(0, 59 * SECOND));
            assertFalse(never.mayServeStale(0, 60 * SECOND));
        }
    }

    @Test
    void retryAtWhenDatabaseFailedThenRetrySecondsLater() {
        assertEquals(105 * SECOND, allowance.retryAt(100 * SECOND));
    }
}
