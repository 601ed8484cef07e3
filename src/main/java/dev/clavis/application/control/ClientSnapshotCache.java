package dev.clavis.application.control;

import dev.clavis.application.entity.Application;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.platform.control.DatabaseUnavailable;
import dev.clavis.platform.control.StaleAllowance;
import jakarta.annotation.PostConstruct;
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
 * An entry is reloaded at once after a change, here or on another instance (the change feed fires
 * {@link ClientsChanged} here too), and in any case after {@code clavis.client-cache.ttl-seconds}.
 * Unknown client IDs are remembered too, in a bounded way, so that guessing IDs does not cost a query each.
 *
 * <p>While the database cannot be reached, an entry past its TTL is served as it was last read, for at most
 * {@code clavis.client-cache.max-stale-seconds} (300 by default) beyond its TTL, and the database is tried again
 * for it every {@value StaleAllowance#RETRY_SECONDS} s rather than on every request. Serving stale is safe for that
 * long: no change can be made through a database that is down, and one made on another instance just before the
 * outage that the change feed could not bring is read when the database is back (the feed then clears this cache).
 * Past the bound the client gets 503: an instance cut off
 * from the database for longer must not go on trusting what it once read (a disabled application, a revoked
 * secret). A client that is not in memory at all gets 503 at once.
 */
@ApplicationScoped
public class ClientSnapshotCache {

    static final int MAX_UNKNOWN = 10_000;

    /**
     * @param loadedAtNanos when it was read from the database
     * @param retryAtNanos while the database is down, not tried again for it before then
     */
    private record Entry(Optional<RegisteredClient> client, long loadedAtNanos, long retryAtNanos) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts invalidations, so that a load that raced with one is not cached. */
    private final AtomicLong invalidations = new AtomicLong();

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "clavis.client-cache.ttl-seconds", defaultValue = "60")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "clavis.client-cache.max-stale-seconds", defaultValue = "300")
    long maxStaleSeconds;

    private StaleAllowance allowance;

    @PostConstruct
    void init() {
        allowance = new StaleAllowance(Duration.ofSeconds(ttlSeconds), Duration.ofSeconds(maxStaleSeconds));
    }

    public Optional<RegisteredClient> find(String clientId) {
        if (!ClientIds.isValid(clientId)) {
            return Optional.empty(); // cannot exist; not worth a query, nor a cache entry
        }
        long now = System.nanoTime();
        Entry entry = entries.get(clientId);
        if (entry != null
                && (allowance.isFresh(entry.loadedAtNanos(), now)
                        || (now - entry.retryAtNanos() < 0 && allowance.mayServeStale(entry.loadedAtNanos(), now)))) {
            return entry.client();
        }
        long generation = invalidations.get();
        Optional<RegisteredClient> loaded;
        try {
            loaded = load(clientId);
        } catch (RuntimeException e) {
            if (entry != null
                    && allowance.mayServeStale(entry.loadedAtNanos(), now)
                    && DatabaseUnavailable.isCause(e)) {
                entries.replace(
                        clientId, entry, new Entry(entry.client(), entry.loadedAtNanos(), allowance.retryAt(now)));
                return entry.client();
            }
            throw e;
        }
        if (loaded.isEmpty() && entries.size() >= MAX_UNKNOWN) {
            entries.values().removeIf(e -> e.client().isEmpty());
        }
        if (invalidations.get() == generation) {
            entries.put(clientId, new Entry(loaded, now, now));
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
