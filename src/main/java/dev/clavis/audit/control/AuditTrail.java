package dev.clavis.audit.control;

import dev.clavis.audit.entity.AuditEvent;
import dev.clavis.platform.control.Outcome;
import dev.clavis.platform.control.Validation;
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
    /** The action of a failed sign-in to the admin pages (the only sign-in events recorded). */
    public static final String FAILED_SIGN_IN = AuditEvent.FAILED_SIGN_IN;

    static final int MAX_TYPED_NAME = 64;

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

    /**
     * A failed sign-in to the admin pages: the name that was tried and from where, never the password. The name is
     * whatever someone typed, so it is kept short and printable, and marked as not verified ({@code user:?name}): it
     * names no one who signed in.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signInRefused(String typedUsername, String remoteAddress) {
        String typed = typedUsername.length() > MAX_TYPED_NAME * 4
                ? typedUsername.substring(0, MAX_TYPED_NAME * 4) // printable() reads every code point: cut it first
                : typedUsername;
        String name = typed.isEmpty() ? "(empty)" : Validation.printable(typed, MAX_TYPED_NAME);
        entityManager.persist(new AuditEvent(
                "user:?" + name,
                FAILED_SIGN_IN,
                "from " + remoteAddress + " (name not verified)",
                "refused: wrong username or password"));
    }

    /** Which events a reader wants to see. */
    public enum Filter {
        ALL,
        /** Everything but failed sign-ins, so that a flood of them does not push real changes out of sight. */
        WITHOUT_FAILED_SIGN_INS
    }

    /** @return up to {@code limit} events older than the event {@code before}, newest first */
    public List<AuditEvent> newest(int limit, long before) {
        return newest(limit, before, Filter.ALL);
    }

    /** @return up to {@code limit} events older than the event {@code before} that pass the filter, newest first */
    public List<AuditEvent> newest(int limit, long before, Filter filter) {
        String query = filter == Filter.ALL ? AuditEvent.NEWEST_BEFORE : AuditEvent.NEWEST_CHANGES_BEFORE;
        return entityManager
                .createNamedQuery(query, AuditEvent.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }
}
