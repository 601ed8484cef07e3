package dev.clavis.platform.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The {@code bootstrap_state} table: what start-up provisioned, and a hash of the configured value it last applied
 * (the same salted PBKDF2 form as stored secrets, never the value). Used inside the transaction that holds
 * {@link ClusterLock#lockForBootstrap}.
 */
public final class BootstrapLedger {

    public static final String APPLICATION = "application";
    public static final String ADMINISTRATOR = "administrator";

    /** A provisioned thing; the hash is empty when no value was configured or it is unknown (older installation). */
    public record Entry(Optional<String> appliedHash) {

        /** @return whether {@code value} is the one last applied, at the cost of one slow hash */
        public boolean applied(String value, SecretHasher hasher) {
            return appliedHash.filter(hash -> hasher.matches(value, hash)).isPresent();
        }
    }

    private final EntityManager entityManager;
    private final String kind;

    public BootstrapLedger(EntityManager entityManager, String kind) {
        this.entityManager = entityManager;
        this.kind = kind;
    }

    public Optional<Entry> find(String name) {
        List<?> rows = entityManager
                .createNativeQuery("SELECT applied_hash FROM bootstrap_state WHERE kind = ?1 AND name = ?2")
                .setParameter(1, kind)
                .setParameter(2, name)
                .getResultList();
        // not a stream: findFirst refuses the null of an unknown hash
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Entry(Optional.ofNullable((String) rows.get(0))));
    }

    /**
     * Records that {@code name} is provisioned, with the hash of the configured value just applied, or empty when
     * none was (a generated value, or one not known).
     */
    public void remember(String name, Optional<String> appliedHash) {
        // A null parameter has no type for PostgreSQL, so the unknown hash is written as a literal NULL.
        String value = appliedHash.isPresent() ? "?3" : "NULL";
        var statement = entityManager
                .createNativeQuery("INSERT INTO bootstrap_state (kind, name, applied_hash, provisioned_at, updated_at)"
                        + " VALUES (?1, ?2, " + value + ", now(), now()) ON CONFLICT (kind, name)"
                        + " DO UPDATE SET applied_hash = EXCLUDED.applied_hash, updated_at = now()")
                .setParameter(1, kind)
                .setParameter(2, name);
        appliedHash.ifPresent(hash -> statement.setParameter(3, hash));
        statement.executeUpdate();
    }
}
