package dev.clavis.revocation.control;

import com.nimbusds.jose.jwk.JWKSet;
import dev.clavis.key.control.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies tokens against the keys Clavis publishes now, as a resource server reading {@code /oauth2/jwks} would: a
 * revoked key is no longer published, so its tokens no longer verify. The JWK set is parsed again only when its
 * ETag changes.
 */
@ApplicationScoped
public class PublishedKeyVerifier {

    private record Cached(String etag, AccessTokenVerifier verifier) {}

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    String issuer;

    private volatile Cached cached;

    public TokenCheck verify(String token) {
        return current().verify(token, Instant.now());
    }

    private AccessTokenVerifier current() {
        String etag = signingKeys.jwksEtag();
        Cached known = cached;
        if (known != null && known.etag().equals(etag)) {
            return known.verifier();
        }
        try {
            JWKSet published = JWKSet.parse(new String(signingKeys.publicJwks(), StandardCharsets.UTF_8));
            AccessTokenVerifier verifier = new AccessTokenVerifier(issuer, published);
            cached = new Cached(etag, verifier);
            return verifier;
        } catch (ParseException e) {
            throw new IllegalStateException("The published JWK set cannot be parsed", e);
        }
    }
}
