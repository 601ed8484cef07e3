package dev.clavis.token.control;

import dev.clavis.platform.control.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses from which an application authenticated with a typed secret. Such an address is a proven source
 * for {@link dev.clavis.platform.control.GuessThrottle}: guessing from anywhere else cannot spend the budget it
 * relies on. Kept in PostgreSQL ({@code proven_source}), so that the real client is recognised right after a
 * restart and by every instance; held in memory per application, read only when a typed secret must be checked.
 * Only a success writes (once per application and address a day), never a failure.
 */
@ApplicationScoped
public class ProvenSources {

    static final int MAX_ADDRESSES = 32;
    static final Duration REMEMBERED_FOR = Duration.ofDays(90);
    private static final int MAX_APPLICATIONS = 10_000;
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(5);
    private static final Duration REFRESH_AFTER = Duration.ofDays(1);

    private record Known(Set<String> addresses, long loadedAtNanos) {}

    private final ConcurrentHashMap<String, Known> byApplication = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> recordedAtNanos = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager entityManager;

    /** @param clientId an existing application's ID */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isProven(String clientId, String address) {
        long now = System.nanoTime();
        Known known = byApplication.get(clientId);
        if (known == null || now - known.loadedAtNanos() > RELOAD_AFTER.toNanos()) {
            Set<String> addresses;
            try {
                addresses = load(clientId);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                // The database is down: what was read before, or nothing proven (the stricter budget applies); the
                // client's secret is still checked as usual, and the table is read again on the next attempt
                return known != null && known.addresses().contains(address);
            }
            known = new Known(addresses, now);
            if (byApplication.size() >= MAX_APPLICATIONS) {
                byApplication.clear(); // only a cache of the table: the next look-ups read it again
            }
            byApplication.put(clientId, known);
        }
        return known.addresses().contains(address);
    }

    /** Records that the application authenticated from this address, at most once a day per address. */
    @Transactional
    public void succeeded(String clientId, String address) {
        String key = clientId + ' ' + address;
        long now = System.nanoTime();
        Long recorded = recordedAtNanos.get(key);
        if (recorded != null && now - recorded < REFRESH_AFTER.toNanos()) {
            return;
        }
        entityManager
                .createNativeQuery(
                        "INSERT INTO proven_source (client_id, address, last_success_at) VALUES (?1, ?2, now())"
                                + " ON CONFLICT (client_id, address) DO UPDATE SET last_success_at = now()")
                .setParameter(1, clientId)
                .setParameter(2, address)
                .executeUpdate();
        entityManager
                .createNativeQuery("DELETE FROM proven_source WHERE client_id = ?1 AND address NOT IN (SELECT address"
                        + " FROM proven_source WHERE client_id = ?1 ORDER BY last_success_at DESC LIMIT ?2)")
                .setParameter(1, clientId)
                .setParameter(2, MAX_ADDRESSES)
                .executeUpdate();
        if (recordedAtNanos.size() >= MAX_APPLICATIONS) {
            recordedAtNanos.clear();
        }
        recordedAtNanos.put(key, now);
        byApplication.remove(clientId);
    }

    private Set<String> load(String clientId) {
        @SuppressWarnings("unchecked")
        List<String> addresses = entityManager
                .createNativeQuery("SELECT address FROM proven_source WHERE client_id = ?1"
                        + " AND last_success_at > now() - make_interval(days => ?2) ORDER BY last_success_at DESC")
                .setParameter(1, clientId)
                .setParameter(2, (int) REMEMBERED_FOR.toDays())
                .setMaxResults(MAX_ADDRESSES)
                .getResultList();
        return Set.copyOf(addresses);
    }
}
