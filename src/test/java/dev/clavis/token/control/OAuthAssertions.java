package dev.clavis.token.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the {@link OAuthException} a token endpoint class throws. */
final class OAuthAssertions {

    private OAuthAssertions() {}

    /**
     * Asserts that {@code executable} fails with {@code error}, the HTTP status RFC 6749 §5.2 gives it, and a
     * description made only of the characters §5.2 allows in {@code error_description}.
     */
    static OAuthException assertOAuthError(OAuthError error, Executable executable) {
        OAuthException exception = assertThrows(OAuthException.class, executable);
        assertAll(
                () -> assertEquals(error, exception.error(), "error code; description: " + exception.description()),
                () -> assertEquals(error.status(), exception.status(), "HTTP status"),
                () -> assertTrue(
                        exception.description().chars().allMatch(OAuthAssertions::isDescriptionChar),
                        "error_description outside %x20-21 / %x23-5B / %x5D-7E: " + exception.description()));
        return exception;
    }

    /** RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E (printable ASCII without '"' and '\'). */
    private static boolean isDescriptionChar(int c) {
        return c == 0x20 || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }

    /** Asserts that a description shown to the caller does not contain {@code text} (a secret, an unknown name). */
    static void assertNotEchoed(String text, OAuthException exception) {
        assertFalse(
                exception.description().contains(text),
                () -> "description must not contain '" + text + "': " + exception.description());
    }
}
