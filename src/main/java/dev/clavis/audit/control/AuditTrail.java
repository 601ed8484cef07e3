package dev.clavis.audit.control;

import dev.clavis.audit.entity.AuditEvent;
import dev.clavis.platform.control.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes and reads the audit trail. Callers pass only names and reasons, never a secret.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SUCCESS = "success";

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    AuditTrail self;

    /**
     * Makes a change and records how it ended: a success in the change's transaction, so that the record and the
     * change stand or fall together; a refusal in a transaction of its own, since the change's is of no use.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> audited(String actor, String action, String target, Supplier<Outcome<T>> change) {
        Outcome<T> outcome = change.get();
        if (outcome instanceof Outcome.Done<T>) {
            entityManager.persist(new AuditEvent(actor, action, target, SUCCESS));
            return outcome;
        }
        return self.refused(actor, action, target, outcome);
    }

    /** Through the CDI proxy, so that the refusal gets its own transaction. Not for callers: use audited. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> Outcome<T> refused(String actor, String action, String target, Outcome<T> outcome) {
        entityManager.persist(new AuditEvent(actor, action, target, "refused: " + outcome.summary()));
        return outcome;
    }

    /** A failed sign-in to the admin pages: the name that was tried and from where, never the password. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signInRefused(String username, String remoteAddress) {
        entityManager.persist(new AuditEvent(
                "user:" + username, "admin.sign-in", "from " + remoteAddress, "refused: wrong username or password"));
    }

    /** @return up to {@code limit} events older than the event {@code before}, newest first */
    public List<AuditEvent> newest(int limit, long before) {
        return entityManager
                .createNamedQuery(AuditEvent.NEWEST_BEFORE, AuditEvent.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }
}
