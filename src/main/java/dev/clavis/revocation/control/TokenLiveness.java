package dev.clavis.revocation.control;

import dev.clavis.application.control.RegisteredClient;
import dev.clavis.revocation.control.TokenCheck.Reason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether a token that verified still counts now: its {@code jti} was not revoked, and its application still exists,
 * is enabled, may use the client credentials flow and had not all its tokens revoked after it was issued. Reads
 * memory only (the denylist and the client snapshots), so introspection and the APIs' own check write nothing and
 * read the database only when a client snapshot is cold.
 */
public final class TokenLiveness {

    private TokenLiveness() {}

    /**
     * @param clientId the token's {@code client_id}
     * @param jti the token's {@code jti}
     * @param issuedAt the token's {@code iat}
     * @param clients the client snapshots
     * @param revoked whether a {@code jti} is on the denylist
     * @return why the token no longer counts, or empty when it does
     */
    public static Optional<Reason> check(
            String clientId,
            String jti,
            Instant issuedAt,
            Function<String, Optional<RegisteredClient>> clients,
            Predicate<String> revoked) {
        if (revoked.test(jti)) {
            return Optional.of(Reason.REVOKED);
        }
        Optional<RegisteredClient> found = clients.apply(clientId);
        if (found.isEmpty()) {
            return Optional.of(Reason.APPLICATION_GONE);
        }
        RegisteredClient client = found.get();
        if (!client.enabled()) {
            return Optional.of(Reason.APPLICATION_DISABLED);
        }
        if (!client.clientCredentialsFlow()) {
            return Optional.of(Reason.FLOW_WITHDRAWN);
        }
        if (issuedAt.isBefore(client.createdAt().truncatedTo(ChronoUnit.SECONDS))) {
            return Optional.of(Reason.APPLICATION_GONE); // issued to an earlier application of the same client ID
        }
        if (!client.acceptsTokenIssuedAt(issuedAt)) {
            return Optional.of(Reason.ALL_REVOKED);
        }
        return Optional.empty();
    }
}
