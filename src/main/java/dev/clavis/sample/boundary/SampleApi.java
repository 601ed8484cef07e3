package dev.clavis.sample.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The sample resource server under {@code /api}. It relies on the WAR's MicroProfile JWT configuration, like any
 * resource server would rely on its own: issuer, JWKS location and audience in {@code microprofile-config.properties},
 * and {@code payara-mp-jwt.properties} so that Payara accepts RFC 9068's {@code at+jwt} type. It lists its one
 * resource, so that no other resource of the WAR is served under {@code /api} too.
 */
@ApplicationPath("api")
public class SampleApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WhoAmIResource.class, OwnAudienceOnly.class);
    }
}
