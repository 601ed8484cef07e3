package dev.clavis.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
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
 *
 * <p>Several instances share their failures ({@link SharedGuessFailures}): each failure is reported to the
 * {@link Failures} sink given at construction, and failures reported elsewhere are counted here with
 * {@link #countFailureElsewhere}, so that N instances do not give a guesser N budgets. Sources are kept as a digest
 * (a device cookie's tag must not reach the database as it is).
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

    /** Where this throttle reports each failed attempt, for the other instances. */
    @FunctionalInterface
    public interface Failures {
        Failures NONE = (target, sourceDigest, proven) -> {};

        void failed(String target, String sourceDigest, boolean proven);

        /**
         * The source authenticated after it had failed: its failures no longer count, anywhere. (A success after
         * none is not reported: the steady state writes nothing.)
         */
        default void cleared(String target, String sourceDigest) {}
    }

    private record SourceFailures(int count, long lastNanos) {}

    private record Budget(double failuresLeft, long refilledAtNanos) {}

    private final ConcurrentHashMap<String, SourceFailures> sources = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Budget> targets = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final Failures failures;

    public GuessThrottle() {
        this(Failures.NONE);
    }

    public GuessThrottle(Failures failures) {
        this(DEFAULT_MAX_KEYS, failures);
    }

    GuessThrottle(int maxKeys) {
        this(maxKeys, Failures.NONE);
    }

    GuessThrottle(int maxKeys, Failures failures) {
        this.maxKeys = maxKeys;
        this.failures = failures;
    }

    /** An admitted attempt; its failure is already counted. Call {@link #succeeded()} if the credential matched. */
    public final class Admitted implements Attempt {

        private final String sourceKey;
        private final String target;
        private final String sourceDigest;
        private final boolean usedBudget;

        private Admitted(String sourceKey, String target, String sourceDigest, boolean usedBudget) {
            this.sourceKey = sourceKey;
            this.target = target;
            this.sourceDigest = sourceDigest;
            this.usedBudget = usedBudget;
        }

        /** The credential did not match: already counted here; reported so that other instances count it too. */
        public void failed() {
            failures.failed(target, sourceDigest, !usedBudget);
        }

        /** The credential matched: the source starts over, and the target's budget gets its failure back. */
        public void succeeded() {
            SourceFailures before = sources.remove(sourceKey);
            if (before != null && before.count() > 1) { // more than this attempt's own reservation
                failures.cleared(target, sourceDigest);
            }
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
        if (target.length() + source.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("throttle keys are built from checked values of bounded length");
        }
        String sourceDigest = digest(source);
        String sourceKey = target + '\u0000' + sourceDigest;
        Duration sourceWait = reserveSource(sourceKey, provenSource, nowNanos);
        if (!sourceWait.isZero()) {
            return new Refused(sourceWait);
        }
        if (provenSource) {
            return new Admitted(sourceKey, target, sourceDigest, false);
        }
        Duration targetWait = reserveTarget(target, nowNanos);
        if (!targetWait.isZero()) {
            releaseSource(sourceKey);
            return new Refused(targetWait);
        }
        return new Admitted(sourceKey, target, sourceDigest, true);
    }

    /**
     * Counts a failure that another instance saw (or this one, before a restart), {@code ageNanos} ago: the source
     * gets one more failure at the target, and the target's budget one less at that moment (so what has refilled
     * since counts). Oldest first gives the exact budget.
     */
    public void countFailureElsewhere(
            String target, String sourceDigest, boolean provenSource, long ageNanos, long nowNanos) {
        if (target.length() + sourceDigest.length() > MAX_KEY_LENGTH || ageNanos > MAX_WAIT.toNanos()) {
            return;
        }
        long failedAt = nowNanos - Math.max(0, ageNanos);
        String sourceKey = target + '\u0000' + sourceDigest;
        if (sources.containsKey(sourceKey) || makeRoom(sources, nowNanos)) {
            sources.merge(
                    sourceKey,
                    new SourceFailures(1, failedAt),
                    (known, one) -> new SourceFailures(known.count() + 1, Math.max(known.lastNanos(), failedAt)));
        }
        if (provenSource || !(targets.containsKey(target) || makeRoom(targets, nowNanos))) {
            return;
        }
        targets.compute(target, (key, known) -> {
            // spent when it happened: the budget refills from then on, as it would have here
            Budget budget = known == null
                    ? new Budget(TARGET_BUDGET, failedAt)
                    : known.refilledAtNanos() < failedAt ? refilled(known, failedAt) : known;
            // below zero at most by a budget: instances that admitted at once make the wait longer, not endless
            return new Budget(Math.max(-TARGET_BUDGET, budget.failuresLeft() - 1), budget.refilledAtNanos());
        });
    }

    /** Forgets a source's failures at a target because it authenticated elsewhere (or before a restart). */
    public void clearedElsewhere(String target, String sourceDigest) {
        sources.remove(target + '\u0000' + sourceDigest);
    }

    /** The source as the throttle keeps and shares it: a fixed-length digest, whatever the source was. */
    static String digest(String source) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
