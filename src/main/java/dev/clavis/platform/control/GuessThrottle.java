package dev.clavis.platform.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down the guessing of a client secret or a password (RFC 6749 §10.10, RFC 9700 §4.16) without letting a
 * stranger lock the real owner out. Two limits apply to an attempt at a <em>target</em> (a client ID, a username)
 * from a <em>source</em> (an address, a browser):
 *
 * <ul>
 * <li><b>per source</b>: after {@link #FREE_FAILURES} failures at a target, a source must wait {@link #FIRST_WAIT}
 * before its next attempt there, doubling with each further failure up to {@link #MAX_WAIT};</li>
 * <li><b>per target</b>: sources that have not proven themselves share a budget of {@link #TARGET_BUDGET} failures,
 * refilled at that many per {@link #TARGET_REFILL}, so the total guessing rate against one target is bounded
 * whatever the number of sources.</li>
 * </ul>
 *
 * A <em>proven</em> source (the caller knows it authenticated successfully for this target before) is exempt from the
 * target's budget: guesses from elsewhere never stop the real owner. It is still slowed down by its own failures.
 *
 * <p>An attempt is admitted before its hash runs, and admitting it counts it as a failure in advance; a success gives
 * it back. So fifty concurrent attempts get no more guesses than fifty sequential ones.
 *
 * <p>Memory is bounded: each table holds at most {@code maxKeys}. When one is full, entries that restrict nothing are
 * forgotten first; if it is still full, a new key is refused rather than an old one forgotten, so that a flood of
 * random targets or sources cannot wash out the entries that slow a guesser down (proven sources are still let in).
 */
public final class GuessThrottle {

    public static final int FREE_FAILURES = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    public static final int TARGET_BUDGET = 10;
    static final Duration TARGET_REFILL = Duration.ofMinutes(1);
    /** Keys are built from checked values; a longer one is a caller's mistake, not something to store. */
    static final int MAX_KEY_LENGTH = 600;

    private static final int DEFAULT_MAX_KEYS = 50_000;

    /** How an attempt was received: admitted (then report how it ended), or refused for a while. */
    public sealed interface Attempt permits Admitted, Refused {}

    /** The caller must not try until {@code retryAfter} has passed; nothing was checked. */
    public record Refused(Duration retryAfter) implements Attempt {}

    private record SourceFailures(int count, long lastNanos) {}

    private record Budget(double failuresLeft, long refilledAtNanos) {}

    private final ConcurrentHashMap<String, SourceFailures> sources = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Budget> targets = new ConcurrentHashMap<>();
    private final int maxKeys;

    public GuessThrottle() {
        this(DEFAULT_MAX_KEYS);
    }

    GuessThrottle(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** An admitted attempt; its failure is already counted. Call {@link #succeeded()} if the credential matched. */
    public final class Admitted implements Attempt {

        private final String sourceKey;
        private final String target;
        private final boolean usedBudget;

        private Admitted(String sourceKey, String target, boolean usedBudget) {
            this.sourceKey = sourceKey;
            this.target = target;
            this.usedBudget = usedBudget;
        }

        /** The credential matched: the source starts over, and the target's budget gets its failure back. */
        public void succeeded() {
            sources.remove(sourceKey);
            if (usedBudget) {
                targets.computeIfPresent(
                        target,
                        (key, budget) -> new Budget(
                                Math.min(TARGET_BUDGET, budget.failuresLeft() + 1), budget.refilledAtNanos()));
            }
        }
    }

    /**
     * Admits an attempt, counting it as a failure until it is reported to have succeeded, or refuses it.
     *
     * @param provenSource whether this source authenticated successfully for this target before
     */
    public Attempt begin(String target, String source, boolean provenSource, long nowNanos) {
        String sourceKey = target + '\u0000' + source;
        if (sourceKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("throttle keys are built from checked values of bounded length");
        }
        Duration sourceWait = reserveSource(sourceKey, provenSource, nowNanos);
        if (!sourceWait.isZero()) {
            return new Refused(sourceWait);
        }
        if (provenSource) {
            return new Admitted(sourceKey, target, false);
        }
        Duration targetWait = reserveTarget(target, nowNanos);
        if (!targetWait.isZero()) {
            releaseSource(sourceKey);
            return new Refused(targetWait);
        }
        return new Admitted(sourceKey, target, true);
    }

    /** @return zero when a failure was reserved for the source (or it is proven and could not be tracked) */
    private Duration reserveSource(String key, boolean proven, long now) {
        if (!sources.containsKey(key) && !makeRoom(sources, now) && !proven) {
            return MAX_WAIT;
        }
        Duration[] wait = {Duration.ZERO};
        sources.compute(key, (k, known) -> {
            if (known != null && known.count() >= FREE_FAILURES) {
                long remaining = delayAfter(known.count()).toNanos() - (now - known.lastNanos());
                if (remaining > 0) {
                    wait[0] = Duration.ofNanos(remaining);
                    return known;
                }
            }
            return new SourceFailures(known == null ? 1 : known.count() + 1, now);
        });
        return wait[0];
    }

    /** Gives back the failure reserved for a source whose attempt was then refused for its target. */
    private void releaseSource(String key) {
        sources.computeIfPresent(
                key,
                (k, known) -> known.count() <= 1 ? null : new SourceFailures(known.count() - 1, known.lastNanos()));
    }

    private Duration reserveTarget(String target, long now) {
        if (!targets.containsKey(target) && !makeRoom(targets, now)) {
            return TARGET_REFILL;
        }
        Duration[] wait = {Duration.ZERO};
        targets.compute(target, (k, known) -> {
            Budget budget = refilled(known, now);
            if (budget.failuresLeft() < 1) {
                double perNano = (double) TARGET_BUDGET / TARGET_REFILL.toNanos();
                wait[0] = Duration.ofNanos((long) Math.ceil((1 - budget.failuresLeft()) / perNano));
                return budget;
            }
            return new Budget(budget.failuresLeft() - 1, budget.refilledAtNanos());
        });
        return wait[0];
    }

    private static Budget refilled(Budget known, long now) {
        if (known == null) {
            return new Budget(TARGET_BUDGET, now);
        }
        double perNano = (double) TARGET_BUDGET / TARGET_REFILL.toNanos();
        double left = Math.min(TARGET_BUDGET, known.failuresLeft() + (now - known.refilledAtNanos()) * perNano);
        return new Budget(left, now);
    }

    /**
     * Makes room for a new key by forgetting what restricts nothing: sources whose longest wait has passed or that
     * are not yet slowed down, and targets whose budget has refilled.
     *
     * @return whether there is room now
     */
    private boolean makeRoom(ConcurrentHashMap<String, ?> table, long now) {
        if (table.size() < maxKeys) {
            return true;
        }
        if (table == sources) {
            sources.values()
                    .removeIf(failures ->
                            failures.count() < FREE_FAILURES || now - failures.lastNanos() > MAX_WAIT.toNanos());
        } else {
            targets.values().removeIf(budget -> refilled(budget, now).failuresLeft() >= TARGET_BUDGET);
        }
        return table.size() < maxKeys;
    }

    static Duration delayAfter(int failureCount) {
        int doublings = Math.min(failureCount - FREE_FAILURES, 20);
        Duration delay = FIRST_WAIT.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay;
    }

    int trackedSources() {
        return sources.size();
    }

    int trackedTargets() {
        return targets.size();
    }
}
