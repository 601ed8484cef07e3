package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuerIdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com", "https://auth.example.com:8443/tenant"})
    void checkWhenHttpsThenAcceptedSilently(String issuer) {
        assertEquals(Optional.empty(), IssuerIdentifier.check(issuer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9000"})
    void checkWhenPlainHttpOnLoopbackThenAcceptedWithWarning(String issuer) {
        assertTrue(IssuerIdentifier.check(issuer).orElseThrow().contains("plain http"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://auth.example.com",
                "https://auth.example.com/",
                "https://auth.example.com?tenant=a",
                "https://auth.example.com#x",
                "auth.example.com",
                "ftp://auth.example.com",
                "https://exa mple.com"
            })
    void checkWhenNotAUsableIssuerThenRefusedWithReason(String issuer) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> IssuerIdentifier.check(issuer));
        assertTrue(refused.getMessage().startsWith("clavis.issuer '" + issuer + "' cannot be used: "));
    }
}
