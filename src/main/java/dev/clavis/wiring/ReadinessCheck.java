package dev.clavis.wiring;

import dev.clavis.key.control.SigningKeys;
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
 * {@code /health/ready} (MicroProfile Health) before sending an instance traffic.
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
        }
    }
}
