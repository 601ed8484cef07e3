package dev.clavis.audit.boundary;

import dev.clavis.audit.entity.AuditEvent;
import java.time.Instant;

/** An audit event as the admin API shows it. */
public record AuditEventView(long id, Instant time, String actor, String action, String target, String outcome) {

    public static AuditEventView of(AuditEvent event) {
        return new AuditEventView(
                event.id(), event.occurredAt(), event.actor(), event.action(), event.target(), event.outcome());
    }
}
