package dev.clavis.change.control;

import dev.clavis.platform.control.FromOtherInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the change feed on this instance and fires, here, the change events other instances recorded
 * ({@link FromOtherInstance}), each once per poll however many rows repeat it. A poll that finds nothing new is one
 * query on the primary key. When the feed could not be read (the database was out of reach), the next poll that can
 * fires the events that stand for every copy ({@link Change#EVERYTHING}) instead, since rows may have been purged in
 * between; so does the first poll after start, which covers whatever changed while this instance loaded its copies.
 * Rows this instance wrote are skipped: its own observers saw those changes after they committed.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    /** Rows read per poll at most; the next poll reads on. */
    static final int BATCH = 500;
    /** Longer than any change's transaction, so that a row committed late is still picked up. */
    static final Duration HOLE_WAIT = Duration.ofSeconds(60);
    /** How often this instance purges old rows; every instance does, so the table stays small if one stops. */
    static final Duration PURGE_EVERY = Duration.ofSeconds(30);

    /** Names the rows this instance writes; new at every start, as the in-memory copies are. */
    private final String origin = UUID.randomUUID().toString();

    @Inject
    @Any
    Event<Object> events;

    @Inject
    ChangeRows rows;

    @Inject
    @ConfigProperty(name = "clavis.changes.retention-seconds", defaultValue = "300")
    long retentionSeconds;

    private FeedCursor cursor;
    private boolean readable = true;
    private long lastPurgeNanos;

    @PostConstruct
    void init() {
        cursor = new FeedCursor(HOLE_WAIT, Duration.ofSeconds(ChangeRows.effective(retentionSeconds) / 2));
        lastPurgeNanos = System.nanoTime();
    }

    /** @return what this instance writes as the origin of its rows */
    String origin() {
        return origin;
    }

    /**
     * One look at the feed. Runs with no transaction active, so that the observers of the events it fires after a
     * commit ({@code TransactionPhase.AFTER_SUCCESS}) run at once; never throws.
     */
    public synchronized void poll() {
        long now = System.nanoTime();
        try {
            if (cursor.needsResync(now)) {
                long newest = rows.newest();
                Change.EVERYTHING.forEach(this::fire);
                cursor.resynced(newest, now);
            } else {
                apply(cursor.accept(rows.read(cursor.after(), cursor.holes(), BATCH), now));
            }
        } catch (RuntimeException e) {
            cursor.failed();
            if (readable) {
                readable = false;
                LOG.log(
                        Level.WARNING,
                        "Reading the change feed failed; other instances' changes reach this one only when it works"
                                + " again, and then every copy in memory is cleared",
                        e);
            }
            return;
        }
        if (!readable) {
            readable = true;
            LOG.info("The change feed is readable again; every copy in memory was cleared");
        }
        purgeWhenDue(now);
    }

    private void apply(List<FeedCursor.Row> fresh) {
        Set<Object> changes = new LinkedHashSet<>();
        fresh.stream()
                .filter(row -> !row.origin().equals(origin))
                .forEach(row -> changes.addAll(row.change().events()));
        changes.forEach(this::fire);
    }

    private void fire(Object change) {
        events.select(FromOtherInstance.Literal.INSTANCE).fire(change);
    }

    private void purgeWhenDue(long now) {
        if (now - lastPurgeNanos < PURGE_EVERY.toNanos()) {
            return;
        }
        lastPurgeNanos = now;
        try {
            rows.purge(retentionSeconds);
        } catch (RuntimeException e) {
            // a lock held by another instance's purge, or the database gone since the poll: the next purge catches up
            LOG.log(Level.FINE, "Purging the change feed failed; it runs again later", e);
        }
    }
}
