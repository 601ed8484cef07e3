package dev.clavis.platform.control;

import jakarta.persistence.EntityManager;

/**
 * Serialises first-run work (key generation, the bootstrap application) across instances that start at once against
 * one database, with a PostgreSQL advisory lock held until the current transaction ends.
 */
public final class ClusterLock {

    private static final long BOOTSTRAP_LOCK = 0x436c61766973L; // "Clavis"

    private ClusterLock() {}

    public static void lockForBootstrap(EntityManager entityManager) {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, BOOTSTRAP_LOCK)
                .getSingleResult();
    }
}
