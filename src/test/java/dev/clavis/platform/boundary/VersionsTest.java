package dev.clavis.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    private static Problem refused(String ifMatch) {
        return assertThrows(ProblemException.class, () -> Versions.required(ifMatch))
                .problem();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"5\"|5",
                "'  \"5\"  '|5",
                "'\t\"5\"\t'|5",
                "\"0\"|0",
                "\"42\"|42",
                "\"9223372036854775807\"|9223372036854775807"
            })
    void requiredWhenIfMatchNamesAVersionThenThatVersion(String ifMatch, long expected) {
        assertEquals(expected, Versions.required(ifMatch));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void requiredWhenIfMatchMissingThenPreconditionRequired(String ifMatch) {
        Problem problem = refused(ifMatch);

        assertEquals(428, problem.status());
        assertTrue(problem.detail().contains("If-Match"), problem.detail());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5",
                "\"abc\"",
                "\"\"",
                "\"",
                "*",
                "\"1\", \"2\"",
                "W/5",
                "W/\"5\"",
                "\"-5\"",
                "\"+5\"",
                "\"007\"",
                "W/\"\"",
                "\"5",
                "5\"",
                "\"5 \"",
                "\"5.0\"",
                "\"0x5\"",
                "\"99999999999999999999\""
            })
    void requiredWhenIfMatchNamesNoVersionThenPreconditionFailed(String ifMatch) {
        Problem problem = refused(ifMatch);

        assertEquals(412, problem.status());
        assertEquals("Precondition failed", problem.title());
    }

    @Test
    void staleWhenCalledThenPreconditionFailedAskingToReadAgain() {
        Problem problem = Versions.stale().problem();

        assertEquals(412, problem.status());
        assertTrue(problem.detail().contains("read it again"), problem.detail());
    }
}
