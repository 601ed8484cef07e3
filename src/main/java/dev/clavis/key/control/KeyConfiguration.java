package dev.clavis.key.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The key rotation settings from configuration, with their defaults (reasoned in the README's "Signing keys"). */
@ApplicationScoped
public class KeyConfiguration {

    /** The longest lifetime any application or API may give its tokens ({@code ApplicationRules.MAX_LIFETIME}). */
    static final Duration LONGEST_TOKEN = Duration.ofDays(1);

    @Inject
    @ConfigProperty(name = "clavis.keys.rotation-period", defaultValue = "P90D")
    Duration period;

    @Inject
    @ConfigProperty(name = "clavis.keys.lead-time", defaultValue = "P2D")
    Duration lead;

    @Inject
    @ConfigProperty(name = "clavis.keys.jwks-max-age", defaultValue = "PT5M")
    Duration jwksMaxAge;

    @Inject
    @ConfigProperty(name = "clavis.keys.check-interval", defaultValue = "PT1M")
    Duration checkInterval;

    @Inject
    @ConfigProperty(name = "clavis.token.lifetime-seconds", defaultValue = "3600")
    long defaultLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "clavis.token.clock-skew-seconds", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "clavis.token.signing-algorithm", defaultValue = "RS256")
    String algorithm;

    private volatile KeyPolicy policy;

    /**
     * @return the policy; a retired key stays published for the longest token lifetime, the clock skew a resource
     *     server allows, and the JWKS cache time
     * @throws IllegalStateException when the settings could let a resource server meet an unknown key
     */
    public KeyPolicy policy() {
        KeyPolicy known = policy;
        if (known == null) {
            Duration longest = LONGEST_TOKEN.compareTo(Duration.ofSeconds(defaultLifetimeSeconds)) >= 0
                    ? LONGEST_TOKEN
                    : Duration.ofSeconds(defaultLifetimeSeconds);
            known = new KeyPolicy(
                    period,
                    lead,
                    jwksMaxAge,
                    longest.plusSeconds(clockSkewSeconds).plus(jwksMaxAge == null ? Duration.ZERO : jwksMaxAge),
                    checkInterval);
            if (KeyPairFactory.SUPPORTED.stream()
                    .noneMatch(supported -> supported.getName().equals(algorithm))) {
                throw new IllegalStateException(
                        "clavis.token.signing-algorithm is " + algorithm + "; use one of " + KeyPairFactory.SUPPORTED);
            }
            if (!known.problems().isEmpty()) {
                throw new IllegalStateException(
                        "The signing key settings are unsafe: " + String.join("; ", known.problems()));
            }
            policy = known;
        }
        return known;
    }

    /** @return the algorithm new keys are made for */
    public String algorithm() {
        return algorithm;
    }
}
