package dev.clavis.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;

/**
 * Refuses an admin API request whose declared body is too large before any of it is read. Bodies without a declared
 * length are bounded while they are read ({@link JsonBody}). Registered by the admin API's JAX-RS application.
 */
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > JsonBody.MAX_BYTES) {
            if (request.getLength() <= RequestBodies.MAX_DRAINED_BYTES) {
                RequestBodies.drain(request.getEntityStream());
            }
            request.abortWith(ProblemResponse.of(
                    Problem.of(
                            413,
                            "Request too large",
                            "The request body is larger than " + JsonBody.MAX_BYTES + " bytes"),
                    false));
        }
    }
}
