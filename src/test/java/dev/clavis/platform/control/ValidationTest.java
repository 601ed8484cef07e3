package dev.clavis.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @Test
    void errorsWhenNothingRejectedThenEmpty() {
        Validation validation = new Validation();

        assertFalse(validation.hasErrors());
        assertEquals(List.of(), validation.errors());
    }

    @Test
    void errorsWhenSeveralRejectedThenAllInTheOrderRejected() {
        Validation validation = new Validation()
                .reject("clientId", "first")
                .reject("displayName", "second")
                .reject("clientId", "third");

        assertTrue(validation.hasErrors());
        assertEquals(
                List.of(
                        new FieldError("clientId", "first"),
                        new FieldError("displayName", "second"),
                        new FieldError("clientId", "third")),
                validation.errors());
    }

    @Test
    void rejectWhenCalledThenReturnsTheSameValidationForChaining() {
        Validation validation = new Validation();

        assertSame(validation, validation.reject("field", "message"));
    }

    @Test
    void errorsWhenRejectedAfterwardsThenEarlierListUnchanged() {
        Validation validation = new Validation().reject("a", "one");
        List<FieldError> before = validation.errors();

        validation.reject("b", "two");

        assertEquals(List.of(new FieldError("a", "one")), before);
        assertEquals(2, validation.errors().size());
    }

    @Test
    void errorsWhenListModifiedThenRefused() {
        List<FieldError> errors = new Validation().reject("a", "one").errors();

        assertThrows(UnsupportedOperationException.class, () -> errors.add(new FieldError("b", "two")));
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, // C0, DEL, C1
                0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F // direction
            })
    void hasControlCharactersWhenControlOrDirectionCharacterAnywhereThenTrue(int codePoint) {
        String character = Character.toString(codePoint);

        assertTrue(Validation.hasControlCharacters(character));
        assertTrue(Validation.hasControlCharacters("start" + character));
        assertTrue(Validation.hasControlCharacters(character + "end"));
        assertTrue(Validation.hasControlCharacters("in" + character + "side"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Back office",
                "Kasse Zürich 東京 🧾 <b>&amp;</b> \"quoted\" ~",
                "\u0020\u00a0", // space and no-break space, next to the C0 and C1 ranges
                "\u202f\u2070", // narrow no-break space and superscript zero, next to the direction ranges
                "\u200d\u2010", // zero-width joiner and hyphen, next to U+200E and U+200F
                "👩\u200d💻",
                "❤\ufe0f",
                "مرحبا שלום" // right-to-left scripts themselves are fine
            })
    void hasControlCharactersWhenOrdinaryTextThenFalse(String text) {
        assertFalse(Validation.hasControlCharacters(text));
    }

    @ParameterizedTest
    @CsvSource({"'', 0", "abc, 3", "Zürich, 6", "東京, 2"})
    void lengthInCharactersWhenBasicMultilingualPlaneThenOnePerCharacter(String text, int expected) {
        assertEquals(expected, Validation.lengthInCharacters(text));
    }

    @Test
    void lengthInCharactersWhenEmojiThenEachCountsAsOne() {
        assertEquals(1, Validation.lengthInCharacters("🧾"));
        assertEquals(3, Validation.lengthInCharacters("a🧾b"));
        assertEquals(100, Validation.lengthInCharacters("🧾".repeat(100)));
    }

    @Test
    void lengthInCharactersWhenCombiningSequencesThenCountsCodePoints() {
        assertEquals(2, Validation.lengthInCharacters("e\u0301")); // e + combining acute
        assertEquals(3, Validation.lengthInCharacters("👩\u200d💻")); // woman, joiner, laptop
    }
}
