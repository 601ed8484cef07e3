package dev.clavis.token.control;

import dev.clavis.application.control.ClientSnapshotCache;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.platform.control.FailureThrottle;
import dev.clavis.platform.control.OAuthException;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SecretHasher;
import dev.clavis.platform.control.SlowHashGate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates a client by its secret (RFC 6749 §2.3.1). Every failure looks the same from outside: an unknown
 * client, a wrong, expired or revoked secret and a disabled application all give {@code invalid_client} with the same
 * description, and an unknown client costs the same slow hash as a known one, so neither the answer nor its timing
 * tells whether a client ID exists.
 *
 * <p>Guessing is slowed down (RFC 6749 §10.10): after repeated failures for a client ID, further attempts that would
 * need the slow hash get 429 until a wait has passed; a secret verified recently is still accepted, so an attacker
 * hammering an ID does not lock its real client out. At most half the cores hash at once ({@link SlowHashGate}).
 */
@ApplicationScoped
public class ClientAuthenticator {

    @Inject
    ClientSnapshotCache registry;

    @Inject
    SlowHashGate gate;

    @Inject
    @ConfigProperty(name = "clavis.verified-secret-cache.ttl-seconds", defaultValue = "300")
    long verifiedTtlSeconds;

    private final SecretHasher hasher = new SecretHasher();
    private final FailureThrottle throttle = new FailureThrottle();
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
     * @throws OAuthException {@code invalid_client} on any failure, {@code temporarily_unavailable} (429) when too
     *     many attempts for this client ID failed
     */
    public RegisteredClient authenticate(ClientCredentials credentials) {
        String clientId = credentials.clientId();
        Optional<RegisteredClient> found = registry.find(clientId);
        if (found.isEmpty()) {
            slowCheck(clientId, () -> {
                hasher.matches(credentials.secret(), decoyHash);
                return Optional.empty();
            });
            throw failed(clientId);
        }
        RegisteredClient client = found.get();
        Instant now = Instant.now();
        Optional<String> secretId = verifiedSecrets.verify(
                client.clientId(),
                credentials.secret(),
                () -> slowCheck(clientId, () -> matchingSecret(client, credentials.secret(), now)));
        if (secretId.isEmpty()) {
            throw failed(clientId);
        }
        if (!client.hasActiveSecret(secretId.get(), now)) {
            verifiedSecrets.forget(client.clientId(), credentials.secret());
            throw failed(clientId);
        }
        throttle.succeeded(clientId);
        if (!client.enabled()) {
            throw OAuthException.clientAuthenticationFailed();
        }
        return client;
    }

    /** The slow hash, if this client ID may try now, with a turn at the gate. */
    private Optional<String> slowCheck(String clientId, Supplier<Optional<String>> hash) {
        Duration wait = throttle.remainingWait(clientId, System.nanoTime());
        if (!wait.isZero()) {
            throw OAuthException.retryLater(
                    429,
                    "Too many failed authentications for this client ID; retry later",
                    Math.max(1, wait.toSeconds()));
        }
        return gate.run(hash);
    }

    private OAuthException failed(String clientId) {
        throttle.failed(clientId, System.nanoTime());
        return OAuthException.clientAuthenticationFailed();
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
