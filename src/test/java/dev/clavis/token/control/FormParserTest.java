package dev.clavis.token.control;

import static dev.clavis.token.control.OAuthAssertions.assertNotEchoed;
import static dev.clavis.token.control.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormParserTest {

    private final FormParser parser = new FormParser(Set.of("grant_type", "scope", "client_id", "client_secret"));

    private Map<String, String> parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static byte[] concat(String prefix, byte[] tail) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] result = new byte[head.length + tail.length];
        System.arraycopy(head, 0, result, 0, head.length);
        System.arraycopy(tail, 0, result, head.length, tail.length);
        return result;
    }

    @Test
    void parseWhenWellFormedThenAllParameters() {
        assertEquals(
                Map.of("grant_type", "client_credentials", "scope", "read"),
                parse("grant_type=client_credentials&scope=read"));
    }

    @Test
    void parseWhenPlusThenSpace() {
        assertEquals(Map.of("scope", "read write admin"), parse("scope=read+write+admin"));
    }

    @Test
    void parseWhenPercentEncodedThenDecoded() {
        assertEquals(Map.of("client_secret", "a+b&c=d%e f"), parse("client_secret=a%2Bb%26c%3Dd%25e%20f"));
    }

    @Test
    void parseWhenLowercaseHexThenDecoded() {
        assertEquals(Map.of("client_secret", "a/b"), parse("client_secret=a%2fb"));
    }

    @Test
    void parseWhenNamePercentEncodedThenDecodedName() {
        assertEquals(Map.of("grant_type", "client_credentials"), parse("grant%5Ftype=client_credentials"));
    }

    @Test
    void parseWhenValueContainsEqualsThenKeptInValue() {
        assertEquals(Map.of("client_secret", "abc=="), parse("client_secret=abc=="));
    }

    @Test
    void parseWhenUtf8MultiByteValueThenDecoded() {
        // é (2 bytes), € (3 bytes), 🔑 (4 bytes, a surrogate pair in Java)
        assertEquals(Map.of("client_id", "\u00e9\u20ac\uD83D\uDD11"), parse("client_id=%C3%A9%E2%82%AC%F0%9F%94%91"));
    }

    @Test
    void parseWhenRawUtf8BytesThenDecoded() {
        assertEquals(Map.of("client_id", "caf\u00e9"), parser.parse(concat("client_id=caf", bytes(0xC3, 0xA9))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "client_id=%C3%28", // a lead byte followed by a non-continuation byte
                "client_id=%C3", // a truncated sequence
                "client_id=%A9", // a lone continuation byte
                "client_id=%C0%AF", // an overlong encoding of '/'
                "client_id=%ED%A0%80", // an encoded UTF-16 surrogate
                "client_id=%F4%90%80%80", // beyond U+10FFFF
                "client%FF=x" // in the name
            })
    void parseWhenPercentEncodedInvalidUtf8ThenInvalidRequest(String body) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> parse(body));
    }

    @Test
    void parseWhenRawByteFFThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> parser.parse(concat("client_id=a", bytes(0xFF))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "client_secret=%",
                "client_secret=%4",
                "client_secret=%ZZ",
                "client_secret=%G1",
                "client_secret=%1G",
                "client_secret=%-1",
                "client_secret=%4&grant_type=client_credentials", // must not borrow the '&' as a hex digit
                "client_secret=ab%",
                "%=x",
                "grant_type=client_credentials&scope=%%41"
            })
    void parseWhenMalformedPercentThenInvalidRequest(String body) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> parse(body));
    }

    @Test
    void parseWhenMalformedPercentInSecretThenDescriptionDoesNotEchoIt() {
        OAuthException e =
                assertOAuthError(OAuthError.INVALID_REQUEST, () -> parse("client_id=app&client_secret=TopSecret%ZZ"));
        assertNotEchoed("TopSecret", e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type", "scope", "client_id", "client_secret"})
    void parseWhenKnownParameterRepeatedThenInvalidRequestNamingIt(String name) {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_REQUEST, () -> parse(name + "=one&grant_type_x=1&" + name + "=two"));
        assertTrue(e.description().contains("'" + name + "'"), e.description());
    }

    @Test
    void parseWhenRepeatedWithSameValueThenInvalidRequest() {
        assertOAuthError(
                OAuthError.INVALID_REQUEST, () -> parse("grant_type=client_credentials&grant_type=client_credentials"));
    }

    @Test
    void parseWhenRepeatedSecretThenDescriptionDoesNotEchoValues() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_REQUEST, () -> parse("client_secret=FirstSecret&client_secret=SecondSecret"));
        assertNotEchoed("FirstSecret", e);
        assertNotEchoed("SecondSecret", e);
    }

    @Test
    void parseWhenUnknownParameterRepeatedThenInvalidRequestWithoutEchoingIt() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_REQUEST,
                () -> parse("grant_type=client_credentials&x%3Cscript%3E=1&x%3Cscript%3E=2"));
        assertNotEchoed("script", e);
        assertNotEchoed("x<", e);
    }

    @Test
    void parseWhenRepeatedNameOnlyAfterDecodingThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> parse("scope=a&sc%6Fpe=b"));
    }

    @Test
    void parseWhenNamesDifferInCaseThenBothKept() {
        assertEquals(Map.of("scope", "a", "Scope", "b"), parse("scope=a&Scope=b"));
    }

    @Test
    void parseWhenUnknownParameterThenKeptForTheCallerToIgnore() {
        assertEquals(
                Map.of("grant_type", "client_credentials", "foo", "bar"),
                parse("grant_type=client_credentials&foo=bar"));
    }

    @Test
    void parseWhenEmptyValueThenTreatedAsOmitted() {
        assertEquals(Map.of("grant_type", "client_credentials"), parse("scope=&grant_type=client_credentials"));
    }

    @Test
    void parseWhenNameWithoutEqualsThenTreatedAsOmitted() {
        assertEquals(Map.of("grant_type", "client_credentials"), parse("scope&grant_type=client_credentials"));
    }

    @Test
    void parseWhenEmptyNameThenIgnored() {
        assertEquals(Map.of("scope", "read"), parse("=orphan&scope=read"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "scope=read&&client_id=app",
                "&scope=read&client_id=app",
                "scope=read&client_id=app&",
                "&&scope=read&&&client_id=app&&"
            })
    void parseWhenEmptyPairsThenIgnored(String body) {
        assertEquals(Map.of("scope", "read", "client_id", "app"), parse(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&", "&&", "="})
    void parseWhenNothingToReadThenEmptyMap(String body) {
        assertEquals(Map.of(), parse(body));
    }
}
