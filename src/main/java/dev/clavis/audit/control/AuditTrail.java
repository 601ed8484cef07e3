package dev.clavis.audit.control;

import dev.clavis.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes and reads the audit trail. A successful change is recorded in its own transaction, so the record and the
 * change stand or fall together; a refusal is recorded in a new transaction, since the change's is rolled back.
 * Callers pass only names and reasons, never a secret.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SUCCESS = "success";

    @PersistenceContext
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String target) {
        entityManager.persist(new AuditEvent(actor, action, target, SUCCESS));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(String actor, String action, String target, String reason) {
        entityManager.persist(new AuditEvent(actor, action, target, "refused: " + reason));
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
