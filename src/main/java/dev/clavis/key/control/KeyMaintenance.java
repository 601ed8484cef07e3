package dev.clavis.key.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import dev.clavis.audit.control.AuditTrail;
import dev.clavis.key.entity.SigningKey;
import dev.clavis.platform.control.ClusterLock;
import dev.clavis.platform.control.KeyEncryptionKeySource;
import dev.clavis.platform.control.KeysChanged;
import dev.clavis.platform.control.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps the stored keys on schedule, under the cluster-wide lock so that two instances never both make the next
 * key: schedules the successor of the signing key (made at once, published a whole lead time before it signs), lets
 * expired and revoked keys go after their retention, and carries out the administrators' rotations. Runs at start
 * and at every key check; {@link SigningKeys#load()} reads the result into memory. Whatever changes the stored keys
 * fires {@link KeysChanged} in its transaction, so that the other instances read them again at once.
 */
@ApplicationScoped
public class KeyMaintenance {

    private static final Logger LOG = Logger.getLogger(KeyMaintenance.class.getName());

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    KeyEncryptionKeySource keyEncryptionKeySource;

    @Inject
    KeyConfiguration configuration;

    @Inject
    AuditTrail audit;

    @Inject
    PinnedAlgorithms pinned;

    @Inject
    Event<KeysChanged> keysChanged;

    static KeySchedule.Times times(SigningKey key) {
        return new KeySchedule.Times(key.kid(), key.createdAt(), key.activeFrom(), key.retiresAt(), key.revokedAt());
    }

    /**
     * Brings the stored keys on schedule: a chain of keys for each algorithm in use (the configured one, and those APIs
     * pin), each with a signing key and a next key; chains no longer in use wound down; old keys removed.
     */
    @Transactional
    public void maintain() {
        ClusterLock.lockForBootstrap(entityManager);
        List<KeySchedule.Times> before =
                all().stream().map(KeyMaintenance::times).toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        KeyPolicy policy = configuration.policy();
        forgetExpired(all(), now, policy);
        scheduleUnscheduled(all(), now, policy);
        Set<String> inUse = new LinkedHashSet<>();
        inUse.add(configuration.algorithm());
        inUse.addAll(pinned.algorithms());
        for (String algorithm : inUse) {
            ensureChain(algorithm, now, policy);
        }
        List<String> unused = all().stream()
                .map(SigningKey::algorithm)
                .filter(algorithm -> !inUse.contains(algorithm))
                .distinct()
                .toList();
        unused.forEach(algorithm -> windDown(algorithm, now, policy));
        entityManager.flush();
        if (!before.equals(all().stream().map(KeyMaintenance::times).toList())) {
            keysChanged.fire(new KeysChanged()); // most key checks change nothing, and write nothing
        }
    }

    /**
     * Rotate now, for the chain of the configured algorithm: the next key signs at the next safe instant, once it has
     * been published a whole lead time (at once, when it has been).
     *
     * @param expectedSigning the key the administrator saw signing, if the request named one: nothing is done when
     *     another has taken over since (checked under the lock)
     */
    @Transactional
    public Outcome<Instant> rotate(String actor, Optional<String> expectedSigning) {
        return audit.audited(actor, "key.rotate", "signing keys", () -> rotateUnaudited(expectedSigning));
    }

    private Outcome<Instant> rotateUnaudited(Optional<String> expectedSigning) {
        ClusterLock.lockForBootstrap(entityManager);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        KeyPolicy policy = configuration.policy();
        List<SigningKey> stored = chain(configuration.algorithm());
        Optional<SigningKey> current = signing(stored, now, policy);
        Optional<SigningKey> next = inPhase(stored, now, policy, KeySchedule.Phase.NEXT);
        if (current.isEmpty() || next.isEmpty()) {
            return new Outcome.Conflict<>("There is no next key to rotate to yet; try again in a minute", List.of());
        }
        if (changedSince(expectedSigning, current.get())) {
            return keysChanged();
        }
        Instant at = KeySchedule.safeRotation(times(next.get()), now, policy);
        current.get().retireAt(at);
        next.get().scheduleFor(at, at.plus(policy.period()));
        entityManager.flush();
        LOG.info(() -> "Rotation: key " + next.get().kid() + " signs from " + at + " instead of "
                + current.get().kid());
        keysChanged.fire(new KeysChanged());
        return new Outcome.Done<>(at);
    }

    /**
     * Replace now, for a key that may be compromised: the signing key is revoked (unpublished at once, so its
     * tokens stop validating as soon as resource servers read the JWKS again), the next key signs from now on, and
     * a new next key is made.
     *
     * @return the revoked key's ID
     */
    /** @param expectedSigning as for {@link #rotate} */
    @Transactional
    public Outcome<String> replace(String actor, Optional<String> expectedSigning) {
        return audit.audited(actor, "key.replace", "signing keys", () -> replaceUnaudited(expectedSigning));
    }

    private Outcome<String> replaceUnaudited(Optional<String> expectedSigning) {
        ClusterLock.lockForBootstrap(entityManager);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        KeyPolicy policy = configuration.policy();
        String algorithm = configuration.algorithm();
        List<SigningKey> stored = chain(algorithm);
        Optional<SigningKey> current = signing(stored, now, policy);
        if (current.isEmpty()) {
            return new Outcome.Conflict<>("No key signs now", List.of());
        }
        if (changedSince(expectedSigning, current.get())) {
            return keysChanged();
        }
        Optional<SigningKey> next = inPhase(stored, now, policy, KeySchedule.Phase.NEXT);
        current.get().revoke(now);
        current.get().retireAt(now);
        if (next.isPresent()) {
            next.get().scheduleFor(now, now.plus(policy.period()));
        } else {
            create(algorithm, now, now, now.plus(policy.period()));
        }
        entityManager.flush();
        ensureChain(algorithm, now, policy);
        String revoked = current.get().kid();
        LOG.warning(() -> "Key " + revoked + " revoked and replaced; tokens it signed no longer validate");
        keysChanged.fire(new KeysChanged());
        return new Outcome.Done<>(revoked);
    }

    /**
     * After a change of the key-encryption key: every private key that only the previous one opens is encrypted
     * again under the current one, so that the previous key can be thrown away after this start.
     *
     * @return how many keys were re-encrypted
     * @throws IllegalStateException when a key opens with neither
     */
    @Transactional
    public int reencryptUnderCurrentKey() {
        ClusterLock.lockForBootstrap(entityManager);
        PrivateKeyCipher current = new PrivateKeyCipher(keyEncryptionKeySource.keyEncryptionKey());
        Optional<PrivateKeyCipher> previous =
                keyEncryptionKeySource.previousKeyEncryptionKey().map(PrivateKeyCipher::new);
        int reencrypted = 0;
        for (SigningKey key : all()) {
            try {
                current.decrypt(key.privateJwkEncrypted(), key.kid());
            } catch (PrivateKeyCipher.KeyDecryptionException e) {
                if (previous.isEmpty()) {
                    throw new IllegalStateException(e.getMessage() + " If you are changing the key-encryption key,"
                            + " give the one before as clavis.key-encryption-key-previous"
                            + " (CLAVIS_KEY_ENCRYPTION_KEY_PREVIOUS) for one start.");
                }
                key.reencrypt(current.encrypt(previous.get().decrypt(key.privateJwkEncrypted(), key.kid())));
                reencrypted++;
            }
        }
        if (reencrypted > 0) {
            int count = reencrypted;
            LOG.info(() -> count + " signing keys re-encrypted under the new key-encryption key");
        }
        return reencrypted;
    }

    private static boolean changedSince(Optional<String> expectedSigning, SigningKey current) {
        return expectedSigning.isPresent() && !expectedSigning.get().equals(current.kid());
    }

    private static <T> Outcome<T> keysChanged() {
        return new Outcome.Conflict<>(
                "The signing key changed since you looked; nothing was done: look at the keys again", List.of());
    }

    private void forgetExpired(List<SigningKey> stored, Instant now, KeyPolicy policy) {
        for (SigningKey key : stored) {
            KeySchedule.Phase phase = KeySchedule.phase(times(key), now, policy);
            boolean revokedLongAgo = phase == KeySchedule.Phase.REVOKED
                    && key.revokedAt().plus(policy.retention()).isBefore(now);
            if (phase == KeySchedule.Phase.EXPIRED || revokedLongAgo) {
                entityManager.remove(key);
                LOG.info(() -> "Key " + key.kid() + " removed: every token it signed has expired");
            }
        }
        entityManager.flush();
    }

    /** A key from before rotation existed signs on until a successor, published a lead time ahead, takes over. */
    private void scheduleUnscheduled(List<SigningKey> stored, Instant now, KeyPolicy policy) {
        for (SigningKey key : stored) {
            if (key.retiresAt() == null && key.revokedAt() == null) {
                Instant planned = key.activeFrom().plus(policy.period());
                Instant earliest = now.plus(policy.lead());
                key.retireAt(planned.isAfter(earliest) ? planned : earliest);
            }
        }
    }

    /**
     * Keeps one algorithm's chain going: its first key (signing at once on the very first start; otherwise published
     * a whole lead time before it signs, since resource servers have never seen it), then always one next key.
     */
    private void ensureChain(String algorithm, Instant now, KeyPolicy policy) {
        for (int made = 0; made < 2; made++) { // twice at most: a first key signing at once, then its successor
            List<SigningKey> keys = chain(algorithm);
            List<KeySchedule.Times> times =
                    keys.stream().map(KeyMaintenance::times).toList();
            boolean started = keys.stream()
                    .anyMatch(key -> KeySchedule.phase(times(key), now, policy).isPublished());
            Instant activeFrom;
            if (!started) {
                activeFrom = all().isEmpty() ? now : now.plus(policy.lead());
            } else {
                Optional<Instant> due = KeySchedule.nextKeyDue(times, now, policy);
                if (due.isEmpty()) {
                    return;
                }
                activeFrom = due.get();
                Instant successorStarts = activeFrom;
                signing(keys, now, policy).ifPresent(current -> current.retireAt(successorStarts));
            }
            create(algorithm, now, activeFrom, activeFrom.plus(policy.period()));
            if (activeFrom.isAfter(now)) {
                return;
            }
        }
    }

    /**
     * An algorithm no longer configured nor pinned: its next key goes (it never signed), and its signing key signs
     * until the configured algorithm's chain takes over, then retires, published until its tokens have expired.
     */
    private void windDown(String algorithm, Instant now, KeyPolicy policy) {
        List<SigningKey> keys = chain(algorithm);
        keys.stream()
                .filter(key -> KeySchedule.phase(times(key), now, policy) == KeySchedule.Phase.NEXT)
                .forEach(entityManager::remove);
        List<SigningKey> main = chain(configuration.algorithm());
        Optional<SigningKey> mainSigning = main.stream()
                .filter(key -> KeySchedule.phase(times(key), now, policy) == KeySchedule.Phase.ACTIVE)
                .findFirst();
        Instant takeover = mainSigning.isPresent()
                ? now
                : main.stream()
                        .filter(key -> KeySchedule.phase(times(key), now, policy) == KeySchedule.Phase.NEXT)
                        .map(SigningKey::activeFrom)
                        .min(Instant::compareTo)
                        .orElse(now);
        keys.stream()
                .filter(key -> KeySchedule.phase(times(key), now, policy) == KeySchedule.Phase.ACTIVE)
                .filter(key -> !key.retiresAt().equals(takeover))
                .forEach(key -> {
                    key.retireAt(takeover);
                    LOG.info(() ->
                            "Key " + key.kid() + " (" + algorithm + ", no longer in use) signs until " + takeover);
                });
        entityManager.flush();
    }

    private void create(String algorithmName, Instant now, Instant activeFrom, Instant retiresAt) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(algorithmName);
        JWK privateKey = KeyPairFactory.generate(algorithm);
        PrivateKeyCipher cipher = new PrivateKeyCipher(keyEncryptionKeySource.keyEncryptionKey());
        entityManager.persist(new SigningKey(
                privateKey.getKeyID(),
                algorithm.getName(),
                privateKey.toPublicJWK().toJSONString(),
                cipher.encrypt(privateKey),
                now,
                activeFrom,
                retiresAt));
        entityManager.flush();
        LOG.info(() -> "Generated signing key " + privateKey.getKeyID() + " (" + algorithm + "), signing from "
                + activeFrom + " until " + retiresAt);
    }

    private Optional<SigningKey> signing(List<SigningKey> stored, Instant now, KeyPolicy policy) {
        return KeySchedule.signing(stored.stream().map(KeyMaintenance::times).toList(), now, policy)
                .flatMap(times -> stored.stream()
                        .filter(key -> key.kid().equals(times.kid()))
                        .findFirst());
    }

    private static Optional<SigningKey> inPhase(
            List<SigningKey> stored, Instant now, KeyPolicy policy, KeySchedule.Phase phase) {
        return stored.stream()
                .filter(key -> KeySchedule.phase(times(key), now, policy) == phase)
                .findFirst();
    }

    private List<SigningKey> chain(String algorithm) {
        return all().stream().filter(key -> key.algorithm().equals(algorithm)).toList();
    }

    private List<SigningKey> all() {
        return entityManager
                .createNamedQuery(SigningKey.FIND_ALL, SigningKey.class)
                .getResultList();
    }
}
