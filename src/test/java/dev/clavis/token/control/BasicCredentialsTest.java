package dev.clavis.token.control;

import static dev.clavis.token.control.OAuthAssertions.assertNotEchoed;
import static dev.clavis.token.control.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    /** {@code Basic base64(userPass)}, where {@code userPass} is already form-urlencoded as RFC 6749 §2.3.1 asks. */
    static String basic(String userPass) {
        return "Basic " + base64(userPass);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ClientCredentials credentials(String clientId, String secret) {
        return new ClientCredentials(clientId, secret, ClientCredentials.Method.CLIENT_SECRET_BASIC);
    }

    @Test
    void parseWhenWellFormedThenClientIdSecretAndBasicMethod() {
        assertEquals(credentials("my-app", "s3cr3t"), BasicCredentials.parse(basic("my-app:s3cr3t")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC", "bAsIc"})
    void parseWhenSchemeInAnyCaseThenAccepted(String scheme) {
        assertEquals(credentials("my-app", "s3cr3t"), BasicCredentials.parse(scheme + " " + base64("my-app:s3cr3t")));
    }

    @Test
    void parseWhenSeveralSpacesBeforeCredentialsThenAccepted() {
        assertEquals(credentials("my-app", "s3cr3t"), BasicCredentials.parse("Basic   " + base64("my-app:s3cr3t")));
    }

    @Test
    void parseWhenBase64UnpaddedThenAccepted() {
        // "my-app:s3cr3t" is 13 bytes: its base64 ends in "==".
        String unpadded = base64("my-app:s3cr3t").replace("=", "");
        assertEquals(credentials("my-app", "s3cr3t"), BasicCredentials.parse("Basic " + unpadded));
    }

    @Test
    void parseWhenSecretContainsEncodedColonThenDecoded() {
        assertEquals(credentials("my-app", "se:cr:et"), BasicCredentials.parse(basic("my-app:se%3Acr%3aet")));
    }

    @Test
    void parseWhenClientIdContainsEncodedColonThenDecoded() {
        assertEquals(credentials("urn:app", "s3cr3t"), BasicCredentials.parse(basic("urn%3Aapp:s3cr3t")));
    }

    @Test
    void parseWhenSecretContainsRawColonThenSplitAtFirstColon() {
        // RFC 7617 §2: the user-id cannot contain a colon, the password can.
        assertEquals(credentials("my-app", "se:cret"), BasicCredentials.parse(basic("my-app:se:cret")));
    }

    @Test
    void parseWhenPlusThenSpace() {
        assertEquals(credentials("my app", "a b"), BasicCredentials.parse(basic("my+app:a+b")));
    }

    @Test
    void parseWhenEncodedPlusThenPlus() {
        assertEquals(credentials("my-app", "a+b"), BasicCredentials.parse(basic("my-app:a%2Bb")));
    }

    @Test
    void parseWhenEncodedSpecialCharactersThenDecoded() {
        assertEquals(credentials("my-app", "a%b&c=d/e"), BasicCredentials.parse(basic("my-app:a%25b%26c%3Dd%2Fe")));
    }

    @Test
    void parseWhenNonAsciiPercentEncodedThenUtf8Decoded() {
        assertEquals(
                credentials("cli\u00e9nt", "p\u00e4ss\u20ac"),
                BasicCredentials.parse(basic("cli%C3%A9nt:p%C3%A4ss%E2%82%AC")));
    }

    @Test
    void parseWhenNonAsciiRawUtf8ThenDecoded() {
        // RFC 7617 §2.1 charset="UTF-8": some clients send UTF-8 without urlencoding it first.
        assertEquals(credentials("cli\u00e9nt", "p\u00e4ss"), BasicCredentials.parse(basic("cli\u00e9nt:p\u00e4ss")));
    }

    @Test
    void parseWhenInvalidUtf8ThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> BasicCredentials.parse(basic("my-app:%C3%28")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic !!!!",
                "Basic bXktYXBwOnMzY3IzdA=$",
                "Basic bXktYXBw\u00e9OnMzY3IzdA==",
                "Basic bXktYXBwOnMz Y3IzdA==",
                "Basic a"
            })
    void parseWhenInvalidBase64ThenInvalidRequest(String header) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> BasicCredentials.parse(header));
    }

    @Test
    void parseWhenNoColonThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> BasicCredentials.parse(basic("my-app")));
    }

    @ParameterizedTest
    @ValueSource(strings = {":s3cr3t", "my-app:", ":"})
    void parseWhenClientIdOrSecretEmptyThenInvalidRequest(String userPass) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> BasicCredentials.parse(basic(userPass)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "Basic ", "Basic    "})
    void parseWhenNoCredentialsThenInvalidRequest(String header) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> BasicCredentials.parse(header));
    }

    @Test
    void parseWhenMalformedPercentInSecretThenInvalidRequestWithoutEchoingIt() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_REQUEST, () -> BasicCredentials.parse(basic("my-app:TopSecret%ZZ")));
        assertNotEchoed("TopSecret", e);
        assertNotEchoed(base64("my-app:TopSecret%ZZ"), e);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Bearer bXktYXBwOnMzY3IzdA==", "Basicxyz", "BasicbXktYXBwOnMzY3IzdA==", "Digest x", "", "Bas"})
    void parseWhenNotBasicSchemeThenInvalidRequest(String header) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> BasicCredentials.parse(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic bXktYXBwOnMzY3IzdA==", "basic x", "BASIC x", "Basic"})
    void isBasicWhenBasicSchemeThenTrue(String header) {
        assertTrue(BasicCredentials.isBasic(header));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Bearer eyJhbGciOiJSUzI1NiJ9", "Basicxyz", "Basic:x", "Bas", "", "Digest username=x", " Basic x"
            })
    void isBasicWhenOtherSchemeThenFalse(String header) {
        assertFalse(BasicCredentials.isBasic(header));
    }
}
