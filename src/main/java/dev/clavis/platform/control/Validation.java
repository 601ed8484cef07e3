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
        return text.codePoints().anyMatch(Validation::isHidden);
    }

    /** Nothing but white space, including no-break spaces ({@link String#isBlank()} misses those). */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /**
     * Text from a caller made safe to echo in a message or store in the audit trail: control and direction characters
     * become '?', and it is cut to {@code maxCharacters} (with '…' only when something was cut).
     */
    public static String printable(String text, int maxCharacters) {
        StringBuilder out = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length && i < maxCharacters; i++) {
            out.appendCodePoint(isHidden(codePoints[i]) ? '?' : codePoints[i]);
        }
        return codePoints.length > maxCharacters ? out.append('…').toString() : out.toString();
    }

    private static boolean isHidden(int c) {
        return Character.isISOControl(c) || isInvisibleFormatting(c);
    }

    /** Direction marks and overrides, and line separators, which make text read differently from what it is. */
    private static boolean isInvisibleFormatting(int c) {
        return (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x2028
                || c == 0x2029;
    }

    public static int lengthInCharacters(String text) {
        return text.codePointCount(0, text.length());
    }
}
