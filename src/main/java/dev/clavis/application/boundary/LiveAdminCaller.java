package dev.clavis.application.boundary;

import dev.clavis.api.control.BuiltInApis;
import dev.clavis.application.control.BootstrapApplication;
import dev.clavis.application.control.ClientSnapshotCache;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.platform.boundary.Problem;
import dev.clavis.platform.boundary.ProblemResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admin access ends when the administering application's does, and only tokens for the administration API open it.
 * The token's {@code aud} must be the administration API's identifier (the WAR's MicroProfile JWT configuration also
 * accepts the sample API's, which shares it). A token's signature and claims only say what was true when it was
 * issued; before every admin API request this checks the live application, from the same snapshot cache the token
 * endpoint uses (no database read while it is warm): it must still exist, be enabled, hold {@code clavis-admin} and
 * be granted the administration API, and no secret of it may have been revoked after the token was issued (the
 * token may have been obtained with that secret). Otherwise the request gets 401 {@code invalid_token}, and the caller must
 * get a new token, which the token endpoint only gives to a live application.
 */
// before the role check: a token for another API is refused as such (401), whatever roles it carries
// A CDI bean, so that every JAX-RS implementation injects it (RESTEasy on WildFly injects only into beans)
@Dependent
@Priority(Priorities.AUTHENTICATION + 1)
public class LiveAdminCaller implements ContainerRequestFilter {

    @Context
    SecurityContext security;

    @Inject
    ClientSnapshotCache clients;

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    String issuer;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token)) {
            return; // no token: the role check refuses the request
        }
        Set<String> audiences = token.getAudience();
        if (audiences == null || !audiences.contains(BuiltInApis.administrationIdentifier(issuer))) {
            request.abortWith(ProblemResponse.of(
                    Problem.of(
                            401,
                            "Unauthorized",
                            "This token is for another API; request one for "
                                    + BuiltInApis.administrationIdentifier(issuer)),
                    true));
        } else if (!isLive(token)) {
            request.abortWith(ProblemResponse.of(
                    Problem.of(
                            401,
                            "Unauthorized",
                            "The application this token was issued to is no longer allowed to administer Clavis;"
                                    + " get a new token"),
                    true));
        }
    }

    private boolean isLive(JsonWebToken token) {
        Optional<RegisteredClient> client = clientId(token).flatMap(clients::find);
        if (client.isEmpty()
                || !client.get().enabled()
                || !client.get().roles().contains(BootstrapApplication.ADMIN_ROLE)
                || !client.get().apiIds().contains(BuiltInApis.ADMINISTRATION_ID)) {
            return false;
        }
        Instant issuedAt = Instant.ofEpochSecond(token.getIssuedAtTime());
        return client.get()
                .lastRevocation()
                .map(revoked -> revoked.isBefore(issuedAt))
                .orElse(true);
    }

    private static Optional<String> clientId(JsonWebToken token) {
        Object claim = token.getClaim("client_id");
        if (claim instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return claim instanceof String string ? Optional.of(string) : Optional.empty();
    }
}
