package dev.clavis.key.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How signing keys rotate, from configuration, checked once at start so that a schedule that could let a resource
 * server meet an unknown {@code kid} is refused before any key is made.
 *
 * @param period how long a key signs before the next one takes over
 * @param lead how long before it signs a key is published: longer than the slowest JWKS cache of a resource server
 * @param jwksMaxAge what the JWKS response allows caches to keep it
 * @param retention how long a retired key stays published: the longest token lifetime, the clock skew and the JWKS
 *     cache, so that every token it signed expires before a resource server forgets it
 * @param checkInterval how often each instance looks at the keys: creates the next key when it is due, forgets old
 *     ones, and reads what another instance changed
 */
public record KeyPolicy(
        Duration period, Duration lead, Duration jwksMaxAge, Duration retention, Duration checkInterval) {

    /** @return what is wrong with this policy, in words for the operator; empty when it is sound */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!isPositive(period) || !isPositive(lead) || !isPositive(jwksMaxAge) || !isPositive(checkInterval)) {
            problems.add("clavis.keys.rotation-period, clavis.keys.lead-time, clavis.keys.jwks-max-age and"
                    + " clavis.keys.check-interval must all be positive durations (such as P90D, PT5M)");
            return problems;
        }
        if (lead.compareTo(jwksMaxAge) < 0) {
            problems.add("clavis.keys.lead-time (" + lead + ") is shorter than clavis.keys.jwks-max-age (" + jwksMaxAge
                    + "): a resource server could hold a JWKS without the key that signs");
        }
        if (period.compareTo(lead.plus(checkInterval)) <= 0) {
            problems.add("clavis.keys.rotation-period (" + period + ") must be longer than clavis.keys.lead-time ("
                    + lead + ") plus clavis.keys.check-interval (" + checkInterval
                    + "), so that each next key is published a whole lead time before it signs");
        }
        if (checkInterval.compareTo(lead) >= 0) {
            problems.add("clavis.keys.check-interval (" + checkInterval + ") must be shorter than"
                    + " clavis.keys.lead-time (" + lead + ")");
        }
        return problems;
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
