package dev.clavis.admin.control;

import dev.clavis.admin.entity.AdminUser;
import dev.clavis.audit.control.AuditTrail;
import dev.clavis.platform.control.FailureThrottle;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SecretHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an administrator's username and password. Every failure looks the same (unknown user or wrong password,
 * both cost one slow hash), and repeated failures per username and per address are slowed down.
 */
@ApplicationScoped
public class AdminSignIn {

    /** How a sign-in attempt ended. */
    public sealed interface Result {}

    public record SignedIn(String username) implements Result {}

    public record Refused() implements Result {}

    public record Throttled(Duration retryAfter) implements Result {}

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    private final SecretHasher hasher = new SecretHasher();
    private final FailureThrottle throttle = new FailureThrottle();
    private String decoyHash;

    @PostConstruct
    void init() {
        decoyHash = hasher.hash(SecretGenerator.newSecret());
    }

    public Result signIn(String username, String password, String remoteAddress) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String userKey = "user:" + user;
        String addressKey = "address:" + remoteAddress;
        long now = System.nanoTime();
        Duration wait = max(throttle.remainingWait(userKey, now), throttle.remainingWait(addressKey, now));
        if (!wait.isZero()) {
            return new Throttled(wait);
        }
        Optional<AdminUser> found = user.isEmpty() || user.length() > 64
                ? Optional.empty()
                : Optional.ofNullable(entityManager.find(AdminUser.class, user));
        String secret = password == null ? "" : password;
        boolean matches;
        if (found.isPresent()) {
            matches = hasher.matches(secret, found.get().passwordHash());
        } else {
            hasher.matches(secret, decoyHash); // the same cost as for a real user
            matches = false;
        }
        if (!matches) {
            throttle.failed(userKey, now);
            throttle.failed(addressKey, now);
            audit.signInRefused(user.isEmpty() ? "(empty)" : user, remoteAddress);
            return new Refused();
        }
        throttle.succeeded(userKey);
        throttle.succeeded(addressKey);
        return new SignedIn(user);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
