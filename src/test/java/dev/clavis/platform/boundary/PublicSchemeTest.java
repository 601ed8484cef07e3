package dev.clavis.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicSchemeTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com", "https://auth.example.com/clavis", "HTTPS://Auth.Example.com"})
    void isHttpsWhenIssuerIsHttpsThenTrue(String issuer) {
        assertTrue(new PublicScheme(issuer).isHttps());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://auth.example.com", "httpsx://a", "auth.example.com", ""})
    void isHttpsWhenIssuerIsNotHttpsThenFalse(String issuer) {
        assertFalse(new PublicScheme(issuer).isHttps());
    }

    @Test
    void isHttpsWhenIssuerMissingThenFalse() {
        assertFalse(PublicScheme.isHttps(null));
    }
}
