package dev.clavis.token.control;

import dev.clavis.api.control.RegisteredApi;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.key.control.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.SortedSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues signed JWT access tokens (RFC 9068, or MicroProfile JWT where an API asks) without touching the database. */
@ApplicationScoped
public class TokenIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "clavis.token.lifetime-seconds", defaultValue = "3600")
    int defaultLifetimeSeconds;

    /** @param api the API the token is for: its identifier is the {@code aud}, its format the header and claims */
    public TokenResponse issue(RegisteredClient client, RegisteredApi api, SortedSet<String> scope) {
        int lifetime = lifetimeSeconds(client, api);
        var claims = AccessTokenClaims.build(
                issuer,
                api.identifier(),
                client.clientId(),
                scope,
                Instant.now(),
                Duration.ofSeconds(lifetime),
                newTokenId(),
                api.tokenFormat());
        return new TokenResponse(
                signingKeys.sign(claims, api.tokenFormat().headerType(), api.signingAlgorithm()), lifetime, scope);
    }

    /** The shorter of the application's and the API's lifetimes where either is set, else the server's default. */
    private int lifetimeSeconds(RegisteredClient client, RegisteredApi api) {
        Optional<Integer> own = client.accessTokenLifetimeSeconds();
        Optional<Integer> apis = api.accessTokenLifetimeSeconds();
        if (own.isPresent() && apis.isPresent()) {
            return Math.min(own.get(), apis.get());
        }
        return own.or(() -> apis).orElse(defaultLifetimeSeconds);
    }

    /** 128 random bits: unique without coordination between instances. */
    private static String newTokenId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
