package dev.clavis.application.control;

import dev.clavis.application.entity.Application;
import dev.clavis.application.entity.ClientSecret;
import dev.clavis.platform.control.ClusterLock;
import dev.clavis.platform.control.SecretDigests;
import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application an operator starts with: it holds the {@code clavis-admin} role, so its tokens can administer
 * Clavis. It is created on the first start, with the secret from {@code clavis.bootstrap.client-secret} or a
 * generated one that is reported exactly once. Setting that key later replaces the secret, which is how an
 * operator regains access after losing it.
 */
@ApplicationScoped
public class BootstrapApplication {

    public static final String ADMIN_ROLE = "clavis-admin";

    /** What happened at start-up, for the banner; the secret is present only when it was generated just now. */
    public record Provisioned(String clientId, Optional<String> generatedSecret, String action) {

        @Override
        public String toString() {
            return "Provisioned[clientId=" + clientId + ", action=" + action + "]";
        }
    }

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    SecretDigests digests;

    @Inject
    @ConfigProperty(name = "clavis.bootstrap.client-id", defaultValue = "clavis-admin")
    String clientId;

    @Inject
    @ConfigProperty(name = "clavis.bootstrap.client-secret")
    Optional<String> configuredSecret;

    @Transactional
    public Provisioned ensure() {
        configuredSecret.flatMap(SecretPolicy::weakness).ifPresent(weakness -> {
            throw new IllegalStateException("clavis.bootstrap.client-secret " + weakness);
        });
        ClusterLock.lockForBootstrap(entityManager);
        Application existing = entityManager.find(Application.class, clientId);
        if (existing == null) {
            Application application = new Application(clientId, "Clavis administration");
            application.grant(entityManager.find(Role.class, ADMIN_ROLE));
            Application.AddedSecret added = configuredSecret.isPresent()
                    ? application.addTypedSecret(configuredSecret.get(), digests, null)
                    : application.addGeneratedSecret(digests, null);
            entityManager.persist(application);
            return new Provisioned(
                    clientId,
                    configuredSecret.isPresent() ? Optional.empty() : Optional.of(added.clearSecret()),
                    "created");
        }
        if (configuredSecret.isPresent()) {
            String secret = configuredSecret.get();
            Instant now = Instant.now();
            boolean matches = existing.secrets().stream()
                    .anyMatch(stored -> stored.isActive(now) && digests.matches(secret, stored.secretHash()));
            if (!matches) {
                existing.secrets().forEach(ClientSecret::revoke);
                existing.addTypedSecret(secret, digests, null);
                return new Provisioned(
                        clientId, Optional.empty(), "secret replaced from clavis.bootstrap.client-secret");
            }
        }
        return new Provisioned(clientId, Optional.empty(), "exists");
    }
}
