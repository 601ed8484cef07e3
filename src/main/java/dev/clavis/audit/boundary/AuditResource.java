package dev.clavis.audit.boundary;

import dev.clavis.audit.control.AuditTrail;
import dev.clavis.platform.boundary.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/api/audit}: the audit trail, newest first, a page at a time. */
@Path("audit")
@RequestScoped
@RolesAllowed("clavis-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, and how it ended")
public class AuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    AuditTrail trail;

    @GET
    @Operation(
            summary = "Read the audit trail",
            description = "Newest first. For the next page, pass the id of the last event as before.")
    public List<AuditEventView> read(
            @Parameter(description = "How many events, 1 to 500 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Only events with an id below this one") @QueryParam("before") String before) {
        int count = parse(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long olderThan = before == null ? Long.MAX_VALUE : parse(before, "before", 0, 1, Long.MAX_VALUE);
        return trail.newest(count, olderThan).stream().map(AuditEventView::of).toList();
    }

    private static int parse(String value, String name, int fallback, int min, int max) {
        return (int) parse(value, name, (long) fallback, min, (long) max);
    }

    private static long parse(String value, String name, long fallback, long min, long max) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.of(400, "Invalid request", name + " must be a whole number from " + min + " to " + max);
    }
}
