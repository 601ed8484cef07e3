package dev.clavis.platform.control;

import java.util.List;

/**
 * How an administrative change ended. Controls return it; the REST boundary turns it into a status, the admin pages
 * into a message, so the rules live in one place.
 */
public sealed interface Outcome<T> {

    /** @return how it ended, in a few words for the audit trail */
    String summary();

    record Done<T>(T value) implements Outcome<T> {
        @Override
        public String summary() {
            return "success";
        }
    }

    record Invalid<T>(List<FieldError> errors) implements Outcome<T> {
        @Override
        public String summary() {
            return "invalid "
                    + errors.stream().map(FieldError::field).distinct().toList();
        }
    }

    record NotFound<T>(String what) implements Outcome<T> {
        @Override
        public String summary() {
            return "not found";
        }
    }

    /** The change contradicts the current state; {@code details} names what stands in the way. */
    record Conflict<T>(String reason, List<String> details) implements Outcome<T> {
        @Override
        public String summary() {
            return reason;
        }
    }

    /** The change was based on an older version than the current one. */
    record Stale<T>() implements Outcome<T> {
        @Override
        public String summary() {
            return "stale version";
        }
    }

    static <T> Outcome<T> invalid(String field, String message) {
        return new Invalid<>(List.of(new FieldError(field, message)));
    }
}
