package dev.clavis.application.control;

import java.util.Optional;

/**
 * What a secret typed by a person must be to stand in for a generated one. The seeds ask for "a long, random secret
 * value"; this refuses what is plainly not: short values, and values made of a handful of characters repeated.
 */
public final class SecretPolicy {

    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 512;
    private static final int MIN_DISTINCT_CHARACTERS = 10;

    private SecretPolicy() {}

    /** @return why the secret is refused, in words an administrator understands; empty when it is acceptable */
    public static Optional<String> weakness(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long; use a password manager to"
                    + " generate a random value");
        }
        if (secret.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (secret.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        if (!secret.equals(secret.strip())) {
            return Optional.of("must not start or end with white space");
        }
        if (secret.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("is too repetitive to be random; use a password manager to generate one");
        }
        return Optional.empty();
    }
}
