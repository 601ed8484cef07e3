package dev.clavis.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many slow hashes (of client secrets and of administrators' passwords) run at once in this process, so
 * that a flood of bad credentials cannot take every core from the clients whose secrets are already verified, and a
 * burst of sign-ins cannot starve the token endpoint. One instance serves every caller. A caller that cannot get a
 * turn within a few seconds gets 503 with Retry-After instead of queueing without end.
 */
@ApplicationScoped
public class SlowHashGate {

    private final Semaphore turns;
    private final long waitMillis;

    /** At most half the cores, at least one; a caller waits up to five seconds for a turn. */
    public SlowHashGate() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 5_000);
    }

    public SlowHashGate(int concurrentHashes, long waitMillis) {
        this.turns = new Semaphore(concurrentHashes, true);
        this.waitMillis = waitMillis;
    }

    public <T> T run(Supplier<T> slowHash) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw OAuthException.retryLater(503, "The server is busy checking client secrets; retry shortly", 1);
        }
        try {
            return slowHash.get();
        } finally {
            turns.release();
        }
    }
}
