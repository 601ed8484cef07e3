package dev.clavis.key.boundary;

import dev.clavis.key.control.SigningKeys;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /oauth2/jwks}: the public signing keys (RFC 7517 §5), served from memory: the next key (published a lead
 * time before it signs), the signing key, and retired keys until every token they signed has expired. Caches may keep
 * it for {@code clavis.keys.jwks-max-age}, which the lead time is checked to exceed, and revalidate it with its ETag.
 */
@WebServlet(name = "jwks", urlPatterns = "/oauth2/jwks")
public class JwksEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SigningKeys signingKeys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String etag = signingKeys.jwksEtag();
        response.setHeader("Cache-Control", "public, max-age=" + signingKeys.jwksMaxAgeSeconds());
        response.setHeader("ETag", etag);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = signingKeys.publicJwks();
        response.setContentType("application/jwk-set+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
