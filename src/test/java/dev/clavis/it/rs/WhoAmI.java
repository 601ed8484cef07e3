package dev.clavis.it.rs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /whoami}: for a caller holding {@link #ROLE}, what MP-JWT made of its token. The role is a Clavis role
 * name as it stands in the token's {@code groups}, which MP-JWT maps one to one to roles.
 */
@Path("whoami")
@RequestScoped
public class WhoAmI {

    /** The permission this API checks; a built-in Clavis role, so that the tests need not create one. */
    public static final String ROLE = "pos.sales.read";

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(ROLE)
    public JsonObject whoAmI() {
        return Json.createObjectBuilder()
                .add("name", token.getName())
                .add("subject", token.getSubject())
                .add("issuer", token.getIssuer())
                .add("audience", Json.createArrayBuilder(sorted(token.getAudience())))
                .add("groups", Json.createArrayBuilder(sorted(token.getGroups())))
                .build();
    }

    private static Set<String> sorted(Set<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }
}
