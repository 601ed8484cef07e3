package dev.clavis.api.control;

import dev.clavis.api.entity.Api;
import dev.clavis.key.control.PinnedAlgorithms;
import dev.clavis.platform.control.ApisChanged;
import dev.clavis.platform.control.DatabaseUnavailable;
import dev.clavis.platform.control.StaleAllowance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token endpoint's view of every API, by ID and by identifier. An installation has a handful of APIs, so all of
 * them are read at once, kept in memory, and read again after a change commits here, or after
 * {@code clavis.client-cache.ttl-seconds} (so that another instance's changes arrive without an explicit signal).
 * While the database cannot be reached they are served as last read, for at most
 * {@code clavis.client-cache.max-stale-seconds} beyond that, as the clients are ({@code ClientSnapshotCache}).
 */
@ApplicationScoped
public class ApiDirectory implements ApiLookup, PinnedAlgorithms {

    /** @param retryAt while the database is down, not tried again before then */
    private record Snapshot(
            Map<String, RegisteredApi> byId, Map<String, RegisteredApi> byIdentifier, long loadedAt, long retryAt) {
        Snapshot retriedAt(long next) {
            return new Snapshot(byId, byIdentifier, loadedAt, next);
        }
    }

    private volatile Snapshot snapshot;
    /** Counts changes, so that a load that raced with one is not kept. */
    private final AtomicLong changes = new AtomicLong();

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

    @Override
    public Optional<RegisteredApi> byId(String id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    @Override
    public Optional<RegisteredApi> byIdentifier(String identifier) {
        return Optional.ofNullable(current().byIdentifier().get(identifier));
    }

    /** @return the algorithms enabled APIs pin, so that each has a chain of signing keys */
    @Override
    public Set<String> algorithms() {
        return current().byId().values().stream()
                .filter(RegisteredApi::enabled)
                .flatMap(api -> api.signingAlgorithm().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long now = System.nanoTime();
        if (known != null
                && (allowance.isFresh(known.loadedAt(), now)
                        || (now - known.retryAt() < 0 && allowance.mayServeStale(known.loadedAt(), now)))) {
            return known;
        }
        long generation = changes.get();
        Snapshot loaded;
        try {
            loaded = load(now);
        } catch (RuntimeException e) {
            if (known != null && allowance.mayServeStale(known.loadedAt(), now) && DatabaseUnavailable.isCause(e)) {
                Snapshot stale = known.retriedAt(allowance.retryAt(now));
                if (changes.get() == generation) {
                    snapshot = stale;
                }
                return stale;
            }
            throw e;
        }
        if (changes.get() == generation) {
            snapshot = loaded;
        }
        return loaded;
    }

    private Snapshot load(long now) {
        var apis = entityManager.createNamedQuery(Api.FIND_ALL, Api.class).getResultList().stream()
                .map(RegisteredApi::of)
                .toList();
        return new Snapshot(
                apis.stream().collect(Collectors.toUnmodifiableMap(RegisteredApi::id, Function.identity())),
                apis.stream().collect(Collectors.toUnmodifiableMap(RegisteredApi::identifier, Function.identity())),
                now,
                now);
    }

    /** After a change commits: the next lookup reads the database. */
    void onApisChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApisChanged change) {
        changes.incrementAndGet();
        snapshot = null;
    }
}
