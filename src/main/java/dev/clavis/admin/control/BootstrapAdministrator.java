package dev.clavis.admin.control;

import dev.clavis.admin.entity.AdminUser;
import dev.clavis.platform.control.ClusterLock;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first administrator of the admin pages, created on the first start from {@code clavis.admin.username} and
 * {@code clavis.admin.password}, or with a generated password reported exactly once. Setting the password later
 * replaces it, which is how an operator regains access.
 */
@ApplicationScoped
public class BootstrapAdministrator {

    static final int MIN_PASSWORD_LENGTH = 12;

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
        AdminUser existing = entityManager.find(AdminUser.class, username);
        if (existing == null) {
            String password = configuredPassword.orElseGet(SecretGenerator::newSecret);
            entityManager.persist(new AdminUser(username, hasher.hash(password)));
            return new Provisioned(
                    username, configuredPassword.isPresent() ? Optional.empty() : Optional.of(password), "created");
        }
        if (configuredPassword.isPresent() && !hasher.matches(configuredPassword.get(), existing.passwordHash())) {
            existing.changePasswordHash(hasher.hash(configuredPassword.get()));
            return new Provisioned(username, Optional.empty(), "password replaced from clavis.admin.password");
        }
        return new Provisioned(username, Optional.empty(), "exists");
    }
}
