package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuthExceptionTest {

    @ParameterizedTest
    @CsvSource({
        "INVALID_REQUEST, invalid_request, 400",
        "INVALID_CLIENT, invalid_client, 401",
        "UNAUTHORIZED_CLIENT, unauthorized_client, 400",
        "UNSUPPORTED_GRANT_TYPE, unsupported_grant_type, 400",
        "INVALID_SCOPE, invalid_scope, 400",
        "SERVER_ERROR, server_error, 500"
    })
    void constructorWhenNoStatusGivenThenStatusOfTheError(OAuthError error, String code, int status) {
        OAuthException exception = new OAuthException(error, "description");
        assertAll(() -> assertEquals(code, exception.error().code()), () -> assertEquals(status, exception.status()));
    }

    @Test
    void constructorWhenStatusGivenThenKeepsErrorAndStatus() {
        OAuthException exception = new OAuthException(OAuthError.INVALID_REQUEST, "Only POST", 405);
        assertAll(
                () -> assertEquals(OAuthError.INVALID_REQUEST, exception.error()),
                () -> assertEquals(405, exception.status()));
    }

    @Test
    void invalidRequestThenInvalidRequest400() {
        OAuthException exception = OAuthException.invalidRequest("bad");
        assertAll(
                () -> assertEquals(OAuthError.INVALID_REQUEST, exception.error()),
                () -> assertEquals(400, exception.status()),
                () -> assertEquals("bad", exception.description()));
    }

    @Test
    void invalidClientThenInvalidClient401() {
        OAuthException exception = OAuthException.invalidClient("who?");
        assertAll(
                () -> assertEquals(OAuthError.INVALID_CLIENT, exception.error()),
                () -> assertEquals(401, exception.status()),
                () -> assertEquals("who?", exception.description()));
    }

    @Test
    void descriptionThenIsTheMessage() {
        OAuthException exception = OAuthException.invalidRequest("The grant_type parameter is missing");
        assertEquals(exception.getMessage(), exception.description());
    }

    @Test
    void constructorThenNoStackTraceAndNoSuppressed() {
        OAuthException exception = OAuthException.invalidRequest("bad");
        exception.addSuppressed(new IllegalStateException());
        assertAll(
                () -> assertEquals(0, exception.getStackTrace().length),
                () -> assertEquals(0, exception.getSuppressed().length));
    }
}
