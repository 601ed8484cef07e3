package dev.clavis.audit.entity;

import dev.clavis.platform.control.Validation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One thing that happened: an administrator's change, or a refused attempt at one. */
@Entity
@Table(name = "audit_event")
@NamedQuery(
        name = AuditEvent.NEWEST_BEFORE,
        query = "SELECT e FROM AuditEvent e WHERE e.id < :before ORDER BY e.id DESC")
@NamedQuery(
        name = AuditEvent.NEWEST_CHANGES_BEFORE,
        query = "SELECT e FROM AuditEvent e WHERE e.id < :before AND e.action <> '" + AuditEvent.FAILED_SIGN_IN
                + "' ORDER BY e.id DESC")
public class AuditEvent {

    public static final String NEWEST_BEFORE = "AuditEvent.newestBefore";
    /** Like {@link #NEWEST_BEFORE}, without failed sign-ins (served by a partial index, see V7). */
    public static final String NEWEST_CHANGES_BEFORE = "AuditEvent.newestChangesBefore";
    /** The action of a failed sign-in to the admin pages. */
    public static final String FAILED_SIGN_IN = "admin.sign-in";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String target;

    @Column(nullable = false)
    private String outcome;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(String actor, String action, String target, String outcome) {
        this.occurredAt = Instant.now();
        this.actor = limit(Objects.requireNonNull(actor), 100);
        this.action = limit(Objects.requireNonNull(action), 64);
        this.target = limit(Objects.requireNonNull(target), 200);
        this.outcome = limit(Objects.requireNonNull(outcome), 500);
    }

    /** Names in events can come from a caller: keep them printable and bounded. */
    private static String limit(String text, int max) {
        return Validation.printable(text, max - 1);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String outcome() {
        return outcome;
    }
}
