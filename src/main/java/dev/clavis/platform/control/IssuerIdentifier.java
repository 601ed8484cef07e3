package dev.clavis.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code clavis.issuer} at start-up. RFC 8414 §2: the issuer is an https URL with no query or fragment, and
 * clients compare it character for character (§3.3), so a trailing slash or a typo must stop Clavis at once instead
 * of producing tokens no one accepts. Plain http is tolerated for loopback development only, with a warning.
 */
public final class IssuerIdentifier {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private IssuerIdentifier() {}

    /**
     * @return a warning to log, if any
     * @throws IllegalStateException when the issuer cannot be used
     */
    public static Optional<String> check(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw invalid(issuer, "it is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw invalid(issuer, "it must be an absolute URL such as https://auth.example.com");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(issuer, "it must not have a query or fragment (RFC 8414 §2)");
        }
        if (issuer.endsWith("/")) {
            throw invalid(issuer, "it must not end with '/': clients compare the issuer exactly");
        }
        if ("https".equals(uri.getScheme())) {
            return Optional.empty();
        }
        if ("http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost())) {
            return Optional.of("clavis.issuer " + issuer + " uses plain http: fine on this machine, not in production");
        }
        throw invalid(issuer, "it must use https (plain http only for localhost)");
    }

    private static IllegalStateException invalid(String issuer, String why) {
        return new IllegalStateException("clavis.issuer '" + issuer + "' cannot be used: " + why);
    }
}
