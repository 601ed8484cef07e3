package dev.clavis.token.control;

import static dev.clavis.token.control.BasicCredentialsTest.basic;
import static dev.clavis.token.control.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clavis.platform.control.OAuthError;
import dev.clavis.token.control.ClientCredentials.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresentedTokenRequestReaderTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BASIC = basic("my-app:TopSecret42");

    private final PresentedTokenRequestReader reader = new PresentedTokenRequestReader();

    private PresentedTokenRequest read(String query, List<String> authorization, String body) {
        return reader.read(FORM, query, authorization, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readWhenBasicThenTokenAndHint() {
        PresentedTokenRequest request = read(null, List.of(BASIC), "token=abc.def.ghi&token_type_hint=access_token");
        assertEquals("abc.def.ghi", request.token());
        assertEquals(Optional.of("access_token"), request.tokenTypeHint());
        assertEquals(Method.CLIENT_SECRET_BASIC, request.credentials().method());
    }

    @Test
    void readWhenSecretPostThenPostCredentials() {
        PresentedTokenRequest request = read(null, List.of(), "token=t&client_id=my-app&client_secret=TopSecret42");
        assertEquals(new ClientCredentials("my-app", "TopSecret42", Method.CLIENT_SECRET_POST), request.credentials());
        assertEquals(Optional.empty(), request.tokenTypeHint());
    }

    @Test
    void readWhenTokenMissingThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(null, List.of(BASIC), "token_type_hint=access_token"));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(null, List.of(BASIC), "token="));
    }

    @Test
    void readWhenTokenRepeatedThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(null, List.of(BASIC), "token=a&token=a"));
    }

    @Test
    void readWhenParametersInUrlThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read("token=a", List.of(BASIC), "token=a"));
    }

    @Test
    void readWhenTwoAuthenticationMethodsThenInvalidRequest() {
        assertOAuthError(
                OAuthError.INVALID_REQUEST, () -> read(null, List.of(BASIC), "token=a&client_secret=TopSecret42"));
    }

    @Test
    void readWhenNoClientAuthenticationThenInvalidClient() {
        assertOAuthError(OAuthError.INVALID_CLIENT, () -> read(null, List.of(), "token=a"));
    }

    @Test
    void readWhenWrongContentTypeThenInvalidRequest() {
        assertOAuthError(
                OAuthError.INVALID_REQUEST,
                () -> reader.read("application/json", null, List.of(BASIC), "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void toStringThenNeitherTokenNorSecret() {
        String text = read(null, List.of(BASIC), "token=very-secret-token").toString();
        assertEquals(-1, text.indexOf("very-secret-token"));
        assertEquals(-1, text.indexOf("TopSecret42"));
    }
}
