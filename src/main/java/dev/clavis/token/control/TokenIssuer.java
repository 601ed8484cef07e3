package dev.clavis.token.control;

import dev.clavis.application.control.RegisteredClient;
import dev.clavis.key.control.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SortedSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues signed JWT access tokens (RFC 9068) without touching the database. */
@ApplicationScoped
public class TokenIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "clavis.token.audience")
    String audience;

    @Inject
    @ConfigProperty(name = "clavis.token.lifetime-seconds", defaultValue = "3600")
    int defaultLifetimeSeconds;

    public TokenResponse issue(RegisteredClient client, SortedSet<String> scope) {
        int lifetime = client.accessTokenLifetimeSeconds().orElse(defaultLifetimeSeconds);
        var claims = AccessTokenClaims.build(
                issuer, audience, client.clientId(), scope, Instant.now(), Duration.ofSeconds(lifetime), newTokenId());
        return new TokenResponse(signingKeys.sign(claims), lifetime, scope);
    }

    /** 128 random bits: unique without coordination between instances. */
    private static String newTokenId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
