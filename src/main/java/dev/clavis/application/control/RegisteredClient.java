package dev.clavis.application.control;

import dev.clavis.api.entity.Api;
import dev.clavis.application.entity.Application;
import dev.clavis.application.entity.ClientSecret;
import dev.clavis.platform.control.SecretDigests;
import dev.clavis.role.entity.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of an application, as the token endpoint needs it: held in memory so that issuing a token
 * does not touch the database.
 *
 * @param createdAt when the application was registered: a token older than it was issued to an earlier application
 *     of the same client ID
 * @param tokensRevokedBefore every token issued up to this instant was revoked ("revoke all tokens")
 */
public record RegisteredClient(
        String clientId,
        boolean enabled,
        boolean clientCredentialsFlow,
        Set<String> roles,
        Set<String> apiIds,
        Optional<String> defaultApiId,
        List<StoredSecret> secrets,
        Optional<Integer> accessTokenLifetimeSeconds,
        Instant createdAt,
        Optional<Instant> tokensRevokedBefore) {

    /** A secret's hash and validity, without the secret. */
    public record StoredSecret(String id, String hash, Instant expiresAt, Instant revokedAt) {

        public boolean isActive(Instant now) {
            return ClientSecret.isActive(revokedAt, expiresAt, now);
        }

        /** A secret a person typed, checked with the slow hash; a generated one is checked with a keyed digest. */
        public boolean isTyped() {
            return SecretDigests.isSlow(hash);
        }
    }

    public static RegisteredClient of(Application application) {
        return new RegisteredClient(
                application.clientId(),
                application.isEnabled(),
                application.isClientCredentialsFlow(),
                application.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()),
                application.apis().stream().map(Api::id).collect(Collectors.toUnmodifiableSet()),
                Optional.ofNullable(application.defaultApi()).map(Api::id),
                application.secrets().stream()
                        .map(RegisteredClient::storedSecret)
                        .toList(),
                Optional.ofNullable(application.accessTokenLifetimeSeconds()),
                application.createdAt(),
                Optional.ofNullable(application.tokensRevokedBefore()));
    }

    /**
     * Whether a token issued to this application at {@code issuedAt} (a JWT {@code iat}, whole seconds) still counts:
     * not issued before the application existed, and not revoked with all its tokens. A token issued in the same
     * second as a revoke-all is revoked too: {@code iat} cannot tell before from after within a second, and a
     * revocation must never miss.
     */
    public boolean acceptsTokenIssuedAt(Instant issuedAt) {
        if (issuedAt.isBefore(createdAt.truncatedTo(ChronoUnit.SECONDS))) {
            return false;
        }
        return tokensRevokedBefore.map(issuedAt::isAfter).orElse(true);
    }

    private static StoredSecret storedSecret(ClientSecret secret) {
        return new StoredSecret(secret.id(), secret.secretHash(), secret.expiresAt(), secret.revokedAt());
    }

    public List<StoredSecret> activeSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.isActive(now)).toList();
    }

    /**
     * @return when a secret of this application was last revoked: a token issued before it may have been obtained
     *     with that secret
     */
    public Optional<Instant> lastRevocation() {
        return secrets.stream()
                .map(StoredSecret::revokedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo);
    }

    public boolean hasActiveSecret(String secretId, Instant now) {
        return secrets.stream().anyMatch(secret -> secret.id().equals(secretId) && secret.isActive(now));
    }
}
