package dev.clavis.change.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/** Deletes the feed's old rows; any instance may, and each does from time to time. */
@ApplicationScoped
public class ChangeRetention {

    private static final Logger LOG = Logger.getLogger(ChangeRetention.class.getName());

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
