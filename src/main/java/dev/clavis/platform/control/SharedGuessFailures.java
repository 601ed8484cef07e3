package dev.clavis.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The failed authentications of every instance, in PostgreSQL ({@code guess_failure}), so that the guessing limits
 * hold across instances: N instances behind a load balancer do not give a guesser N budgets, and a restarted instance
 * does not give a fresh one. A failure is queued in memory and written with the others at the next
 * {@link #exchange()} (the timer in the wiring runs it about every second), never on the request's path; the same
 * exchange counts the failures other instances wrote since the last one. A success writes nothing, unless it ends
 * a source's failures (then one row says so, and every instance forgets them, a restarted one too).
 *
 * <p>If the database is unreachable, failures wait in a bounded queue (the oldest beyond it are dropped) and each
 * instance goes on with its own counts, which still limit every guesser.
 */
@ApplicationScoped
public class SharedGuessFailures {

    private static final Logger LOG = Logger.getLogger(SharedGuessFailures.class.getName());

    /** The throttle of client authentication at the token endpoint (per client ID). */
    public static final String CLIENTS = "client";

    /** The throttle of the administrators' sign-in (per username). */
    public static final String ADMINISTRATORS = "admin";

    /** Failures older than the longest wait restrict nothing any more. */
    static final int KEPT_SECONDS = 600;

    static final int MAX_QUEUED = 10_000;
    private static final int MAX_READ = 5_000;
    private static final long PURGE_EVERY_NANOS = 60_000_000_000L;

    /** A failure, or with {@code cleared} the success that ends a source's failures at a target. */
    private record Failure(String throttle, String target, String sourceDigest, boolean proven, boolean cleared) {}

    /** Tells this instance's rows from the others'; a restart is another instance, whose old rows it reads. */
    private final String instance = UUID.randomUUID().toString();

    private final Map<String, GuessThrottle> throttles = new ConcurrentHashMap<>();
    /**
     * Per throttle, the last row counted. A throttle is made when its feature first needs it, maybe after rows for
     * it were read: it starts at -1, so the next exchange counts the recent rows for it too.
     */
    private final Map<String, Long> lastSeenIds = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Failure> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();
    private long purgedAtNanos;

    @PersistenceContext
    EntityManager entityManager;

    /** Both throttles exist before the first exchange, which so counts every recent failure into them. */
    @PostConstruct
    void createThrottles() {
        throttle(CLIENTS);
        throttle(ADMINISTRATORS);
    }

    /**
     * The throttle called {@code name} ({@link #CLIENTS}, {@link #ADMINISTRATORS}: one per kind of target), whose
     * failures are shared with the other instances.
     */
    public GuessThrottle throttle(String name) {
        return throttles.computeIfAbsent(name, key -> {
            lastSeenIds.put(key, -1L);
            return new GuessThrottle(new GuessThrottle.Failures() {
                @Override
                public void failed(String target, String source, boolean proven) {
                    queue(new Failure(key, target, source, proven, false));
                }

                @Override
                public void cleared(String target, String source) {
                    queue(new Failure(key, target, source, true, true));
                }
            });
        });
    }

    private void queue(Failure failure) {
        if (queuedCount.incrementAndGet() > MAX_QUEUED) {
            queued.poll();
            queuedCount.decrementAndGet();
        }
        queued.add(failure);
    }

    /**
     * Writes this instance's new failures and counts the other instances' (the first time: everything recent, this
     * instance's earlier life included). Purges old rows about once a minute.
     */
    @Transactional
    public synchronized void exchange() {
        List<Failure> batch = new ArrayList<>();
        for (Failure failure; (failure = queued.poll()) != null; ) {
            queuedCount.decrementAndGet();
            batch.add(failure);
        }
        try {
            write(batch);
            read();
            purgeNowAndThen();
        } catch (RuntimeException e) {
            batch.forEach(queued::add); // written next time; counted here already
            queuedCount.addAndGet(batch.size());
            throw e;
        }
    }

    private void write(List<Failure> batch) {
        for (Failure failure : batch) {
            entityManager
                    .createNativeQuery("INSERT INTO guess_failure (throttle, target, source, proven, cleared, instance)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, failure.throttle())
                    .setParameter(2, failure.target())
                    .setParameter(3, failure.sourceDigest())
                    .setParameter(4, failure.proven())
                    .setParameter(5, failure.cleared())
                    .setParameter(6, instance)
                    .executeUpdate();
        }
    }

    private void read() {
        long from =
                lastSeenIds.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        if (from == Long.MAX_VALUE) {
            return; // no throttle yet: nothing to count into
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, throttle, target, source, proven,"
                        + " CAST(extract(epoch FROM now() - failed_at) * 1000 AS bigint), cleared"
                        + " FROM guess_failure WHERE id > ?1 AND instance <> ?2"
                        + " AND failed_at > now() - make_interval(secs => ?3) ORDER BY id LIMIT ?4")
                .setParameter(1, from)
                .setParameter(2, instance)
                .setParameter(3, KEPT_SECONDS)
                .setParameter(4, MAX_READ)
                .getResultList();
        long now = System.nanoTime();
        long last = from;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            String name = (String) row[1];
            Long seen = lastSeenIds.get(name);
            if (seen != null && id > seen) {
                throttles
                        .get(name)
                        .countFailureElsewhere(
                                (String) row[2],
                                (String) row[3],
                                (Boolean) row[4],
                                ((Number) row[5]).longValue() * 1_000_000,
                                now);
            }
            last = Math.max(last, id);
        }
        // A row that commits after a newer one was read is missed: one failure less counted, rarely (rows are
        // single short inserts).
        long readUpTo = last;
        lastSeenIds.replaceAll((name, seen) -> Math.max(seen, readUpTo));
        if (!rows.isEmpty()) {
            LOG.fine(() -> rows.size() + " failed authentications counted from other instances");
        }
    }

    private void purgeNowAndThen() {
        long now = System.nanoTime();
        if (purgedAtNanos != 0 && now - purgedAtNanos < PURGE_EVERY_NANOS) {
            return;
        }
        purgedAtNanos = now;
        entityManager
                .createNativeQuery("DELETE FROM guess_failure WHERE failed_at < now() - make_interval(secs => ?1)")
                .setParameter(1, KEPT_SECONDS)
                .executeUpdate();
    }
}
