package dev.clavis.application.control;

import dev.clavis.application.entity.Application;
import dev.clavis.platform.control.ClientsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
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
 */
@ApplicationScoped
public class ClientSnapshotCache {

    static final int MAX_UNKNOWN = 10_000;

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
        if (entry != null
                && now - entry.loadedAtNanos() < Duration.ofSeconds(ttlSeconds).toNanos()) {
            return entry.client();
        }
        long generation = invalidations.get();
        Optional<RegisteredClient> loaded = load(clientId);
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

    /**
     * After a change commits (here, or on another instance: the change feed fires it again here): the next token
     * request of the changed client, or of every client, reads the database. Only once this cache exists: made by
     * the notification (at start, before any request), Payara left it without its entity manager.
     */
    void onClientsChanged(
            @Observes(notifyObserver = Reception.IF_EXISTS, during = TransactionPhase.AFTER_SUCCESS)
                    ClientsChanged change) {
        if (change.everyClient()) {
            invalidations.incrementAndGet();
            entries.clear();
        } else {
            invalidate(change.clientId());
        }
    }

    private Optional<RegisteredClient> load(String clientId) {
        return Optional.ofNullable(entityManager.find(Application.class, clientId))
                .map(RegisteredClient::of);
    }
}
