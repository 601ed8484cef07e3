package dev.clavis.change.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The feed's rows in PostgreSQL: reading them, each in a short transaction of its own (a managed executor's thread
 * has no other way to an entity manager), and deleting the old ones, which any instance may do and each does from
 * time to time.
 */
@ApplicationScoped
public class ChangeRows {

    private static final Logger LOG = Logger.getLogger(ChangeRows.class.getName());

    @PersistenceContext
    EntityManager entityManager;

    /**
     * Rows are kept at least this long: twice the time a row committed late is waited for ({@link
     * ChangeFeed#HOLE_WAIT}), and an instance whose polls stop for half of it starts over rather than miss rows.
     */
    static final long MIN_SECONDS = 2 * ChangeFeed.HOLE_WAIT.toSeconds();

    /** @return the retention in force for a configured one */
    static long effective(long configuredSeconds) {
        return Math.max(MIN_SECONDS, configuredSeconds);
    }

    /** @return the newest row's ID, 0 when there is none */
    @Transactional
    public long newest() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT COALESCE(max(id), 0) FROM change_event")
                        .getSingleResult())
                .longValue();
    }

    /** @return the rows after this ID and those of the holes, in ascending ID order, at most {@code limit} */
    @Transactional
    public List<FeedCursor.Row> read(long after, List<Long> holes, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, origin, kind, subject FROM change_event"
                        + " WHERE id > ?1 OR id = ANY (CAST(?2 AS bigint[])) ORDER BY id LIMIT " + limit)
                .setParameter(1, after)
                .setParameter(2, holes.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        return rows.stream()
                .map(row -> new FeedCursor.Row(
                        ((Number) row[0]).longValue(), (String) row[1], new Change((String) row[2], (String) row[3])))
                .toList();
    }

    /** Deletes the rows older than the retention, by the database's clock (no instance's clock matters). */
    @Transactional
    public void purge(long retentionSeconds) {
        int purged = entityManager
                .createNativeQuery("DELETE FROM change_event WHERE created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, effective(retentionSeconds))
                .executeUpdate();
        if (purged > 0) {
            LOG.fine(() -> purged + " old rows of the change feed purged");
        }
    }
}
