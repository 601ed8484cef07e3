package dev.clavis.admin.control;

import dev.clavis.admin.entity.AdminUser;
import dev.clavis.platform.control.BootstrapLedger;
import dev.clavis.platform.control.BootstrapStep;
import dev.clavis.platform.control.ClusterLock;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first administrator of the admin pages, created on the first start only from {@code clavis.admin.username}
 * and {@code clavis.admin.password}, or with a generated password reported exactly once, and remembered in the
 * {@link BootstrapLedger}. A configured password replaces the stored one only when it differs from the one last
 * applied, which is how an operator regains access; one removed from the database stays removed unless
 * {@code clavis.bootstrap.recreate=true}.
 */
@ApplicationScoped
public class BootstrapAdministrator {

    static final int MIN_PASSWORD_LENGTH = 12;

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class.getName());

    /** What happened at start-up, for the banner; the password is present only when it was generated just now. */
    public record Provisioned(String username, Optional<String> generatedPassword, String action) {

        @Override
        public String toString() {
            return "Provisioned[username=" + username + ", action=" + action + "]";
        }
    }

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "clavis.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "clavis.admin.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "clavis.bootstrap.recreate", defaultValue = "false")
    boolean recreate;

    @Transactional
    public Provisioned ensure() {
        if (configuredPassword.isPresent() && configuredPassword.get().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(
                    "clavis.admin.password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (!username.matches("[a-z0-9._@-]{1,64}")) {
            throw new IllegalStateException(
                    "clavis.admin.username must be 1 to 64 lower-case letters, digits or . _ @ -");
        }
        ClusterLock.lockForBootstrap(entityManager);
        SecretHasher hasher = new SecretHasher();
        BootstrapLedger ledger = new BootstrapLedger(entityManager, BootstrapLedger.ADMINISTRATOR);
        Optional<BootstrapLedger.Entry> remembered = ledger.find(username);
        AdminUser existing = entityManager.find(AdminUser.class, username);
        BootstrapStep step = BootstrapStep.decide(
                remembered.isPresent(), existing != null, recreate, configuredPassword.isPresent(), () -> remembered
                        .get()
                        .applied(configuredPassword.get(), hasher));
        Provisioned provisioned =
                switch (step) {
                    case CREATE -> create(ledger, hasher, remembered.isPresent());
                    case LEAVE_DELETED -> new Provisioned(
                            username,
                            Optional.empty(),
                            "removed from the database, not recreated; to create it again, start once with"
                                    + " clavis.bootstrap.recreate=true (CLAVIS_BOOTSTRAP_RECREATE)");
                    case KEEP -> keep(ledger, remembered.isPresent());
                    case APPLY_CONFIGURED -> apply(existing, ledger, hasher, remembered);
                };
        LOG.log(
                step == BootstrapStep.LEAVE_DELETED ? Level.WARNING : Level.INFO,
                () -> "Bootstrap administrator " + username + ": " + provisioned.action());
        return provisioned;
    }

    private Provisioned create(BootstrapLedger ledger, SecretHasher hasher, boolean recreated) {
        String password = configuredPassword.orElseGet(SecretGenerator::newSecret);
        String hash = hasher.hash(password);
        entityManager.persist(new AdminUser(username, hash));
        // the password's own hash serves as the ledger's: the same value under the same slow hash
        ledger.remember(username, configuredPassword.map(configured -> hash));
        String action = (recreated ? "created again (clavis.bootstrap.recreate=true)" : "created")
                + (configuredPassword.isPresent() ? " with clavis.admin.password" : "");
        return new Provisioned(
                username, configuredPassword.isPresent() ? Optional.empty() : Optional.of(password), action);
    }

    private Provisioned keep(BootstrapLedger ledger, boolean remembered) {
        if (!remembered) {
            ledger.remember(username, Optional.empty()); // made before the ledger existed, with no configured value
        }
        return new Provisioned(
                username,
                Optional.empty(),
                configuredPassword.isPresent()
                        ? "exists; clavis.admin.password unchanged since it was last applied, its password kept"
                        : "exists");
    }

    private Provisioned apply(
            AdminUser existing,
            BootstrapLedger ledger,
            SecretHasher hasher,
            Optional<BootstrapLedger.Entry> remembered) {
        String password = configuredPassword.orElseThrow();
        if (hasher.matches(password, existing.passwordHash())) {
            ledger.remember(username, Optional.of(existing.passwordHash()));
            return new Provisioned(
                    username,
                    Optional.empty(),
                    "exists; clavis.admin.password is its password already, remembered as applied");
        }
        String hash = hasher.hash(password);
        existing.changePasswordHash(hash);
        ledger.remember(username, Optional.of(hash));
        return new Provisioned(
                username,
                Optional.empty(),
                "password replaced from clavis.admin.password, "
                        + (remembered
                                        .flatMap(BootstrapLedger.Entry::appliedHash)
                                        .isPresent()
                                ? "which changed since it was last applied"
                                : "which was not applied before"));
    }
}
