package dev.clavis.platform.control;

import java.util.List;

/**
 * How an administrative change ended. Controls return it; the REST boundary turns it into a status, the admin pages
 * into a message, so the rules live in one place.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    record Invalid<T>(List<FieldError> errors) implements Outcome<T> {}

    record NotFound<T>(String what) implements Outcome<T> {}

    /** The change contradicts the current state; {@code details} names what stands in the way. */
    record Conflict<T>(String reason, List<String> details) implements Outcome<T> {}

    /** The change was based on an older version than the current one. */
    record Stale<T>() implements Outcome<T> {}

    static <T> Outcome<T> invalid(String field, String message) {
        return new Invalid<>(List.of(new FieldError(field, message)));
    }
}
