package dev.clavis.token.control;

import dev.clavis.platform.control.OAuthException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many slow secret hashes run at once, so that a flood of bad credentials (random client IDs cost a decoy
 * hash each) cannot take every core from the clients whose secrets are already verified. A caller that cannot get a
 * turn within a few seconds gets 503 with Retry-After instead of queueing without end.
 */
public final class SlowHashGate {

    private final Semaphore turns;
    private final long waitMillis;

    public SlowHashGate(int concurrentHashes, long waitMillis) {
        this.turns = new Semaphore(concurrentHashes, true);
        this.waitMillis = waitMillis;
    }

    /** At most half the cores, at least one; a caller waits up to five seconds for a turn. */
    public static SlowHashGate forThisMachine() {
        return new SlowHashGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 5_000);
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
