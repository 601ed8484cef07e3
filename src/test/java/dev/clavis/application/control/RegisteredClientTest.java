package dev.clavis.application.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.application.control.RegisteredClient.StoredSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisteredClientTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static StoredSecret secret(String id, Instant expiresAt, Instant revokedAt) {
        return new StoredSecret(id, "pbkdf2-sha256$1000$salt$hash", expiresAt, revokedAt);
    }

    private static StoredSecret permanent(String id) {
        return secret(id, null, null);
    }

    private static StoredSecret expiringAt(String id, Instant expiresAt) {
        return secret(id, expiresAt, null);
    }

    private static StoredSecret revoked(String id) {
        return secret(id, null, NOW.minus(DAY));
    }

    private static RegisteredClient client(StoredSecret... secrets) {
        return new RegisteredClient(
                "my-app",
                true,
                true,
                Set.of("read"),
                Set.of(),
                Optional.empty(),
                List.of(secrets),
                Optional.empty(),
                NOW.minus(DAY),
                Optional.empty());
    }

    @Test
    void isActiveWhenNeitherExpiringNorRevokedThenTrue() {
        assertTrue(permanent("s1").isActive(NOW));
    }

    @Test
    void isActiveWhenExpiresLaterThenTrue() {
        assertTrue(expiringAt("s1", NOW.plusSeconds(1)).isActive(NOW));
    }

    @Test
    void isActiveWhenExpiresNowThenFalse() {
        assertFalse(expiringAt("s1", NOW).isActive(NOW));
    }

    @Test
    void isActiveWhenExpiredThenFalse() {
        assertFalse(expiringAt("s1", NOW.minus(DAY)).isActive(NOW));
    }

    @Test
    void isActiveWhenRevokedThenFalse() {
        assertFalse(revoked("s1").isActive(NOW));
    }

    @Test
    void isActiveWhenRevokedAndNotYetExpiredThenFalse() {
        assertFalse(secret("s1", NOW.plus(DAY), NOW.minus(DAY)).isActive(NOW));
    }

    @Test
    void activeSecretsThenOnlyActiveOnesInOrder() {
        StoredSecret first = permanent("s1");
        StoredSecret second = expiringAt("s4", NOW.plus(DAY));
        RegisteredClient client = client(first, revoked("s2"), expiringAt("s3", NOW.minus(DAY)), second);
        assertEquals(List.of(first, second), client.activeSecrets(NOW));
    }

    @Test
    void activeSecretsWhenNoSecretsThenEmpty() {
        assertEquals(List.of(), client().activeSecrets(NOW));
    }

    @Test
    void activeSecretsWhenTimePassesThenExpiredSecretDropsOut() {
        StoredSecret rotating = expiringAt("s1", NOW.plus(DAY));
        RegisteredClient client = client(rotating, permanent("s2"));
        assertAll(
                () -> assertEquals(2, client.activeSecrets(NOW).size()),
                () -> assertEquals(List.of(permanent("s2")), client.activeSecrets(NOW.plus(DAY))));
    }

    @Test
    void hasActiveSecretWhenActiveIdThenTrue() {
        assertTrue(client(revoked("s1"), permanent("s2")).hasActiveSecret("s2", NOW));
    }

    @Test
    void hasActiveSecretWhenRevokedIdThenFalse() {
        assertFalse(client(revoked("s1"), permanent("s2")).hasActiveSecret("s1", NOW));
    }

    @Test
    void hasActiveSecretWhenExpiredIdThenFalse() {
        assertFalse(client(expiringAt("s1", NOW), permanent("s2")).hasActiveSecret("s1", NOW));
    }

    @Test
    void hasActiveSecretWhenUnknownIdThenFalse() {
        assertFalse(client(permanent("s1")).hasActiveSecret("s9", NOW));
    }
}
