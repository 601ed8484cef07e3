package dev.clavis.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves an admin API resource into problem details: the expected ones with their own
 * status, JAX-RS's (unknown path, wrong method, wrong media type, missing role) with theirs, and anything else into
 * a 500 that says nothing about the inside. No stack trace or HTML ever reaches the caller. Registered by
 * {@link AdminApi} only (not a scanned {@code @Provider}): the sample API answers in its own shape.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem;
        if (exception instanceof ProblemException expected) {
            problem = expected.problem();
        } else if (exception instanceof WebApplicationException web
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            problem = Problem.of(
                    status,
                    Response.Status.fromStatusCode(status) == null
                            ? "Refused"
                            : Response.Status.fromStatusCode(status).getReasonPhrase(),
                    describe(status));
        } else {
            LOG.log(Level.SEVERE, "Admin API request failed unexpectedly", exception);
            problem = Problem.of(500, "Internal error", "The server could not complete the request");
        }
        Response response = respond(problem);
        if (problem.status() == 401) {
            boolean tokenSent = headers != null && headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
            return Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, ErrorPage.bearerChallenge(tokenSent))
                    .build();
        }
        return response;
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(problem)
                .build();
    }

    private static String describe(int status) {
        return switch (status) {
            case 401 -> "A valid bearer access token is required";
            case 403 -> "The access token does not carry the clavis-admin role";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept this method";
            case 406 -> "This API answers in application/json only";
            case 415 -> "Send the request body as application/json";
            default -> "The request was refused";
        };
    }
}
