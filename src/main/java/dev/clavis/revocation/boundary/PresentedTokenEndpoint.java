package dev.clavis.revocation.boundary;

import dev.clavis.platform.boundary.ClientAddress;
import dev.clavis.platform.boundary.OAuthResponse;
import dev.clavis.platform.control.DatabaseUnavailable;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import dev.clavis.token.boundary.OAuthRequestBody;
import dev.clavis.token.control.PresentedTokenRequest;
import dev.clavis.token.control.PresentedTokenRequestReader;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the introspection and revocation endpoints share with the token endpoint: a servlet that sees the raw request
 * (body bytes, their size, every Authorization header), the same request rules, and every response JSON or empty with
 * {@code Cache-Control: no-store}, errors in the shape of RFC 6749 §5.2 (RFC 7009 §2.2.1, RFC 7662 §2.3).
 */
abstract class PresentedTokenEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PresentedTokenEndpoint.class.getName());

    private final PresentedTokenRequestReader reader = new PresentedTokenRequestReader();

    @Inject
    transient ClientAddress clientAddress;

    /** @return the response body for a successful request, JSON, or empty */
    abstract String answer(PresentedTokenRequest request, String source);

    /** For the descriptions: "the introspection endpoint". */
    abstract String name();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            OAuthRequestBody.requirePost(request, response, name());
            byte[] body = OAuthRequestBody.read(request);
            List<String> authorization = Collections.list(request.getHeaders("Authorization"));
            PresentedTokenRequest presented =
                    reader.read(request.getContentType(), request.getQueryString(), authorization, body);
            String answer = answer(presented, clientAddress.of(request));
            if (answer.isEmpty()) {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Pragma", "no-cache");
                response.setStatus(200);
                response.setContentLength(0);
            } else {
                OAuthResponse.writeJson(response, 200, answer);
            }
        } catch (OAuthException e) {
            OAuthResponse.writeError(response, e);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                LOG.warning(() -> "A request to the " + name() + " was refused with 503, the database cannot be"
                        + " reached: " + DatabaseUnavailable.describe(e));
                OAuthResponse.writeError(
                        response, OAuthException.databaseUnavailable("The server cannot answer right now; try again"));
                return;
            }
            // The exception may come from anywhere below; log its type and stack, not the request.
            LOG.log(Level.SEVERE, "A request to the " + name() + " failed unexpectedly", e);
            OAuthResponse.writeError(
                    response, new OAuthException(OAuthError.SERVER_ERROR, "The server could not answer; try again"));
        }
    }
}
