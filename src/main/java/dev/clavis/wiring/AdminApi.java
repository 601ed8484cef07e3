package dev.clavis.wiring;

import dev.clavis.api.boundary.ApisResource;
import dev.clavis.application.boundary.ApplicationsResource;
import dev.clavis.application.boundary.LiveAdminCaller;
import dev.clavis.audit.boundary.AuditResource;
import dev.clavis.key.boundary.KeysResource;
import dev.clavis.platform.boundary.ProblemMapper;
import dev.clavis.platform.boundary.RequestSizeLimit;
import dev.clavis.role.boundary.RolesResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The administration API under {@code /admin/api}: applications, their secrets, roles and the audit trail, for
 * callers with a Clavis access token carrying the {@code clavis-admin} role.
 *
 * <p>Bearer tokens are checked by MicroProfile JWT. Its {@code @LoginConfig} applies to the whole WAR, and it is
 * declared here, with the API that depends on it most, so that removing the sample API cannot weaken the admin
 * API. It must be on a CDI bean for Payara to pick it up. The classes are listed, so that each JAX-RS application
 * of the WAR serves only its own resources.
 */
@ApplicationPath("admin/api")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Clavis administration API",
                        version = "1",
                        description = "Register applications (OAuth clients), rotate their secrets, manage roles and"
                                + " read the audit trail. Errors are RFC 9457 problem details. Changes take effect at"
                                + " the token endpoint at once."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "An access token from /oauth2/token for an application holding the clavis-admin role")
public class AdminApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ApisResource.class,
                ApplicationsResource.class,
                KeysResource.class,
                LiveAdminCaller.class,
                RolesResource.class,
                AuditResource.class,
                ProblemMapper.class,
                RequestSizeLimit.class);
    }
}
