package dev.clavis.platform.boundary;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Problem} as the answer of the admin API: {@code application/problem+json}, never cached, and on a
 * 401 the bearer challenge of RFC 6750 §3. The one place problem responses are rendered, for JAX-RS resources and
 * for the container's error page alike.
 */
public final class ProblemResponse {

    private ProblemResponse() {}

    public static Response of(Problem problem, boolean tokenSent) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(problem.toJson());
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, Challenges.bearer(tokenSent));
        }
        return response.build();
    }

    public static void write(HttpServletResponse response, Problem problem, boolean tokenSent) throws IOException {
        if (problem.status() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Challenges.bearer(tokenSent));
        }
        byte[] bytes = problem.toJson().getBytes(StandardCharsets.UTF_8);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
