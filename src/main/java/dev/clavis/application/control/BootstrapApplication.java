package dev.clavis.application.control;

import dev.clavis.api.control.BuiltInApis;
import dev.clavis.api.entity.Api;
import dev.clavis.application.entity.Application;
import dev.clavis.application.entity.ClientSecret;
import dev.clavis.platform.control.BootstrapLedger;
import dev.clavis.platform.control.BootstrapStep;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.platform.control.ClusterLock;
import dev.clavis.platform.control.SecretDigests;
import dev.clavis.platform.control.SecretHasher;
import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application an operator starts with: it holds the {@code clavis-admin} role, so its tokens can administer
 * Clavis. It is created on the first start only, with the secret from {@code clavis.bootstrap.client-secret} or a
 * generated one that is reported exactly once, and remembered in the {@link BootstrapLedger}. Later starts leave it
 * as administrators left it: deleted stays deleted (unless {@code clavis.bootstrap.recreate=true}), and rotated
 * secrets stay rotated. A configured secret replaces the stored ones only when it differs from the one last applied,
 * which is how an operator regains access after losing it: by configuring a new value.
 */
@ApplicationScoped
public class BootstrapApplication {

    public static final String ADMIN_ROLE = BuiltInApis.ADMINISTRATION_ROLE;

    private static final Logger LOG = Logger.getLogger(BootstrapApplication.class.getName());

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
    Event<ClientsChanged> changes;

    @Inject
    @ConfigProperty(name = "clavis.bootstrap.client-id", defaultValue = "clavis-admin")
    String clientId;

    @Inject
    @ConfigProperty(name = "clavis.bootstrap.client-secret")
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "clavis.bootstrap.recreate", defaultValue = "false")
    boolean recreate;

    @Transactional
    public Provisioned ensure() {
        configuredSecret.flatMap(SecretPolicy::weakness).ifPresent(weakness -> {
            throw new IllegalStateException("clavis.bootstrap.client-secret " + weakness);
        });
        ClusterLock.lockForBootstrap(entityManager);
        SecretHasher hasher = new SecretHasher();
        BootstrapLedger ledger = new BootstrapLedger(entityManager, BootstrapLedger.APPLICATION);
        Optional<BootstrapLedger.Entry> remembered = ledger.find(clientId);
        Application existing = entityManager.find(Application.class, clientId);
        BootstrapStep step = BootstrapStep.decide(
                remembered.isPresent(), existing != null, recreate, configuredSecret.isPresent(), () -> remembered
                        .get()
                        .applied(configuredSecret.get(), hasher));
        Provisioned provisioned =
                switch (step) {
                    case CREATE -> create(ledger, hasher, remembered.isPresent());
                    case LEAVE_DELETED -> new Provisioned(
                            clientId,
                            Optional.empty(),
                            "deleted by an administrator, not recreated; to create it again, start once with"
                                    + " clavis.bootstrap.recreate=true (CLAVIS_BOOTSTRAP_RECREATE)");
                    case KEEP -> keep(ledger, remembered.isPresent());
                    case APPLY_CONFIGURED -> apply(existing, ledger, hasher, remembered);
                };
        LOG.log(
                step == BootstrapStep.LEAVE_DELETED ? Level.WARNING : Level.INFO,
                () -> "Bootstrap application " + clientId + ": " + provisioned.action());
        return provisioned;
    }

    private Provisioned create(BootstrapLedger ledger, SecretHasher hasher, boolean recreated) {
        Application application = new Application(clientId, "Clavis administration");
        application.grant(entityManager.find(Role.class, ADMIN_ROLE));
        application.grantApi(entityManager.find(Api.class, BuiltInApis.ADMINISTRATION_ID));
        Application.AddedSecret added = configuredSecret.isPresent()
                ? application.addTypedSecret(configuredSecret.get(), digests, null)
                : application.addGeneratedSecret(digests, null);
        String secret = added.clearSecret();
        entityManager.persist(application);
        changes.fire(ClientsChanged.of(clientId)); // another instance may remember it as unknown
        ledger.remember(clientId, configuredSecret.map(hasher::hash));
        String action = (recreated ? "created again (clavis.bootstrap.recreate=true)" : "created")
                + (configuredSecret.isPresent() ? " with clavis.bootstrap.client-secret" : "");
        return new Provisioned(clientId, configuredSecret.isPresent() ? Optional.empty() : Optional.of(secret), action);
    }

    private Provisioned keep(BootstrapLedger ledger, boolean remembered) {
        if (!remembered) {
            ledger.remember(clientId, Optional.empty()); // made before the ledger existed, with no configured value
        }
        return new Provisioned(
                clientId,
                Optional.empty(),
                configuredSecret.isPresent()
                        ? "exists; clavis.bootstrap.client-secret unchanged since it was last applied, its secrets kept"
                        : "exists");
    }

    private Provisioned apply(
            Application existing,
            BootstrapLedger ledger,
            SecretHasher hasher,
            Optional<BootstrapLedger.Entry> remembered) {
        String secret = configuredSecret.orElseThrow();
        Instant now = Instant.now();
        boolean inUse = existing.secrets().stream()
                .anyMatch(stored -> stored.isActive(now) && digests.matches(secret, stored.secretHash()));
        ledger.remember(clientId, Optional.of(hasher.hash(secret)));
        if (inUse) {
            return new Provisioned(
                    clientId,
                    Optional.empty(),
                    "exists; clavis.bootstrap.client-secret is one of its active secrets already, remembered as"
                            + " applied");
        }
        existing.secrets().forEach(ClientSecret::revoke);
        existing.addTypedSecret(secret, digests, null);
        changes.fire(ClientsChanged.of(clientId)); // other instances running now must stop taking the old secrets
        return new Provisioned(
                clientId,
                Optional.empty(),
                "secret replaced from clavis.bootstrap.client-secret, "
                        + (remembered
                                        .flatMap(BootstrapLedger.Entry::appliedHash)
                                        .isPresent()
                                ? "which changed since it was last applied"
                                : "which was not applied before")
                        + "; its other secrets are revoked");
    }
}
