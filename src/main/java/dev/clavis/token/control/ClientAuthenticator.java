package dev.clavis.token.control;

import dev.clavis.application.control.ClientRegistry;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.application.control.SecretGenerator;
import dev.clavis.application.control.SecretHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates a client by its secret (RFC 6749 §2.3.1). Every failure looks the same from outside: an unknown
 * client, a wrong, expired or revoked secret and a disabled application all give {@code invalid_client} with the same
 * description, and an unknown client costs the same slow hash as a known one, so neither the answer nor its timing
 * tells whether a client ID exists.
 */
@ApplicationScoped
public class ClientAuthenticator {

    static final String FAILED = "Client authentication failed";

    @Inject
    ClientRegistry registry;

    @Inject
    @ConfigProperty(name = "clavis.verified-secret-cache.ttl-seconds", defaultValue = "300")
    long verifiedTtlSeconds;

    private final SecretHasher hasher = new SecretHasher();
    private VerifiedSecrets verifiedSecrets;
    private String decoyHash;

    @PostConstruct
    void init() {
        verifiedSecrets =
                new VerifiedSecrets(Duration.ofSeconds(verifiedTtlSeconds).toNanos(), 100_000);
        decoyHash = hasher.hash(SecretGenerator.newSecret());
    }

    /**
     * @return the authenticated client
     * @throws OAuthException {@code invalid_client} on any failure
     */
    public RegisteredClient authenticate(ClientCredentials credentials) {
        Optional<RegisteredClient> found = registry.find(credentials.clientId());
        if (found.isEmpty()) {
            hasher.matches(credentials.secret(), decoyHash);
            throw OAuthException.invalidClient(FAILED);
        }
        RegisteredClient client = found.get();
        Instant now = Instant.now();
        Optional<String> secretId = verifiedSecrets.verify(
                client.clientId(), credentials.secret(), () -> matchingSecret(client, credentials.secret(), now));
        if (secretId.isEmpty()) {
            throw OAuthException.invalidClient(FAILED);
        }
        if (!client.hasActiveSecret(secretId.get(), now)) {
            verifiedSecrets.forget(client.clientId(), credentials.secret());
            throw OAuthException.invalidClient(FAILED);
        }
        if (!client.enabled()) {
            throw OAuthException.invalidClient(FAILED);
        }
        return client;
    }

    private Optional<String> matchingSecret(RegisteredClient client, String secret, Instant now) {
        var active = client.activeSecrets(now);
        if (active.isEmpty()) {
            hasher.matches(secret, decoyHash);
            return Optional.empty();
        }
        return active.stream()
                .filter(stored -> hasher.matches(secret, stored.hash()))
                .map(RegisteredClient.StoredSecret::id)
                .findFirst();
    }
}
