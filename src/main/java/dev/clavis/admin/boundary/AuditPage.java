package dev.clavis.admin.boundary;

import dev.clavis.audit.control.AuditTrail;
import dev.clavis.audit.entity.AuditEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Audit: the audit trail, newest first, a page at a time (the next page starts below the last event shown); failed
 * sign-ins, which anyone can cause, can be hidden.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    /** An event as the page lists it. */
    public record Row(long id, Instant time, String actor, String action, String target, String outcome)
            implements Serializable {}

    @Inject
    transient AuditTrail trail;

    private Long before;
    private boolean hideFailedSignIns;
    /** Empty until loaded; stays empty when the page parameter did not convert (Faces then skips the view action). */
    private List<Row> rows = List.of();

    public void load() {
        long olderThan = before == null || before < 1 ? Long.MAX_VALUE : before;
        AuditTrail.Filter filter =
                hideFailedSignIns ? AuditTrail.Filter.WITHOUT_FAILED_SIGN_INS : AuditTrail.Filter.ALL;
        rows = trail.newest(PAGE_SIZE, olderThan, filter).stream()
                .map(AuditPage::row)
                .toList();
    }

    private static Row row(AuditEvent event) {
        return new Row(event.id(), event.occurredAt(), event.actor(), event.action(), event.target(), event.outcome());
    }

    public boolean isHasNext() {
        return rows.size() == PAGE_SIZE;
    }

    public long getNextBefore() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).id();
    }

    public List<Row> getRows() {
        return rows;
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }

    public boolean isHideFailedSignIns() {
        return hideFailedSignIns;
    }

    public void setHideFailedSignIns(boolean hideFailedSignIns) {
        this.hideFailedSignIns = hideFailedSignIns;
    }
}
