package dev.clavis.role.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleRulesTest {

    private static final String NAME = "pos.sales.read";
    private static final String DESCRIPTION = "Read the sales of every point of sale";

    private static void assertOnly(String field, String expectedWords, List<FieldError> errors) {
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(field, errors.get(0).field());
        assertTrue(errors.get(0).message().contains(expectedWords), errors::toString);
    }

    @Test
    void checkWhenNameAndDescriptionValidThenNoErrors() {
        assertEquals(List.of(), RoleRules.check(NAME, DESCRIPTION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "pos.sales.read", "a_b-c.d", "0.9", "..", "--", "__", "clavis-admin"})
    void checkWhenNameOfAllowedCharactersThenAccepted(String name) {
        assertTrue(RoleRules.isValidName(name));
        assertEquals(List.of(), RoleRules.check(name, DESCRIPTION));
    }

    @Test
    void checkWhenNameSixtyFourCharactersThenAccepted() {
        assertEquals(List.of(), RoleRules.check("r".repeat(64), DESCRIPTION));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "a",
                "Pos.sales.read",
                "POS",
                "pos sales",
                "pos:read",
                "pos/read",
                "pos,read",
                "pos.read\n",
                " pos.read",
                "rôle",
                "pos\u202eread"
            })
    void checkWhenNameBreaksTheRuleThenFieldErrorShowingTheRule(String name) {
        assertFalse(RoleRules.isValidName(name));
        assertOnly("name", "2 to 64 lower-case letters", RoleRules.check(name, DESCRIPTION));
    }

    @Test
    void checkWhenNameSixtyFiveCharactersThenRefused() {
        assertOnly("name", "2 to 64", RoleRules.check("r".repeat(65), DESCRIPTION));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void checkWhenDescriptionBlankThenAskedFor(String description) {
        assertOnly("description", "Describe what the role allows", RoleRules.check(NAME, description));
    }

    @Test
    void checkWhenDescriptionFiveHundredCharactersThenAccepted() {
        assertEquals(List.of(), RoleRules.check(NAME, "d".repeat(500)));
    }

    @Test
    void checkWhenDescriptionFiveHundredEmojiThenAcceptedBecauseEachCountsAsOneCharacter() {
        assertEquals(List.of(), RoleRules.check(NAME, "📦".repeat(500)));
    }

    @Test
    void checkWhenDescriptionFiveHundredAndOneCharactersThenRefused() {
        assertOnly("description", "at most 500", RoleRules.check(NAME, "d".repeat(501)));
    }

    @Test
    void checkWhenDescriptionFiveHundredAndOneEmojiThenRefused() {
        assertOnly("description", "at most 500", RoleRules.check(NAME, "📦".repeat(501)));
    }

    @Test
    void checkWhenDescriptionInAnyScriptThenAccepted() {
        assertEquals(List.of(), RoleRules.check(NAME, "Lire les ventes — 売上を読む 📈 <i>&</i>"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x0A, 0x1B, 0x7F, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069, 0x200E, 0x200F})
    void checkWhenDescriptionHasControlOrDirectionCharacterThenRefused(int codePoint) {
        String description = "Read the sales" + Character.toString(codePoint) + " of every point of sale";

        assertOnly("description", "visible characters", RoleRules.check(NAME, description));
    }

    @Test
    void checkWhenNameAndDescriptionInvalidThenBothReportedTogether() {
        List<FieldError> errors = RoleRules.check("Bad Name", " ");

        assertEquals(
                List.of("name", "description"),
                errors.stream().map(FieldError::field).toList());
    }
}
