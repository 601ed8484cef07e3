package dev.clavis.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether people and programs reach Clavis over HTTPS, read from the public issuer ({@code clavis.issuer}) rather
 * than from the request: behind a proxy that ends TLS every request arrives over plain HTTP, and a forwarded header
 * would have to be trusted. The issuer is what clients compare tokens against, so it is the public origin by
 * definition. Session cookies are then {@code Secure} and responses carry {@code Strict-Transport-Security}
 * (RFC 6797).
 */
@ApplicationScoped
public class PublicScheme {

    /** One year, as RFC 6797 §11.2 suggests for a site that is HTTPS only; no includeSubDomains: not ours to say. */
    public static final String HSTS = "max-age=31536000";

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    String issuer;

    public PublicScheme() {}

    /** For code outside CDI, and tests. */
    public PublicScheme(String issuer) {
        this.issuer = issuer;
    }

    public boolean isHttps() {
        return isHttps(issuer);
    }

    public static boolean isHttps(String issuer) {
        return issuer != null && issuer.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
