package dev.clavis.it.rs;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The resource server's JAX-RS application: MP-JWT authenticates every request that carries a bearer token. A CDI
 * bean, because Payara's MP-JWT looks the {@code @LoginConfig} up through CDI.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(WhoAmI.ROLE)
public class ResourceServerApplication extends Application {}
