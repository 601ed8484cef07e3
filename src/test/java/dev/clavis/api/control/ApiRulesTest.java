package dev.clavis.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.api.entity.TokenFormat;
import dev.clavis.platform.control.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRulesTest {

    private static final Set<String> ROLES = Set.of("pos.sales.read", "clavis-admin");

    private static ApiForm form(String identifier) {
        return new ApiForm(identifier, "POS", List.of("pos.sales.read"), null, null, null, null, null, null);
    }

    private static List<String> fields(ApiForm form) {
        return ApiRules.check(form, ROLES).stream().map(FieldError::field).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://pos.example.com/api",
                "api://pos-backoffice",
                "urn:example:pos",
                "http://127.0.0.1:8080/api"
            })
    void isValidIdentifierWhenAbsoluteUriWithoutFragmentThenTrue(String identifier) {
        assertTrue(ApiRules.isValidIdentifier(identifier));
        assertEquals(List.of(), fields(form(identifier)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/api",
                "pos",
                "https://pos.example.com/api#x",
                "https://pos.example.com/a pi",
                "https://pos.example.com/\u00e9",
                "https://pos.example.com/\u0000",
                "1http://pos.example.com",
                "\"><script>alert(1)</script>"
            })
    void isValidIdentifierWhenNotAnAbsoluteUriWithoutFragmentThenFalseAndAFieldError(String identifier) {
        assertFalse(ApiRules.isValidIdentifier(identifier));
        assertEquals(List.of("identifier"), fields(form(identifier)));
    }

    @Test
    void isValidIdentifierWhenLongerThanTheLimitThenFalse() {
        String longest = "https://a.example/" + "x".repeat(ApiRules.MAX_IDENTIFIER - 18);
        assertTrue(ApiRules.isValidIdentifier(longest));
        assertFalse(ApiRules.isValidIdentifier(longest + "x"));
        assertFalse(ApiRules.isValidIdentifier(null));
    }

    @Test
    void checkWhenUnknownRoleFormatOrLifetimeThenEachFieldNamed() {
        ApiForm form =
                new ApiForm("https://pos.example.com/api", " ", List.of("nope"), null, "JWE", 30, null, "HS256", null);
        assertEquals(
                List.of("displayName", "roles", "tokenFormat", "signingAlgorithm", "accessTokenLifetimeSeconds"),
                fields(form));
    }

    @Test
    void tokenFormatWhenAbsentThenRfc9068AndOnlyTheTwoNamesAreKnown() {
        assertEquals(Optional.of(TokenFormat.RFC9068), ApiRules.tokenFormat(null));
        assertEquals(Optional.of(TokenFormat.MICROPROFILE), ApiRules.tokenFormat("MICROPROFILE"));
        assertEquals(Optional.empty(), ApiRules.tokenFormat("microprofile"));
    }
}
