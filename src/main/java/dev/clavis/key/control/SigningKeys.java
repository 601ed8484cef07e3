package dev.clavis.key.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.clavis.key.entity.SigningKey;
import dev.clavis.platform.control.FromOtherInstance;
import dev.clavis.platform.control.KeyEncryptionKeySource;
import dev.clavis.platform.control.KeysChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys that sign access tokens, held in memory: every stored key with its schedule, the signer of the one that
 * signs now, and the public JWK set that resource servers fetch. Which key signs follows from the clock and the
 * schedule ({@link KeySchedule}), so a rotation needs no database read and no message between instances: the view
 * is worked out again when the next change of phase is due. What is stored is read again by {@link #load()}, after a
 * change here, when the change feed brings another instance's change ({@link KeysChanged}), and at every key check.
 */
@ApplicationScoped
public class SigningKeys {

    /** RFC 9068 §2.1: access tokens are typed {@code at+jwt}. */
    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    /** The header types tokens are signed with: RFC 9068's, and plain {@code JWT} for MicroProfile JWT APIs. */
    private static final List<JOSEObjectType> TOKEN_TYPES = List.of(ACCESS_TOKEN_TYPE, JOSEObjectType.JWT);

    /** A stored key as memory holds it: its public JWK, and for a key that may sign, a signer and its headers. */
    private record Loaded(
            KeySchedule.Times times,
            String algorithm,
            JWK publicKey,
            JWSSigner signer,
            Map<String, JWSHeader> headers) {}

    /**
     * What the clock says now: the key that signs by default (the configured algorithm's), the one that signs for
     * each algorithm, what is published, and until when this holds.
     */
    private record View(
            Loaded signing,
            Map<String, Loaded> signingByAlgorithm,
            byte[] jwks,
            String etag,
            List<String> algorithms,
            Instant validUntil) {

        /** @param algorithm pinned by the token's API; its chain's key until that has one, else the default one */
        Loaded signer(Optional<String> algorithm) {
            return algorithm.map(signingByAlgorithm::get).orElse(signing);
        }
    }

    private static JWSHeader header(Loaded key, String type) {
        JWSHeader header = key.headers().get(type);
        if (header == null) {
            throw new IllegalArgumentException("No header for token type " + type);
        }
        return header;
    }

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    KeyEncryptionKeySource keyEncryptionKeySource;

    @Inject
    KeyConfiguration configuration;

    private volatile List<Loaded> keys = List.of();
    private volatile View view;

    /**
     * Reads every stored key into memory; keys already in memory are not decrypted again. One at a time, so that a
     * slower read (the key check's) cannot replace a newer one (the change feed's).
     */
    public synchronized void load() {
        Map<String, Loaded> known = new HashMap<>();
        keys.forEach(key -> known.put(key.times().kid(), key));
        PrivateKeyCipher cipher = null;
        List<Loaded> loaded = new ArrayList<>();
        for (SigningKey key : entityManager
                .createNamedQuery(SigningKey.FIND_ALL, SigningKey.class)
                .getResultList()) {
            KeySchedule.Times times = KeyMaintenance.times(key);
            Loaded previous = known.get(key.kid());
            if (previous != null) {
                loaded.add(new Loaded(
                        times, previous.algorithm(), previous.publicKey(), previous.signer(), previous.headers()));
                continue;
            }
            if (cipher == null) {
                cipher = new PrivateKeyCipher(keyEncryptionKeySource.keyEncryptionKey());
            }
            loaded.add(decrypted(key, times, cipher));
        }
        this.keys = List.copyOf(loaded);
        this.view = evaluate(Instant.now());
    }

    /**
     * Another instance changed the keys (Rotate now, Replace now, a new next key): sign with and publish what it
     * stored. Only the feed's events: a change here is followed by {@link #load()} where it was made, after its commit.
     */
    @Transactional // the feed polls on a managed executor's thread, where only a transaction has an entity manager
    void onKeysChanged(@Observes @FromOtherInstance KeysChanged change) {
        load();
    }

    private static Loaded decrypted(SigningKey key, KeySchedule.Times times, PrivateKeyCipher cipher) {
        JWK publicKey = parse(key.publicJwk());
        if (key.revokedAt() != null) {
            return new Loaded(times, key.algorithm(), publicKey, null, Map.of()); // never signs again
        }
        JWK privateKey = cipher.decrypt(key.privateJwkEncrypted(), key.kid());
        Map<String, JWSHeader> headers = new HashMap<>();
        for (JOSEObjectType type : TOKEN_TYPES) {
            headers.put(
                    type.getType(),
                    new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm()))
                            .type(type)
                            .keyID(key.kid())
                            .build());
        }
        return new Loaded(times, key.algorithm(), publicKey, KeyPairFactory.signer(privateKey), Map.copyOf(headers));
    }

    /** @param type the JOSE header {@code typ}: {@code at+jwt} or {@code JWT} */
    public String sign(JWTClaimsSet claims, String type) {
        return sign(claims, type, Optional.empty());
    }

    /**
     * @param type the JOSE header {@code typ}: {@code at+jwt} or {@code JWT}
     * @param algorithm the algorithm the token's API pins, if it pins one
     */
    public String sign(JWTClaimsSet claims, String type, Optional<String> algorithm) {
        Loaded key = current().signer(algorithm);
        SignedJWT jwt = new SignedJWT(header(key, type), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return jwt.serialize();
    }

    public boolean isLoaded() {
        View current = view;
        return current != null && current.signing() != null;
    }

    /** @return the JWK set of every published key, public parts only (RFC 7517 §5) */
    public byte[] publicJwks() {
        return current().jwks().clone();
    }

    /** @return a strong validator of the JWK set, for {@code ETag} */
    public String jwksEtag() {
        return current().etag();
    }

    /** @return the algorithms of the published keys, for discovery */
    public List<String> algorithms() {
        return current().algorithms();
    }

    /** @return how long a cache may keep the JWK set */
    public long jwksMaxAgeSeconds() {
        return configuration.policy().jwksMaxAge().toSeconds();
    }

    /** The keys as the clock places them now, for the administrators. */
    public List<KeyStatus> statuses() {
        Instant now = Instant.now();
        KeyPolicy policy = configuration.policy();
        Set<String> signing = signingByAlgorithm(now, policy).values().stream()
                .map(KeySchedule.Times::kid)
                .collect(java.util.stream.Collectors.toSet());
        return keys.stream()
                .map(key -> new KeyStatus(
                        key.times().kid(),
                        key.algorithm(),
                        signing.contains(key.times().kid())
                                ? KeySchedule.Phase.ACTIVE
                                : KeySchedule.phase(key.times(), now, policy),
                        key.times().createdAt(),
                        key.times().activeFrom(),
                        key.times().retiresAt(),
                        key.times().revokedAt()))
                .toList();
    }

    /** A key's schedule and phase, never any part of its private half. */
    public record KeyStatus(
            String kid,
            String algorithm,
            KeySchedule.Phase phase,
            Instant createdAt,
            Instant activeFrom,
            Instant retiresAt,
            Instant revokedAt) {}

    private View current() {
        View current = view;
        if (current == null) {
            throw new IllegalStateException("The signing keys are not loaded yet");
        }
        Instant now = Instant.now();
        if (!now.isBefore(current.validUntil())) {
            current = evaluate(now);
            view = current;
        }
        return current;
    }

    private List<KeySchedule.Times> times() {
        return keys.stream().map(Loaded::times).toList();
    }

    /** Each algorithm's chain signs with its own key; see {@link KeySchedule#signing}. */
    private Map<String, KeySchedule.Times> signingByAlgorithm(Instant now, KeyPolicy policy) {
        Map<String, KeySchedule.Times> signing = new HashMap<>();
        keys.stream().map(Loaded::algorithm).distinct().forEach(algorithm -> KeySchedule.signing(
                        keys.stream()
                                .filter(key -> key.algorithm().equals(algorithm))
                                .map(Loaded::times)
                                .toList(),
                        now,
                        policy)
                .ifPresent(times -> signing.put(algorithm, times)));
        return signing;
    }

    private View evaluate(Instant now) {
        KeyPolicy policy = configuration.policy();
        List<KeySchedule.Times> times = times();
        Map<String, Loaded> byKid = new HashMap<>();
        keys.forEach(key -> byKid.put(key.times().kid(), key));
        Map<String, Loaded> signingByAlgorithm = new HashMap<>();
        signingByAlgorithm(now, policy)
                .forEach((algorithm, key) -> signingByAlgorithm.put(algorithm, byKid.get(key.kid())));
        // the configured algorithm's key; while its chain has not started (just after a change), the newest that has
        Optional<KeySchedule.Times> signing = Optional.ofNullable(signingByAlgorithm.get(configuration.algorithm()))
                .map(Loaded::times)
                .or(() -> KeySchedule.signing(times, now, policy));
        if (signing.isEmpty()) {
            throw new IllegalStateException("There is no signing key; the key check makes one at start");
        }
        List<JWK> published = new ArrayList<>();
        List<String> algorithms = new ArrayList<>();
        for (KeySchedule.Times key : KeySchedule.published(times, now, policy)) {
            Loaded loaded = byKid.get(key.kid());
            published.add(loaded.publicKey());
            if (!algorithms.contains(loaded.algorithm())) {
                algorithms.add(loaded.algorithm());
            }
        }
        byte[] jwks = new JWKSet(published).toString(true).getBytes(StandardCharsets.UTF_8);
        Instant validUntil = KeySchedule.nextChange(times, now, policy).orElse(Instant.MAX);
        return new View(
                byKid.get(signing.get().kid()),
                Map.copyOf(signingByAlgorithm),
                jwks,
                etag(jwks),
                List.copyOf(algorithms),
                validUntil);
    }

    private static String etag(byte[] jwks) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwks);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored public key is not a valid JWK", e);
        }
    }
}
