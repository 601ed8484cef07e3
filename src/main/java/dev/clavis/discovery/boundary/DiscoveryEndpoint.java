package dev.clavis.discovery.boundary;

import dev.clavis.discovery.control.ServerMetadata;
import dev.clavis.key.control.SigningKeys;
import dev.clavis.role.control.RoleCatalog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /.well-known/oauth-authorization-server} (RFC 8414 §3) and {@code GET
 * /.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §4): the same document at both.
 */
@WebServlet(
        name = "discovery",
        urlPatterns = {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"})
public class DiscoveryEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RoleCatalog roles;

    @Inject
    transient SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    transient String issuer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = ServerMetadata.toJson(issuer, roles.names(), signingKeys.algorithms())
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
