package dev.clavis.key.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where each signing key is in its life at a given instant, from the instants written when it was made: published
 * ahead ({@link Phase#NEXT}), signing ({@link Phase#ACTIVE}) from {@code activeFrom} until {@code retiresAt}, then
 * published ({@link Phase#RETIRED}) for the retention, then gone; or, once revoked, gone at once. Every instance
 * reads the same instants, so all switch at the same moment without talking to each other.
 */
public final class KeySchedule {

    public enum Phase {
        NEXT,
        ACTIVE,
        RETIRED,
        /** Past its retention: no token it signed is still valid, so it is no longer published. */
        EXPIRED,
        REVOKED;

        public boolean isPublished() {
            return this == NEXT || this == ACTIVE || this == RETIRED;
        }
    }

    /** @param retiresAt null while not scheduled yet: the key signs until a successor takes over */
    public record Times(String kid, Instant createdAt, Instant activeFrom, Instant retiresAt, Instant revokedAt) {}

    private KeySchedule() {}

    public static Phase phase(Times key, Instant now, KeyPolicy policy) {
        if (key.revokedAt() != null && !now.isBefore(key.revokedAt())) {
            return Phase.REVOKED;
        }
        if (now.isBefore(key.activeFrom())) {
            return Phase.NEXT;
        }
        if (key.retiresAt() == null || now.isBefore(key.retiresAt())) {
            return Phase.ACTIVE;
        }
        return now.isBefore(key.retiresAt().plus(policy.retention())) ? Phase.RETIRED : Phase.EXPIRED;
    }

    /**
     * The key that signs now: the active one with the latest start. Should the schedule have a gap (no instance ran
     * to make the next key in time), the newest published key that has started keeps signing, since a token that
     * validates beats no token.
     */
    public static Optional<Times> signing(List<Times> keys, Instant now, KeyPolicy policy) {
        Comparator<Times> byStart = Comparator.comparing(Times::activeFrom);
        Optional<Times> active = keys.stream()
                .filter(key -> phase(key, now, policy) == Phase.ACTIVE)
                .max(byStart);
        return active.isPresent()
                ? active
                : keys.stream()
                        .filter(key -> phase(key, now, policy).isPublished() && !now.isBefore(key.activeFrom()))
                        .max(byStart);
    }

    public static List<Times> published(List<Times> keys, Instant now, KeyPolicy policy) {
        return keys.stream()
                .filter(key -> phase(key, now, policy).isPublished())
                .sorted(Comparator.comparing(Times::activeFrom))
                .toList();
    }

    /** @return the first instant after {@code now} at which some key changes phase: when to look again */
    public static Optional<Instant> nextChange(List<Times> keys, Instant now, KeyPolicy policy) {
        return keys.stream()
                .flatMap(key -> java.util.stream.Stream.of(
                        key.activeFrom(),
                        key.retiresAt(),
                        key.retiresAt() == null ? null : key.retiresAt().plus(policy.retention()),
                        key.revokedAt()))
                .filter(instant -> instant != null && instant.isAfter(now))
                .min(Comparator.naturalOrder());
    }

    /**
     * @return when the next key must start signing if one is to be made now, or empty when a key that has not
     *     started yet is published already: there is always exactly one next key
     */
    public static Optional<Instant> nextKeyDue(List<Times> keys, Instant now, KeyPolicy policy) {
        boolean hasNext = keys.stream().anyMatch(key -> phase(key, now, policy) == Phase.NEXT);
        if (hasNext) {
            return Optional.empty();
        }
        Instant earliest = now.plus(policy.lead());
        return Optional.of(signing(keys, now, policy)
                .map(current -> current.retiresAt() == null ? earliest : later(current.retiresAt(), earliest))
                .orElse(now));
    }

    /** The instant a planned rotation can take place: once the next key has been published a whole lead time. */
    public static Instant safeRotation(Times next, Instant now, KeyPolicy policy) {
        return later(now, next.createdAt().plus(policy.lead()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
