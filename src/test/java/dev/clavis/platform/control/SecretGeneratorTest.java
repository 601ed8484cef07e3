package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretGeneratorTest {

    private static final String BASE64URL = "[A-Za-z0-9_-]+";

    private static Set<String> generate(Supplier<String> generator, int count) {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < count; i++) {
            values.add(generator.get());
        }
        return values;
    }

    @Test
    void newSecretThen43Base64UrlCharactersOf256Bits() {
        String secret = SecretGenerator.newSecret();
        assertAll(
                () -> assertEquals(43, secret.length(), secret),
                () -> assertTrue(secret.matches(BASE64URL), secret),
                () -> assertEquals(32, Base64.getUrlDecoder().decode(secret).length));
    }

    @Test
    void newSecretThenNeedsNoEncodingInAFormOrBasicHeader() {
        // RFC 6749 §2.3.1 urlencodes the secret: one that encodes to itself cannot be mangled by a client.
        String secret = SecretGenerator.newSecret();
        assertEquals(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    @Test
    void newSecretWhenCalledRepeatedlyThenAllDifferent() {
        assertEquals(100, generate(SecretGenerator::newSecret, 100).size());
    }

    @Test
    void newIdThen22Base64UrlCharactersOf128Bits() {
        String id = SecretGenerator.newId();
        assertAll(
                () -> assertEquals(22, id.length(), id),
                () -> assertTrue(id.matches(BASE64URL), id),
                () -> assertEquals(16, Base64.getUrlDecoder().decode(id).length));
    }

    @Test
    void newIdWhenCalledRepeatedlyThenAllDifferent() {
        assertEquals(100, generate(SecretGenerator::newId, 100).size());
    }

    @ParameterizedTest
    @CsvSource({"Zq8vN3xT1pLwAbCd, AbCd", "abcde, bcde", "abcd, abcd", "abc, abc"})
    void hintOfThenLastFourCharacters(String secret, String hint) {
        assertEquals(hint, SecretGenerator.hintOf(secret));
    }

    @Test
    void hintOfWhenGeneratedSecretThenRevealsOnlyFourOfItsCharacters() {
        String secret = SecretGenerator.newSecret();
        assertEquals(secret.substring(39), SecretGenerator.hintOf(secret));
    }
}
