package dev.clavis.application.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.SecretGenerator;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretPolicyTest {

    @Test
    void weaknessWhenGeneratedSecretThenNone() {
        assertEquals(Optional.empty(), SecretPolicy.weakness(SecretGenerator.newSecret()));
    }

    @Test
    void weaknessWhenLongRandomPassphraseWithSpacesInsideThenNone() {
        assertEquals(Optional.empty(), SecretPolicy.weakness("correct horse battery staple 42 quartz!"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "Zq8vN3xT1pLwAbCdZq8vN3xT1pLwAbC"})
    void weaknessWhenShorterThan32ThenSaysHowLong(String secret) {
        assertTrue(SecretPolicy.weakness(secret).orElseThrow().contains("at least 32 characters"));
    }

    @Test
    void weaknessWhenNullThenRefused() {
        assertTrue(SecretPolicy.weakness(null).isPresent());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abababababababababababababababababab",
                "123456789123456789123456789123456789"
            })
    void weaknessWhenFewDistinctCharactersThenTooRepetitive(String secret) {
        assertTrue(SecretPolicy.weakness(secret).orElseThrow().contains("repetitive"));
    }

    @Test
    void weaknessWhenControlCharacterThenRefused() {
        assertTrue(SecretPolicy.weakness(SecretGenerator.newSecret() + "\n\u0000x")
                .orElseThrow()
                .contains("control characters"));
    }

    @Test
    void weaknessWhenSurroundingWhiteSpaceThenRefused() {
        assertTrue(SecretPolicy.weakness(" " + SecretGenerator.newSecret())
                .orElseThrow()
                .contains("white space"));
    }

    @Test
    void weaknessWhenLongerThanLimitThenRefused() {
        assertTrue(SecretPolicy.weakness(SecretGenerator.newSecret().repeat(13))
                .orElseThrow()
                .contains("at most 512"));
    }
}
