package dev.clavis.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthResponseTest {

    private static Map<String, Object> json(OAuthException exception) throws ParseException {
        return JSONObjectUtils.parse(OAuthResponse.toJson(exception));
    }

    @Test
    void toJsonThenExactlyErrorAndDescription() throws ParseException {
        assertEquals(
                Map.of("error", "invalid_request", "error_description", "The grant_type parameter is missing"),
                json(OAuthException.invalidRequest("The grant_type parameter is missing")));
    }

    @ParameterizedTest
    @EnumSource(OAuthError.class)
    void toJsonThenErrorIsTheRfc6749Code(OAuthError error) throws ParseException {
        assertEquals(error.code(), json(new OAuthException(error, "x")).get("error"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "quote \" and backslash \\",
                "line\nbreak",
                "caf\u00e9 \u20ac",
                "</script><script>",
                "{\"error\":\"x\"}"
            })
    void toJsonWhenDescriptionHasSpecialCharactersThenEscapedAndRoundTrips(String description) throws ParseException {
        Map<String, Object> body = json(OAuthException.invalidRequest(description));
        assertEquals(Map.of("error", "invalid_request", "error_description", description), body);
    }

    @Test
    void challengeWhenInvalidClientThenBasicChallenge() {
        assertEquals(
                Optional.of("Basic realm=\"clavis\", charset=\"UTF-8\""),
                OAuthResponse.challenge(OAuthException.clientAuthenticationFailed()));
    }

    @ParameterizedTest
    @EnumSource(value = OAuthError.class, names = "INVALID_CLIENT", mode = EnumSource.Mode.EXCLUDE)
    void challengeWhenNot401ThenNone(OAuthError error) {
        assertEquals(Optional.empty(), OAuthResponse.challenge(new OAuthException(error, "x")));
    }

    @ParameterizedTest
    @ValueSource(ints = {405, 413})
    void challengeWhenHttpStatusOverriddenThenNone(int status) {
        assertEquals(
                Optional.empty(), OAuthResponse.challenge(new OAuthException(OAuthError.INVALID_REQUEST, "x", status)));
    }
}
