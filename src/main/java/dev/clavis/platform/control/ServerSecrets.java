package dev.clavis.platform.control;

import dev.clavis.platform.entity.ServerSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The root that server-side keys are derived from ({@link #derivedKey}): 32 bytes stored in the database, encrypted
 * under the key-encryption key, so that every instance derives the same keys and a new key-encryption key only
 * re-encrypts the root. An installation that existed before the root did gets the key-encryption key itself as its
 * root, which is what its keys were derived from, so that its stored digests stay valid; a new one gets random bytes.
 */
@ApplicationScoped
public class ServerSecrets {

    static final String ROOT = "derivation-root";
    private static final Logger LOG = Logger.getLogger(ServerSecrets.class.getName());

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    KeyEncryptionKeySource keys;

    private volatile SecretKey root;

    /**
     * At start, after the migrations: makes the root on the first start, re-encrypts it after a change of the
     * key-encryption key, and keeps it in memory.
     *
     * @throws IllegalStateException when neither the key-encryption key nor the previous one opens it
     */
    @Transactional
    public void ensure() {
        ClusterLock.lockForBootstrap(entityManager);
        SecretKey current = keys.keyEncryptionKey();
        ServerSecret stored = entityManager.find(ServerSecret.class, ROOT);
        if (stored == null) {
            byte[] value = existedBefore() ? current.getEncoded() : random();
            entityManager.persist(new ServerSecret(ROOT, SecretBox.seal(value, ROOT, current)));
            root = new SecretKeySpec(value, "HmacSHA256");
            return;
        }
        Optional<byte[]> value = SecretBox.open(stored.valueEncrypted(), ROOT, current);
        if (value.isEmpty()) {
            Optional<SecretKey> previous = keys.previousKeyEncryptionKey();
            value = previous.flatMap(key -> SecretBox.open(stored.valueEncrypted(), ROOT, key));
            if (value.isEmpty()) {
                throw new IllegalStateException("clavis.key-encryption-key does not open the stored server secret:"
                        + " it is not the key this database was set up with. If you are changing it, give the one"
                        + " before as clavis.key-encryption-key-previous (CLAVIS_KEY_ENCRYPTION_KEY_PREVIOUS) for one"
                        + " start.");
            }
            stored.reencrypt(SecretBox.seal(value.get(), ROOT, current));
            LOG.info("Server secret re-encrypted under the new key-encryption key");
        }
        root = new SecretKeySpec(value.get(), "HmacSHA256");
    }

    /**
     * A key for one purpose (HMAC-SHA-256 of the purpose under the root, HKDF's expand step with one block): the
     * same on every instance, never stored, independent of the root for anyone who does not hold it.
     */
    public SecretKey derivedKey(String purpose) {
        SecretKey known = root;
        if (known == null) {
            throw new IllegalStateException("The server secret is not loaded yet");
        }
        return KeyEncryptionKeySource.derive(known, purpose);
    }

    /** Whether this database held keys or secrets before the root existed: then they were derived from the KEK. */
    private boolean existedBefore() {
        Number keys = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM signing_key")
                .getSingleResult();
        Number secrets = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM client_secret")
                .getSingleResult();
        return keys.longValue() + secrets.longValue() > 0;
    }

    private static byte[] random() {
        byte[] value = new byte[32];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
