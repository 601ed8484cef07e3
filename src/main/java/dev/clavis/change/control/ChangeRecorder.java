package dev.clavis.change.control;

import dev.clavis.platform.control.ApisChanged;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.platform.control.FromOtherInstance;
import dev.clavis.platform.control.KeysChanged;
import dev.clavis.platform.control.TokenRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes a row of the change feed for every change event, while the change's transaction is still open (the events
 * are fired inside it): the row commits with the change or not at all, and an instance that reads the row can read
 * the change. Events the feed itself brought from another instance are in the feed already.
 */
@ApplicationScoped
public class ChangeRecorder {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    ChangeFeed feed;

    void onClientsChanged(
            @Observes(during = TransactionPhase.IN_PROGRESS) ClientsChanged change, EventMetadata metadata) {
        record(Change.of(change), metadata);
    }

    void onApisChanged(@Observes(during = TransactionPhase.IN_PROGRESS) ApisChanged change, EventMetadata metadata) {
        record(Change.of(change), metadata);
    }

    void onKeysChanged(@Observes(during = TransactionPhase.IN_PROGRESS) KeysChanged change, EventMetadata metadata) {
        record(Change.of(change), metadata);
    }

    void onTokenRevoked(@Observes(during = TransactionPhase.IN_PROGRESS) TokenRevoked change, EventMetadata metadata) {
        record(Change.of(change), metadata);
    }

    /** The subject is cast because a null parameter has no type of its own. */
    private void record(Change change, EventMetadata metadata) {
        if (metadata.getQualifiers().stream().anyMatch(q -> q.annotationType() == FromOtherInstance.class)) {
            return;
        }
        entityManager
                .createNativeQuery(
                        "INSERT INTO change_event (origin, kind, subject) VALUES (?1, ?2, CAST(?3 AS varchar))")
                .setParameter(1, feed.origin())
                .setParameter(2, change.kind())
                .setParameter(3, change.subject())
                .executeUpdate();
    }
}
