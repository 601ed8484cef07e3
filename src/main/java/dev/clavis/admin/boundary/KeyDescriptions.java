package dev.clavis.admin.boundary;

import dev.clavis.key.control.KeyPolicy;
import dev.clavis.key.control.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** How the Signing keys page words a key's state, its instants and the rotation settings. */
final class KeyDescriptions {

    private KeyDescriptions() {}

    /** @return the key's state in words, with the instant that ends or began it */
    static String state(SigningKeys.KeyStatus key, KeyPolicy policy) {
        return switch (key.phase()) {
            case NEXT -> "Next — published, signs from " + instant(key.activeFrom());
            case ACTIVE -> key.retiresAt() == null
                    ? "Active — signs until a next key takes over"
                    : "Active — signs until " + instant(key.retiresAt());
            case RETIRED -> "Retired — published until every token it signed has expired ("
                    + instant(key.retiresAt().plus(policy.retention())) + ")";
            case EXPIRED -> "Expired — no longer published: every token it signed has expired";
            case REVOKED -> "Revoked — removed from the JWKS on " + instant(key.revokedAt());
        };
    }

    /** @return the rotation settings, each with what it is for and the configuration property that sets it */
    static List<KeysPage.Setting> settings(KeyPolicy policy, String algorithm) {
        return List.of(
                new KeysPage.Setting(
                        "Rotation period",
                        KeyDescriptions.duration(policy.period()),
                        "How long a key signs before the next key takes over (clavis.keys.rotation-period)."),
                new KeysPage.Setting(
                        "Lead time",
                        KeyDescriptions.duration(policy.lead()),
                        "How long a next key is published before it signs: longer than any resource server keeps"
                                + " the JWKS, so none meets a key it does not know (clavis.keys.lead-time)."),
                new KeysPage.Setting(
                        "JWKS max-age",
                        KeyDescriptions.duration(policy.jwksMaxAge()),
                        "How long resource servers may cache the JWKS; also how long a revoked key may still be"
                                + " accepted by one that fetched the JWKS just before (clavis.keys.jwks-max-age)."),
                new KeysPage.Setting(
                        "Retention",
                        KeyDescriptions.duration(policy.retention()),
                        "How long a retired key stays published: the longest token lifetime, the clock skew and"
                                + " the JWKS max-age, so that every token it signed expires first."),
                new KeysPage.Setting(
                        "Key check",
                        "every " + KeyDescriptions.duration(policy.checkInterval()),
                        "How often each instance makes the next key when it is due and lets old keys go"
                                + " (clavis.keys.check-interval)."),
                new KeysPage.Setting(
                        "Algorithm of new keys",
                        algorithm,
                        "A change takes effect by rotation: the next key has the new algorithm and is published"
                                + " ahead (clavis.token.signing-algorithm)."));
    }

    /** @return the instant to the second, in UTC as ISO 8601 writes it ({@code 2030-01-31T12:00:00Z}); "—" for none */
    static String instant(Instant instant) {
        return instant == null ? "—" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** @return the duration in days, hours, minutes and seconds, leaving out the units that are zero */
    static String duration(Duration duration) {
        List<String> parts = new ArrayList<>();
        add(parts, duration.toDaysPart(), "day");
        add(parts, duration.toHoursPart(), "hour");
        add(parts, duration.toMinutesPart(), "minute");
        add(parts, duration.toSecondsPart(), "second");
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
