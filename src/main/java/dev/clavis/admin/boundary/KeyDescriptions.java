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
