package dev.clavis.token.control;

import dev.clavis.platform.control.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers which client ID and secret pairs were verified against which stored (typed, slowly hashed) secret, so
 * that a client's repeated requests do not each pay for the slow hash. An entry lives for a while after its last
 * use. Only a correct secret adds an entry, so no stranger can fill or flush the table.
 *
 * <p>Entries are keyed by an HMAC of the pair under a random key that lives only in this process: the secret itself
 * is never kept, and the key cannot be matched against anything outside this process. An entry only names the stored
 * secret that matched; the caller still checks that this secret is active, so a revoked or expired secret stops
 * working at once.
 *
 * <p>Concurrent first requests with the same pair share one verification instead of each hashing.
 */
public final class VerifiedSecrets {

    private record Verified(String secretId, long expiresAtNanos) {}

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Optional<String>>> inFlight = new ConcurrentHashMap<>();
    private final SecretKeySpec hmacKey;
    private final ThreadLocal<Mac> macs;
    private final long ttlNanos;
    private final int maxEntries;

    public VerifiedSecrets(long ttlNanos, int maxEntries) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.hmacKey = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> HmacSha256.newMac(hmacKey));
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
    }

    /**
     * @param verification runs the slow check when the pair is not remembered; returns the matching secret's ID
     * @return the ID of the stored secret the pair matched, or empty
     */
    public Optional<String> verify(String clientId, String secret, Supplier<Optional<String>> verification) {
        String key = keyOf(clientId, secret);
        Verified known = verified.get(key);
        long now = System.nanoTime();
        if (known != null && now - known.expiresAtNanos() < 0) {
            // Renewed by use: a client that keeps calling never falls back to the slow hash.
            verified.replace(key, known, new Verified(known.secretId(), now + ttlNanos));
            return Optional.of(known.secretId());
        }
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Optional<String> result = verification.get();
            result.ifPresent(secretId -> remember(key, secretId));
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Forgets a pair, for when the secret it matched turned out to be no longer active. */
    public void forget(String clientId, String secret) {
        verified.remove(keyOf(clientId, secret));
    }

    int size() {
        return verified.size();
    }

    private void remember(String key, String secretId) {
        if (verified.size() >= maxEntries) {
            long now = System.nanoTime();
            verified.values().removeIf(v -> now - v.expiresAtNanos() >= 0);
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(secretId, System.nanoTime() + ttlNanos));
    }

    private String keyOf(String clientId, String secret) {
        Mac mac = macs.get();
        mac.update(clientId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
