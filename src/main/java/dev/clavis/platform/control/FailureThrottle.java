package dev.clavis.platform.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of a password or client secret: after {@link #FREE_FAILURES} failures for a key (a username, an
 * address, a client ID), the next attempt must wait {@link #FIRST_WAIT}, and each further failure doubles the wait, up to
 * {@link #MAX_WAIT}. A success clears the key. Bounded in memory (see {@link #makeRoom}).
 */
public final class FailureThrottle {

    public static final int FREE_FAILURES = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final int MAX_KEYS = 10_000;

    private record Failures(int count, long lastNanos) {}

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxKeys;

    public FailureThrottle() {
        this(MAX_KEYS);
    }

    FailureThrottle(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** @return how long the key must still wait before its next attempt; zero when it may try now */
    public Duration remainingWait(String key, long nowNanos) {
        Failures known = failures.get(key);
        if (known == null || known.count() < FREE_FAILURES) {
            return Duration.ZERO;
        }
        long elapsed = nowNanos - known.lastNanos();
        long remaining = delayAfter(known.count()).toNanos() - elapsed;
        return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
    }

    public void failed(String key, long nowNanos) {
        if (failures.size() >= maxKeys) {
            makeRoom(nowNanos);
        }
        failures.merge(key, new Failures(1, nowNanos), (old, one) -> new Failures(old.count() + 1, nowNanos));
    }

    /**
     * Forgets first what restricts nothing: keys whose last failure is older than the longest wait, then keys not yet
     * throttled. So a flood of one-off guesses (random client IDs, say) cannot wash out a key that is being throttled.
     */
    private void makeRoom(long nowNanos) {
        failures.values().removeIf(f -> nowNanos - f.lastNanos() > MAX_WAIT.toNanos());
        if (failures.size() >= maxKeys) {
            failures.values().removeIf(f -> f.count() < FREE_FAILURES);
        }
        if (failures.size() >= maxKeys) {
            failures.clear();
        }
    }

    int trackedKeys() {
        return failures.size();
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    static Duration delayAfter(int failureCount) {
        int doublings = Math.min(failureCount - FREE_FAILURES, 20);
        Duration delay = FIRST_WAIT.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay;
    }
}
