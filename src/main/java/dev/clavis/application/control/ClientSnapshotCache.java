package dev.clavis.application.control;

import dev.clavis.application.entity.Application;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.platform.control.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token endpoint's cache of client snapshots ({@link RegisteredClient}): each application is read from the
 * database once and then served from memory.
 * An entry is reloaded after {@code clavis.client-cache.ttl-seconds} (so that another instance's changes arrive
 * even without an explicit invalidation) or at once when {@link #invalidate(String)} is called after a change.
 * Unknown client IDs are remembered too, in a bounded way, so that guessing IDs does not cost a query each.
 * While the database cannot be reached, a client already in memory is served as it was last read: every change made
 * before the outage is in it, and none can be made during it.
 */
@ApplicationScoped
public class ClientSnapshotCache {

    static final int MAX_UNKNOWN = 10_000;
    /** While the database is down, how long a client is served from memory before it is tried again. */
    static final long RETRY_NANOS = 5_000_000_000L;

    private record Entry(Optional<RegisteredClient> client, long loadedAtNanos) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts invalidations, so that a load that raced with one is not cached. */
    private final AtomicLong invalidations = new AtomicLong();

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "clavis.client-cache.ttl-seconds", defaultValue = "60")
    long ttlSeconds;

    public Optional<RegisteredClient> find(String clientId) {
        if (!ClientIds.isValid(clientId)) {
            return Optional.empty(); // cannot exist; not worth a query, nor a cache entry
        }
        long now = System.nanoTime();
        Entry entry = entries.get(clientId);
        if (entry != null && now - entry.loadedAtNanos() < ttlSeconds * 1_000_000_000L) {
            return entry.client();
        }
        long generation = invalidations.get();
        Optional<RegisteredClient> loaded;
        try {
            loaded = load(clientId);
        } catch (RuntimeException e) {
            if (entry != null && DatabaseUnavailable.isCause(e)) {
                // kept as it was; the database is tried again for this client in RETRY_NANOS, not on every request
                entries.put(clientId, new Entry(entry.client(), now - ttlSeconds * 1_000_000_000L + RETRY_NANOS));
                return entry.client();
            }
            throw e;
        }
        if (loaded.isEmpty() && entries.size() >= MAX_UNKNOWN) {
            entries.values().removeIf(e -> e.client().isEmpty());
        }
        if (invalidations.get() == generation) {
            entries.put(clientId, new Entry(loaded, now));
        }
        return loaded;
    }

    /** Forgets what is known of a client, so its next token request reads the database. */
    public void invalidate(String clientId) {
        invalidations.incrementAndGet();
        entries.remove(clientId);
    }

    /** After a change commits: the next token request of the changed client reads the database. */
    void onClientsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClientsChanged change) {
        invalidate(change.clientId());
    }

    private Optional<RegisteredClient> load(String clientId) {
        return Optional.ofNullable(entityManager.find(Application.class, clientId))
                .map(RegisteredClient::of);
    }
}
