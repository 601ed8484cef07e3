package dev.clavis.it;

import static dev.clavis.it.Clavis.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an answer of Clavis must look like on the wire, checked the same way by every integration test: OAuth errors
 * of the token endpoint (RFC 6749 §5.2), refused bearer tokens (RFC 6750 §3) and problem details of the admin API
 * (RFC 9457). Not to be confused with {@code dev.clavis.token.control.OAuthAssertions}, which the unit tests use.
 */
final class HttpAssertions {

    private HttpAssertions() {}

    /** @return the first value of the header, or null when the answer has none */
    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** RFC 6749 §5.1: tokens and errors of the token endpoint are never cached. */
    static void assertNoStore(HttpResponse<String> response) {
        assertEquals("no-store", header(response, "Cache-Control"));
        assertEquals("no-cache", header(response, "Pragma"));
    }

    /** An OAuth error in JSON, with a description, not cached, and no token. */
    static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertNoStore(response);
        assertTrue(header(response, "Content-Type").startsWith("application/json"), response.body());
        Map<String, Object> body = json(response.body());
        assertEquals(error, body.get("error"), response.body());
        assertNotNull(body.get("error_description"));
        assertNull(body.get("access_token"));
    }

    /** Every failed authentication gets this very answer, whatever the reason. */
    static void assertInvalidClient(HttpResponse<String> response) {
        assertChallenged(response);
        assertEquals("Client authentication failed", json(response.body()).get("error_description"));
    }

    static void assertChallenged(HttpResponse<String> response) {
        assertError(response, 401, "invalid_client");
        String challenge = header(response, "WWW-Authenticate");
        assertNotNull(challenge, "RFC 6749 §5.2: a 401 names the scheme to use");
        assertTrue(challenge.startsWith("Basic realm="), challenge);
    }

    /** RFC 6750 §3.1: a bearer token that is present but not good enough. */
    static void assertInvalidToken(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertEquals("invalid_token", json(response.body()).get("error"));
    }

    /** A problem detail with the status in both places, and no stack trace or exception name leaking out. */
    static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> response.headers().firstValue("Content-Type") + " " + response.body());
        Map<String, Object> problem = json(response.body());
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertNotNull(problem.get("title"));
        assertFalse(response.body().contains("Exception"), response.body());
    }

    /** A 400 problem that names the field among its errors. */
    static void assertFieldError(HttpResponse<String> response, String field) {
        assertProblem(response, 400);
        assertTrue(fieldsOf(response).contains(field), response.body());
    }

    /** The fields a problem's {@code errors} name, in order; none when it has no such list. */
    static List<String> fieldsOf(HttpResponse<String> response) {
        Object errors = json(response.body()).get("errors");
        List<String> fields = new ArrayList<>();
        if (errors instanceof List<?> list) {
            list.forEach(error -> fields.add((String) ((Map<?, ?>) error).get("field")));
        }
        return fields;
    }
}
