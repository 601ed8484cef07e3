package dev.clavis.wiring;

import dev.clavis.key.control.SigningKeys;
import dev.clavis.platform.control.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to issue tokens: a signing key is loaded and the database answers. A load balancer asks the server's
 * {@code /health/ready} (MicroProfile Health) before sending an instance traffic. While the database is down this
 * is DOWN (the token endpoint still serves the clients it holds, for a while), and UP again as soon as the pool has a
 * working connection: every check asks the database, not a remembered answer.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    SigningKeys signingKeys;

    @Override
    public HealthCheckResponse call() {
        boolean keys = signingKeys.isLoaded();
        boolean database = databaseAnswers();
        return HealthCheckResponse.named("clavis")
                .status(keys && database)
                .withData("signingKey", keys)
                .withData("database", database)
                .build();
    }

    private boolean databaseAnswers() {
        try {
            entityManager.createNativeQuery("SELECT 1").getSingleResult();
            return true;
        } catch (PersistenceException e) {
            return false;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                return false; // the pool itself refused, not wrapped by JPA
            }
            throw e;
        }
    }
}
