package dev.clavis.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /**
     * The rule of every display name: entered, at most {@code max} characters, visible characters only.
     *
     * @param shownIn where the name is shown, in the message for an empty one ("the Applications list")
     */
    public void checkDisplayName(String name, int max, String shownIn) {
        if (isBlank(name)) {
            reject("displayName", "Enter a friendly name; it is shown in " + shownIn);
        } else if (lengthInCharacters(name) > max) {
            reject("displayName", "Use at most " + max + " characters");
        } else if (hasControlCharacters(name)) {
            reject("displayName", "Use visible characters only (no control or direction characters)");
        }
    }

    /** The rule of every list of role names: at most {@code max}, each an existing role (named, not echoed whole). */
    public void checkRoles(List<String> roles, Set<String> existingRoles, int max) {
        List<String> named = roles == null ? List.of() : roles;
        if (named.size() > max) {
            reject("roles", "Choose at most " + max + " roles");
            return;
        }
        List<String> unknown = named.stream()
                .filter(role -> role == null || !existingRoles.contains(role))
                .map(role -> role == null ? "null" : printable(role, 64))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            reject("roles", "These roles do not exist: " + String.join(", ", unknown));
        }
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
