package dev.clavis.token.control;

import dev.clavis.application.control.ClientIds;
import dev.clavis.application.control.ClientSnapshotCache;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.platform.control.GuessThrottle;
import dev.clavis.platform.control.OAuthException;
import dev.clavis.platform.control.SecretDigests;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SharedGuessFailures;
import dev.clavis.platform.control.SlowHashGate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates a client by its secret (RFC 6749 §2.3.1) so that guessing is slow and the real client is never
 * locked out by someone else's failures (§10.10, RFC 9700 §4.16).
 *
 * <ul>
 * <li>A secret Clavis generated is checked first, with a keyed digest, in microseconds: the correct one is accepted
 * on every request, whatever anyone else sends, also with cold caches. There is nothing to throttle: a guess at 256
 * random bits never succeeds.</li>
 * <li>Anything else is a typed secret or a failure, and both take the same way: the {@link GuessThrottle} admits the
 * attempt (per source exponentially slower after failures; per client ID a shared budget for sources that never
 * authenticated, from which the client's own proven sources are exempt), then exactly one slow hash per stored
 * typed secret runs at the shared {@link SlowHashGate}, or a decoy hash when there is none, so an unknown client, a
 * wrong secret and a disabled application cost the same and answer the same.</li>
 * </ul>
 *
 * Every failure gives {@code invalid_client} with the same description; a refused attempt gives 429 with
 * Retry-After.
 */
@ApplicationScoped
public class ClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(ClientAuthenticator.class.getName());

    @Inject
    ClientSnapshotCache clients;

    @Inject
    SlowHashGate gate;

    @Inject
    SecretDigests digests;

    @Inject
    ProvenSources provenSources;

    @Inject
    SharedGuessFailures sharedFailures;

    @Inject
    @ConfigProperty(name = "clavis.verified-secret-cache.ttl-seconds", defaultValue = "300")
    long verifiedTtlSeconds;

    private GuessThrottle throttle;
    private VerifiedSecrets verifiedSecrets;
    private String decoyHash;

    @PostConstruct
    void init() {
        verifiedSecrets =
                new VerifiedSecrets(Duration.ofSeconds(verifiedTtlSeconds).toNanos(), 100_000);
        decoyHash = digests.ofTyped(SecretGenerator.newSecret());
        throttle = sharedFailures.throttle(SharedGuessFailures.CLIENTS);
    }

    /**
     * @param source where the request comes from ({@code ClientAddress}), an IP literal
     * @return the authenticated client
     * @throws OAuthException {@code invalid_client} on any failure, {@code temporarily_unavailable} (429) when the
     *     attempt is refused for a while, or (503) when the server is busy hashing
     */
    public RegisteredClient authenticate(ClientCredentials credentials, String source) {
        String clientId = credentials.clientId();
        if (!ClientIds.isValid(clientId)) {
            throw OAuthException.clientAuthenticationFailed(); // cannot exist, by a public rule: nothing to hide
        }
        Optional<RegisteredClient> found = clients.find(clientId);
        Instant now = Instant.now();
        byte[] digest = digests.keyedDigest(credentials.secret());
        Optional<RegisteredClient> generatedMatch =
                found.filter(client -> matchesGenerated(client, digest, now) && client.enabled());
        if (generatedMatch.isPresent()) {
            return generatedMatch.get();
        }
        if (found.isPresent() && found.get().enabled()) {
            RegisteredClient client = found.get();
            Optional<String> secretId = verifiedSecrets.verify(
                    clientId, credentials.secret(), () -> slowCheck(client, credentials.secret(), source, now));
            if (secretId.isPresent() && client.hasActiveSecret(secretId.get(), now)) {
                return client;
            }
            secretId.ifPresent(revoked -> verifiedSecrets.forget(clientId, credentials.secret()));
            throw OAuthException.clientAuthenticationFailed();
        }
        // Unknown, or disabled: the same work as a wrong secret, and the same answer.
        decoyCheck(clientId, credentials.secret(), source);
        throw OAuthException.clientAuthenticationFailed();
    }

    private static boolean matchesGenerated(RegisteredClient client, byte[] digest, Instant now) {
        boolean matched = false;
        for (RegisteredClient.StoredSecret secret : client.activeSecrets(now)) {
            matched |= !secret.isTyped() && SecretDigests.matchesKeyed(digest, secret.hash()); // no early exit
        }
        return matched;
    }

    /** @return the ID of the typed secret that matched, after the throttle admitted the attempt */
    private Optional<String> slowCheck(RegisteredClient client, String secret, String source, Instant now) {
        List<RegisteredClient.StoredSecret> typed = client.activeSecrets(now).stream()
                .filter(RegisteredClient.StoredSecret::isTyped)
                .toList();
        boolean proven = !typed.isEmpty() && provenSources.isProven(client.clientId(), source);
        GuessThrottle.Admitted attempt = admit(client.clientId(), source, proven);
        Optional<String> matched = gate.run(() -> {
            if (typed.isEmpty()) {
                digests.matchesSlow(secret, decoyHash);
                return Optional.empty();
            }
            Optional<String> match = Optional.empty();
            for (RegisteredClient.StoredSecret stored : typed) {
                if (digests.matchesSlow(secret, stored.hash()) && match.isEmpty()) {
                    match = Optional.of(stored.id());
                }
            }
            return match;
        });
        if (matched.isPresent()) {
            attempt.succeeded();
            recordProvenSource(client.clientId(), source);
        } else {
            attempt.failed();
        }
        return matched;
    }

    private void decoyCheck(String clientId, String secret, String source) {
        GuessThrottle.Admitted attempt = admit(clientId, source, false);
        gate.run(() -> digests.matchesSlow(secret, decoyHash));
        attempt.failed();
    }

    private GuessThrottle.Admitted admit(String clientId, String source, boolean proven) {
        GuessThrottle.Attempt attempt = throttle.begin(clientId, source, proven, System.nanoTime());
        if (attempt instanceof GuessThrottle.Refused refused) {
            throw OAuthException.retryLater(
                    429,
                    "Too many failed authentications for this client; retry later",
                    Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000));
        }
        return (GuessThrottle.Admitted) attempt;
    }

    private void recordProvenSource(String clientId, String source) {
        try {
            provenSources.succeeded(clientId, source);
        } catch (RuntimeException e) {
            // The client authenticated; failing to remember where from must not refuse it.
            LOG.log(Level.WARNING, "Could not record a proven source for a client", e);
        }
    }
}
