package dev.clavis.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.token.control.ClientCredentials.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClientCredentialsTest {

    private static final String SECRET = "Zq8vN3xT1pLw";

    @ParameterizedTest
    @EnumSource(Method.class)
    void toStringThenDoesNotContainSecret(Method method) {
        String text = new ClientCredentials("my-app", SECRET, method).toString();
        assertFalse(text.contains(SECRET), text);
    }

    @Test
    void toStringThenNamesClientIdAndMethod() {
        String text = new ClientCredentials("my-app", SECRET, Method.CLIENT_SECRET_POST).toString();
        assertTrue(text.contains("my-app") && text.contains("CLIENT_SECRET_POST"), text);
    }

    @Test
    void toStringWhenSecretIsShortThenStillHidden() {
        // a one-character secret would show up in almost any text: the output must not depend on it at all
        String withA = new ClientCredentials("my-app", "a", Method.CLIENT_SECRET_BASIC).toString();
        String withB = new ClientCredentials("my-app", "b", Method.CLIENT_SECRET_BASIC).toString();
        assertEquals(withA, withB);
    }
}
