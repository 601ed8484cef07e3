package dev.clavis.token.boundary;

import dev.clavis.platform.boundary.ClientAddress;
import dev.clavis.platform.boundary.OAuthResponse;
import dev.clavis.platform.control.DatabaseUnavailable;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import dev.clavis.token.control.ClientCredentialsGrant;
import dev.clavis.token.control.TokenRequest;
import dev.clavis.token.control.TokenRequestReader;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /oauth2/token} (RFC 6749 §3.2). A servlet rather than a JAX-RS resource because the endpoint must see
 * the raw request: the exact body bytes (to refuse repeated parameters and bad encodings), its size before it is
 * read, and every Authorization header. Every response, errors included, is JSON with {@code Cache-Control:
 * no-store} (§5.1).
 *
 * <p>Also at {@code /.well-known/oauth2/v2.0/token}, for Microsoft's MSAL: MSAL for Java (msal4j 1.26.1) reads
 * discovery for an {@code oidcAuthority} only to check the issuer, then posts client-credentials requests to {@code
 * https://{host}/{first path segment of the discovery URL}/oauth2/v2.0/token}, the Entra ID layout; with Clavis at the
 * root that segment is {@code .well-known}. Not advertised in discovery; {@code MsalClientIT} shows where MSAL posts.
 */
@WebServlet(
        name = "token",
        urlPatterns = {"/oauth2/token", "/.well-known/oauth2/v2.0/token"})
public class TokenEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

    private final TokenRequestReader reader = new TokenRequestReader();

    @Inject
    transient ClientCredentialsGrant grant;

    @Inject
    transient ClientAddress clientAddress;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            OAuthRequestBody.requirePost(request, response, "token endpoint");
            byte[] body = OAuthRequestBody.read(request);
            List<String> authorization = Collections.list(request.getHeaders("Authorization"));
            TokenRequest tokenRequest =
                    reader.read(request.getContentType(), request.getQueryString(), authorization, body);
            OAuthResponse.writeJson(
                    response,
                    200,
                    grant.handle(tokenRequest, clientAddress.of(request)).toJson());
        } catch (OAuthException e) {
            OAuthResponse.writeError(response, e);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                // A client not in memory (or held longer than serving stale allows) while the database is down
                LOG.warning(() -> "Token request refused with 503, the database cannot be reached: "
                        + DatabaseUnavailable.describe(e));
                OAuthResponse.writeError(
                        response,
                        OAuthException.databaseUnavailable(
                                "The server cannot check this client right now; try again in a few seconds"));
                return;
            }
            // The exception may come from anywhere below; log its type and stack, not the request.
            LOG.log(Level.SEVERE, "Token request failed unexpectedly", e);
            OAuthResponse.writeError(
                    response,
                    new OAuthException(OAuthError.SERVER_ERROR, "The server could not issue a token; try again"));
        }
    }
}
