package dev.clavis.key.boundary;

import dev.clavis.key.control.SigningKeys;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /oauth2/jwks}: the public signing keys (RFC 7517 §5), served from memory. Resource servers may cache it
 * for five minutes. Today the set holds the one key created at the first start, which never changes: there is no
 * key rotation yet.
 */
@WebServlet(name = "jwks", urlPatterns = "/oauth2/jwks")
public class JwksEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SigningKeys signingKeys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = signingKeys.publicJwks();
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
