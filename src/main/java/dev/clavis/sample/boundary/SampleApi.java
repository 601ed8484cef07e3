package dev.clavis.sample.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The sample resource server under {@code /api}, protected by MicroProfile JWT. It must be a CDI bean for Payara to
 * pick up {@code @LoginConfig}, which applies to the whole WAR: the admin API ({@code AdminApi}) relies on it too. The MP-JWT settings (issuer, JWKS location, audience) are in
 * {@code microprofile-config.properties}; {@code payara-mp-jwt.properties} lets Payara accept RFC 9068's
 * {@code at+jwt} type.
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
public class SampleApi extends Application {}
