package dev.clavis.sample.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/whoami}: tells the caller what its access token says about it. Any valid Clavis token for this API
 * is accepted ({@code **} is "any authenticated caller" in Jakarta Security; {@link OwnAudienceOnly} checks the
 * {@code aud}); a real API would name the roles it needs.
 */
@Path("whoami")
@RequestScoped
public class WhoAmIResource {

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed("**")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> whoami() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", text(token.getClaim("client_id")));
        body.put("subject", token.getSubject());
        body.put("issuer", token.getIssuer());
        body.put("roles", new TreeSet<>(token.getGroups()));
        body.put("scope", text(token.getClaim("scope")));
        body.put("expires_at", token.getExpirationTime());
        return body;
    }

    /** MP-JWT hands out non-standard claims as JSON-P values. */
    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim == null ? null : claim.toString();
    }
}
