package dev.clavis.platform.control;

import java.time.Duration;

/**
 * How long an in-memory copy of something read from the database may be used: fresh for its TTL, then read again;
 * while the database cannot be reached ({@link DatabaseUnavailable}), served stale for at most {@code maxStale}
 * beyond the TTL, and the database tried again every {@value #RETRY_SECONDS} s rather than on every request. Times
 * are {@link System#nanoTime()} values.
 */
public final class StaleAllowance {

    public static final long RETRY_SECONDS = 5;

    private final long ttlNanos;
    private final long maxAgeNanos;

    /** @param maxStale 0 (or negative) for never stale: every read past the TTL needs the database */
    public StaleAllowance(Duration ttl, Duration maxStale) {
        this.ttlNanos = ttl.toNanos();
        this.maxAgeNanos =
                ttl.plus(maxStale.isNegative() ? Duration.ZERO : maxStale).toNanos();
    }

    /** @return whether a copy read at {@code loadedAt} is still fresh */
    public boolean isFresh(long loadedAt, long now) {
        return now - loadedAt < ttlNanos;
    }

    /** @return whether a copy read at {@code loadedAt} may still be served while the database is down */
    public boolean mayServeStale(long loadedAt, long now) {
        return now - loadedAt < maxAgeNanos;
    }

    /** @return while the database is down, when to try it again after a failure at {@code now} */
    public long retryAt(long now) {
        return now + Duration.ofSeconds(RETRY_SECONDS).toNanos();
    }
}
