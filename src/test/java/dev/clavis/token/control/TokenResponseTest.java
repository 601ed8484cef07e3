package dev.clavis.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TokenResponseTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJteS1hcHAifQ.c2lnbmF0dXJl";

    private static TokenResponse response(String... scope) {
        return new TokenResponse(TOKEN, 3600, new TreeSet<>(Set.of(scope)));
    }

    private static Map<String, Object> json(TokenResponse response) throws ParseException {
        return JSONObjectUtils.parse(response.toJson());
    }

    @Test
    void toJsonThenRfc6749Section51Members() throws ParseException {
        assertEquals(
                Map.of("access_token", TOKEN, "token_type", "Bearer", "expires_in", 3600L, "scope", "read write"),
                json(response("write", "read")));
    }

    @Test
    void toJsonThenExpiresInIsANumber() throws ParseException {
        Object expiresIn = json(response("read")).get("expires_in");
        assertInstanceOf(Number.class, expiresIn);
        assertEquals(3600, ((Number) expiresIn).longValue());
    }

    @Test
    void toJsonThenNoRefreshToken() throws ParseException {
        // RFC 6749 §4.4.3: a refresh token SHOULD NOT be included.
        assertFalse(json(response("read")).containsKey("refresh_token"));
    }

    @Test
    void toStringThenHidesToken() {
        String text = response("read").toString();
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains("eyJ"), text);
    }
}
