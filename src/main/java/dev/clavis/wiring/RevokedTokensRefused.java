package dev.clavis.wiring;

import dev.clavis.platform.boundary.OAuthResponse;
import dev.clavis.platform.boundary.Problem;
import dev.clavis.platform.boundary.ProblemResponse;
import dev.clavis.revocation.control.LiveTokens;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The admin API and the sample API honour revocation: a bearer token that was revoked (RFC 7009), whose application's
 * tokens were all revoked, or whose application is gone, disabled or without the client credentials flow, is refused
 * with 401 {@code invalid_token} on the next request, from the same in-memory state introspection reads. So the two
 * APIs inside Clavis show what a resource server that introspects gets; one that only validates JWTs accepts such a
 * token until it expires.
 *
 * <p>A servlet filter registered here, in the wiring, because the sample API stands alone (it imports no Clavis
 * package, like any resource server): this is the part a real resource server would get by calling {@code
 * /oauth2/introspect}. Their MicroProfile JWT validation still checks signature, issuer, audience and expiry.
 */
@WebFilter(
        filterName = "revoked-tokens-refused",
        urlPatterns = {"/api/*", "/admin/api/*"})
public class RevokedTokensRefused implements Filter {

    private static final String BEARER = "Bearer ";

    @Inject
    LiveTokens liveTokens;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http
                && response instanceof HttpServletResponse httpResponse
                && !live(http)) {
            if (http.getRequestURI().startsWith(http.getContextPath() + "/admin/api")) {
                ProblemResponse.write(
                        httpResponse,
                        Problem.of(
                                401,
                                "Unauthorized",
                                "This token is no longer active (revoked, or its application changed); get a new token"),
                        true);
            } else {
                OAuthResponse.writeBearerError(httpResponse, 401, true);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean live(HttpServletRequest request) {
        List<String> authorization = Collections.list(request.getHeaders("Authorization"));
        if (authorization.size() != 1 || !authorization.get(0).regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return true; // no single bearer token: the API's own validation answers
        }
        return liveTokens.isLive(authorization.get(0).substring(BEARER.length()).strip());
    }
}
