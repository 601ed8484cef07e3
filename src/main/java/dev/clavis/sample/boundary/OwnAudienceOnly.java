package dev.clavis.sample.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The sample API accepts only tokens meant for it ({@code aud} = {@code clavis.token.audience}, RFC 9068 §4). The
 * WAR's MicroProfile JWT configuration also accepts the administration API's audience, because the admin API shares
 * it; without this check a token for the admin API would work here, and that is the replay RFC 9700 §4.10 warns of.
 * A request without a token is refused here too, with the bearer challenge, the same on every server.
 */
// A CDI bean, so that every JAX-RS implementation injects it (RESTEasy on WildFly injects only into beans)
@Dependent
@Priority(Priorities.AUTHENTICATION + 1)
public class OwnAudienceOnly implements ContainerRequestFilter {

    @Context
    SecurityContext security;

    @Inject
    @ConfigProperty(name = "clavis.token.audience")
    String audience;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token)) {
            // No token. Payara's MP-JWT challenges before this filter runs; WildFly's leaves it to the role check,
            // which answers 403 as if the caller were known. Either way the caller is told to bring a token.
            request.abortWith(
                    unauthorized("Bearer realm=\"clavis\"", "unauthorized", "A bearer access token is required"));
            return;
        }
        Set<String> audiences = token.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            request.abortWith(unauthorized(
                    "Bearer realm=\"clavis\", error=\"invalid_token\"",
                    "invalid_token",
                    "The access token is for another API (its aud is not " + audience + ")"));
        }
    }

    /** RFC 6750 §3: the challenge, and the error in JSON for programs that read the body. */
    private static Response unauthorized(String challenge, String error, String description) {
        return Response.status(401)
                .header("WWW-Authenticate", challenge)
                .header("Cache-Control", "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description))
                .build();
    }
}
