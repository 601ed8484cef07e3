package dev.clavis.revocation.control;

import dev.clavis.platform.control.FromOtherInstance;
import dev.clavis.platform.control.TokenRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The revoked token IDs: in PostgreSQL ({@code revoked_token}) until a while after each token's expiry, so that they
 * survive restarts and reach every instance, and in memory ({@link Denylist}), which is all that introspection and the
 * APIs' check read. {@link #refresh()} runs at start and then every {@code clavis.revocation.refresh-seconds}: it reads
 * what any instance revoked since the last look (by {@code revoked_at}, with an overlap, so that a revocation whose
 * transaction committed late is not missed) and purges what expired. A revocation on this instance is in memory as
 * soon as it commits; one on another instance as soon as the change feed brings it ({@link TokenRevoked}), and at the
 * latest at the next refresh.
 */
@ApplicationScoped
public class RevokedTokens {

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class.getName());

    /** Longer than any revocation transaction, so that re-reading this much catches those that committed late. */
    static final int OVERLAP_SECONDS = 60;
    /**
     * Rows are kept this long past the token's expiry: an instance whose clock is behind the database's by less still
     * finds the entry while it takes the token for unexpired.
     */
    static final int KEPT_AFTER_EXPIRY_SECONDS = 300;

    private final Denylist denylist = new Denylist();

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    Event<TokenRevoked> revocations;

    /** The database's clock at the start of the last refresh, in epoch seconds; 0 before the first. */
    private long lastRefreshEpochSecond;

    public boolean isRevoked(String jti) {
        return denylist.contains(jti);
    }

    /** @return how many revoked, unexpired token IDs this instance holds */
    public int size() {
        return denylist.size();
    }

    /**
     * Revokes one token until its expiry. Revoking it again is harmless.
     *
     * @param clientId the application it was issued to, for the record
     */
    @Transactional
    public void revoke(String jti, String clientId, Instant expiresAt) {
        entityManager
                .createNativeQuery("INSERT INTO revoked_token (jti, client_id, expires_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (jti) DO NOTHING")
                .setParameter(1, jti)
                .setParameter(2, clientId)
                .setParameter(3, java.sql.Timestamp.from(expiresAt))
                .executeUpdate();
        entityManager.flush();
        denylist.add(jti, expiresAt.getEpochSecond());
        revocations.fire(new TokenRevoked(jti, expiresAt));
    }

    /** Another instance revoked a token: refused here too, without reading the database. */
    void onTokenRevoked(@Observes @FromOtherInstance TokenRevoked revocation) {
        denylist.add(revocation.jti(), revocation.expiresAt().getEpochSecond());
    }

    /** Reads what was revoked since the last refresh (everything unexpired, the first time) and purges what expired. */
    @Transactional
    public synchronized void refresh() {
        long databaseNow = ((Number) entityManager
                        .createNativeQuery("SELECT CAST(extract(epoch FROM now()) AS bigint)")
                        .getSingleResult())
                .longValue();
        boolean first = lastRefreshEpochSecond == 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT jti, CAST(extract(epoch FROM expires_at) AS bigint) FROM revoked_token"
                        + " WHERE expires_at > now() - make_interval(secs => ?1)"
                        + " AND revoked_at >= to_timestamp(?2)")
                .setParameter(1, KEPT_AFTER_EXPIRY_SECONDS)
                .setParameter(2, first ? 0 : lastRefreshEpochSecond - OVERLAP_SECONDS)
                .getResultList();
        for (Object[] row : rows) {
            denylist.add((String) row[0], ((Number) row[1]).longValue());
        }
        lastRefreshEpochSecond = databaseNow;
        int purged = entityManager
                .createNativeQuery("DELETE FROM revoked_token WHERE expires_at < now() - make_interval(secs => ?1)")
                .setParameter(1, KEPT_AFTER_EXPIRY_SECONDS)
                .executeUpdate();
        denylist.purge(Instant.now().getEpochSecond() - KEPT_AFTER_EXPIRY_SECONDS);
        if (first) {
            LOG.info(() -> "Revoked tokens loaded: " + denylist.size() + " unexpired");
        } else if (purged > 0) {
            LOG.fine(() -> purged + " expired revocations purged");
        }
    }
}
