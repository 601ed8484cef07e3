package dev.clavis.platform.control;

import java.util.ArrayList;
import java.util.List;

/** Collects the {@link FieldError}s of one submission, so that all of them are reported at once. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Text an administrator typed: no control characters (they hide text, break logs and terminals). */
    public static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || isInvisibleFormatting(c));
    }

    /** Bidirectional overrides and similar characters that make text read differently from what it is. */
    private static boolean isInvisibleFormatting(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }

    public static int lengthInCharacters(String text) {
        return text.codePointCount(0, text.length());
    }
}
