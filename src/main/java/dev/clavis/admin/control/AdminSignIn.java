package dev.clavis.admin.control;

import dev.clavis.admin.entity.AdminUser;
import dev.clavis.audit.control.AuditTrail;
import dev.clavis.platform.control.GuessThrottle;
import dev.clavis.platform.control.OAuthException;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.SecretHasher;
import dev.clavis.platform.control.SharedGuessFailures;
import dev.clavis.platform.control.SlowHashGate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks an administrator's username and password. Every failure looks the same (unknown user, a name that cannot be
 * one, or a wrong password: each costs one slow hash). Guessing is slowed down by a {@link GuessThrottle} with the
 * username as target and the browser as source: a source that keeps failing waits longer and longer, and sources
 * that never signed in as that administrator share a small budget per username. A browser with a device cookie for
 * the username is a proven source, outside that budget, so strangers' failures never lock its administrator out.
 *
 * <p>The attempt is reserved in the throttle before the hash runs (concurrent posts get no more guesses than
 * sequential ones), and the hash runs through the {@link SlowHashGate} shared with the token endpoint.
 */
@ApplicationScoped
public class AdminSignIn {

    /** Stands for every typed name that cannot be a username, so that none of them becomes a key. */
    static final String INVALID_NAME_TARGET = "(not a username)";
    /** Longer than any password a person types; a longer one is refused without being hashed. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    /** How a sign-in attempt ended. */
    public sealed interface Result {}

    public record SignedIn(String username) implements Result {}

    public record Refused() implements Result {}

    public record Throttled(Duration retryAfter) implements Result {}

    /** The hashing gate had no turn free: nothing was checked. */
    public record Busy(Duration retryAfter) implements Result {}

    /** Where an attempt comes from: a key of bounded length, and whether it signed in as this user before. */
    public record Source(String key, boolean proven, String address) {

        public static Source address(String address) {
            return new Source("address:" + address, false, address);
        }

        public static Source device(String deviceKey, String address) {
            return new Source(deviceKey, true, address);
        }
    }

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    @Inject
    SlowHashGate gate;

    @Inject
    SharedGuessFailures sharedFailures;

    private final SecretHasher hasher = new SecretHasher();
    private GuessThrottle throttle;
    private String decoyHash;

    @PostConstruct
    void init() {
        decoyHash = hasher.hash(SecretGenerator.newSecret());
        throttle = sharedFailures.throttle(SharedGuessFailures.ADMINISTRATORS);
    }

    /**
     * @param typedUsername what was typed, unchecked and of any length
     * @param source where it comes from; proven only with a device cookie for this very username
     */
    public Result signIn(String typedUsername, String password, Source source) {
        Optional<String> username = AdminUsernames.checked(typedUsername);
        GuessThrottle.Attempt attempt =
                throttle.begin(username.orElse(INVALID_NAME_TARGET), source.key(), source.proven(), System.nanoTime());
        if (attempt instanceof GuessThrottle.Refused refused) {
            return new Throttled(refused.retryAfter());
        }
        Optional<AdminUser> found = username.map(name -> entityManager.find(AdminUser.class, name));
        boolean matches;
        try {
            matches = gate.run(() -> check(found, password));
        } catch (OAuthException busy) {
            // Nothing was checked; the reserved failure stays counted, as the throttle cannot tell this from a guess.
            return new Busy(Duration.ofSeconds(Math.max(1, busy.retryAfterSeconds())));
        }
        if (!matches) {
            ((GuessThrottle.Admitted) attempt).failed();
            audit.signInRefused(typedUsername == null ? "" : typedUsername, source.address());
            return new Refused();
        }
        ((GuessThrottle.Admitted) attempt).succeeded();
        return new SignedIn(found.get().username());
    }

    /** One slow hash whatever the case, so that an unknown or impossible name takes as long as a wrong password. */
    private boolean check(Optional<AdminUser> user, String password) {
        boolean usable = password != null && password.length() <= MAX_PASSWORD_LENGTH;
        String typed = usable ? password : "";
        if (user.isPresent()) {
            return hasher.matches(typed, user.get().passwordHash()) && usable;
        }
        hasher.matches(typed, decoyHash);
        return false;
    }
}
