package dev.clavis.platform.boundary;

import dev.clavis.platform.control.DatabaseUnavailable;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves an admin API resource into problem details: the expected ones with their own
 * status, JAX-RS's (unknown path, wrong method, wrong media type, missing role) with theirs, a database that cannot
 * be reached into a 503 with {@code Retry-After} (nothing was changed; the caller may send it again), and anything
 * else into a 500 that says nothing about the inside. No stack trace or HTML ever reaches the caller. Registered by
 * the admin API's JAX-RS application only (not a scanned {@code @Provider}): the sample API answers in its own shape.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem;
        if (exception instanceof ProblemException expected) {
            problem = expected.problem();
        } else if (exception instanceof WebApplicationException web
                && web.getResponse().getStatus() < 500) {
            problem = Problem.of(anonymousIsUnauthorized(web.getResponse().getStatus()));
        } else if (DatabaseUnavailable.isCause(exception)) {
            // the cause only: during an outage every request fails the same way, and the stack says nothing new
            LOG.warning(() -> "Admin API request refused with 503, the database cannot be reached: "
                    + DatabaseUnavailable.describe(exception));
            Problem unavailable = Problem.of(
                    503,
                    HttpErrorTexts.title(503),
                    "The database cannot be reached right now; nothing was changed. Try again in a few seconds");
            return Response.fromResponse(ProblemResponse.of(unavailable, tokenSent()))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .build();
        } else {
            LOG.log(Level.SEVERE, "Admin API request failed unexpectedly", exception);
            problem = Problem.of(500, "Internal error", "The server could not complete the request");
        }
        return ProblemResponse.of(problem, tokenSent());
    }

    private boolean tokenSent() {
        return headers != null && headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
    }

    /**
     * A caller without a valid token is unauthenticated (401 with a challenge, RFC 6750 §3), not forbidden. Payara
     * answers so before the resource; RESTEasy on WildFly refuses {@code @RolesAllowed} with 403 for everyone.
     */
    private int anonymousIsUnauthorized(int status) {
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        return status == 403 && anonymous ? 401 : status;
    }
}
