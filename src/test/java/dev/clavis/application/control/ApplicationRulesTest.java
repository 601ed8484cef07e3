package dev.clavis.application.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.platform.control.Validation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationRulesTest {

    private static final Set<String> ROLES = Set.of("pos.sales.read", "pos.catalog.read");
    private static final String SEEDS_ADVICE = "lower-case name with no spaces or punctuation";
    private static final String STRONG_SECRET = "Zq8vN3xT1pLwAbCdEf7gHjKmQrStUvWx";

    /** A submission every rule accepts, for registration and for a change; tests vary one field at a time. */
    private static FormBuilder valid() {
        return new FormBuilder();
    }

    private static final class FormBuilder {
        private String clientId = "back-office";
        private String displayName = "Back office";
        private String type = "CONFIDENTIAL";
        private Boolean clientCredentialsFlow = true;
        private List<String> roles = List.of("pos.sales.read");
        private Boolean enabled = true;
        private Integer accessTokenLifetimeSeconds = 3600;
        private String clientSecret = null;

        FormBuilder clientId(String value) {
            clientId = value;
            return this;
        }

        FormBuilder displayName(String value) {
            displayName = value;
            return this;
        }

        FormBuilder type(String value) {
            type = value;
            return this;
        }

        FormBuilder clientCredentialsFlow(Boolean value) {
            clientCredentialsFlow = value;
            return this;
        }

        FormBuilder roles(List<String> value) {
            roles = value;
            return this;
        }

        FormBuilder roles(String... value) {
            roles = Arrays.asList(value);
            return this;
        }

        FormBuilder enabled(Boolean value) {
            enabled = value;
            return this;
        }

        FormBuilder lifetime(Integer value) {
            accessTokenLifetimeSeconds = value;
            return this;
        }

        FormBuilder clientSecret(String value) {
            clientSecret = value;
            return this;
        }

        ApplicationForm build() {
            return new ApplicationForm(
                    clientId,
                    displayName,
                    type,
                    clientCredentialsFlow,
                    roles,
                    null,
                    null,
                    enabled,
                    accessTokenLifetimeSeconds,
                    clientSecret);
        }
    }

    private static List<FieldError> register(FormBuilder form) {
        return ApplicationRules.forRegistration(form.build(), ROLES);
    }

    private static List<FieldError> change(FormBuilder form) {
        return ApplicationRules.forChange(form.build(), ROLES);
    }

    private static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    /** The one error reported for {@code field}, failing when there is none or several. */
    private static String messageFor(String field, List<FieldError> errors) {
        List<String> messages = errors.stream()
                .filter(error -> error.field().equals(field))
                .map(FieldError::message)
                .toList();
        assertEquals(1, messages.size(), () -> "one error for " + field + " in " + errors);
        return messages.get(0);
    }

    private static void assertOnly(String field, String expectedWords, List<FieldError> errors) {
        assertEquals(Set.of(field), fields(errors), errors::toString);
        String message = messageFor(field, errors);
        assertTrue(message.contains(expectedWords), message);
    }

    private static Set<String> roleNames(int count) {
        return IntStream.range(0, count).mapToObj(i -> "role-" + i).collect(Collectors.toSet());
    }

    // --- registration: the whole form

    @Test
    void forRegistrationWhenEveryFieldValidThenNoErrors() {
        assertEquals(List.of(), register(valid().clientSecret(STRONG_SECRET)));
    }

    @Test
    void forRegistrationWhenOnlyClientIdAndDisplayNameThenNoErrorsBecauseTheRestHasDefaults() {
        ApplicationForm minimal =
                new ApplicationForm("back-office", "Back office", null, null, null, null, null, null, null, null);

        assertEquals(List.of(), ApplicationRules.forRegistration(minimal, ROLES));
    }

    @Test
    void forRegistrationWhenEveryFieldInvalidThenAllErrorsReportedTogether() {
        List<FieldError> errors = register(valid().clientId("Back Office")
                .displayName(" ")
                .type("PUBLIC")
                .roles("pos.sales.read", "no-such-role")
                .lifetime(59)
                .clientSecret("short"));

        assertEquals(
                Set.of("clientId", "clientSecret", "displayName", "type", "roles", "accessTokenLifetimeSeconds"),
                fields(errors));
        assertEquals(6, errors.size(), errors::toString);
    }

    // --- client ID

    @ParameterizedTest
    @ValueSource(strings = {"abc", "pos-terminal-7", "a-b", "a--b", "123", "0a0"})
    void forRegistrationWhenClientIdLowerCaseWithInnerHyphensThenAccepted(String clientId) {
        assertEquals(List.of(), register(valid().clientId(clientId)));
    }

    @Test
    void forRegistrationWhenClientIdSixtyFourCharactersThenAccepted() {
        assertEquals(List.of(), register(valid().clientId("x".repeat(64))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "UPPER",
                "Back-office",
                "has space",
                " abc",
                "abc\n",
                "-lead",
                "trail-",
                "---",
                "dot.ted",
                "under_score",
                "<script>",
                "zürich",
                "caf\u00e9"
            })
    void forRegistrationWhenClientIdBreaksTheRuleThenFieldErrorWithTheSeedsAdvice(String clientId) {
        assertOnly("clientId", SEEDS_ADVICE, register(valid().clientId(clientId)));
    }

    @Test
    void forRegistrationWhenClientIdSixtyFiveCharactersThenFieldErrorWithTheSeedsAdvice() {
        assertOnly("clientId", SEEDS_ADVICE, register(valid().clientId("x".repeat(65))));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void forRegistrationWhenClientIdMissingThenAskedFor(String clientId) {
        assertOnly("clientId", "unique ID", register(valid().clientId(clientId)));
    }

    // --- display name

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Kasse Zürich 東京 🧾 <b>&amp;</b> \"quoted\"",
                "x",
                "👩\u200d💻 Team", // the zero-width joiner inside an emoji sequence is not a direction character
                "Caisse\u00a0n\u00b0\u202f1", // (narrow) no-break spaces are ordinary French typography
                "❤\ufe0f"
            })
    void forRegistrationWhenDisplayNameInAnyScriptThenAccepted(String displayName) {
        assertEquals(List.of(), register(valid().displayName(displayName)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", " \n "})
    void forRegistrationWhenDisplayNameBlankThenAskedFor(String displayName) {
        assertOnly("displayName", "friendly name", register(valid().displayName(displayName)));
    }

    @Test
    void forRegistrationWhenDisplayNameOnlyNoBreakSpacesThenAskedFor() {
        assertOnly("displayName", "friendly name", register(valid().displayName("\u00a0\u00a0\u202f")));
    }

    @Test
    void forRegistrationWhenDisplayNameHundredCharactersThenAccepted() {
        assertEquals(List.of(), register(valid().displayName("x".repeat(100))));
    }

    @Test
    void forRegistrationWhenDisplayNameHundredEmojiThenAcceptedBecauseEachCountsAsOneCharacter() {
        String hundredEmoji = "🧾".repeat(100); // 200 UTF-16 chars

        assertEquals(List.of(), register(valid().displayName(hundredEmoji)));
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1000})
    void forRegistrationWhenDisplayNameLongerThanHundredCharactersThenRefused(int length) {
        assertOnly("displayName", "at most 100", register(valid().displayName("x".repeat(length))));
    }

    @Test
    void forRegistrationWhenDisplayNameHundredAndOneEmojiThenRefused() {
        assertOnly("displayName", "at most 100", register(valid().displayName("🧾".repeat(101))));
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x00,
                0x07,
                0x09,
                0x0A,
                0x0D,
                0x1B,
                0x1F,
                0x7F,
                0x85,
                0x9F, // control characters
                0x202A,
                0x202B,
                0x202C,
                0x202D,
                0x202E,
                0x2066,
                0x2067,
                0x2068,
                0x2069,
                0x200E,
                0x200F // direction
            })
    void forRegistrationWhenDisplayNameHasControlOrDirectionCharacterThenRefused(int codePoint) {
        String name = "Back" + Character.toString(codePoint) + "office";

        assertOnly("displayName", "visible characters", register(valid().displayName(name)));
    }

    // --- type

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"CONFIDENTIAL"})
    void forRegistrationWhenTypeConfidentialOrAbsentThenAccepted(String type) {
        assertEquals(List.of(), register(valid().type(type)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUBLIC", "confidential", " CONFIDENTIAL", "CREDENTIALED", ""})
    void forRegistrationWhenTypeNotConfidentialThenRefusedNamingTheOnlyChoice(String type) {
        assertOnly("type", "CONFIDENTIAL", register(valid().type(type)));
    }

    // --- roles

    @Test
    void forRegistrationWhenAllRolesExistThenAccepted() {
        assertEquals(List.of(), register(valid().roles("pos.sales.read", "pos.catalog.read")));
    }

    @Test
    void forRegistrationWhenNoRolesThenAccepted() {
        assertEquals(List.of(), register(valid().roles(List.of())));
    }

    @Test
    void forRegistrationWhenUnknownRolesThenEachNamedOnceAndKnownOnesNot() {
        String message =
                messageFor("roles", register(valid().roles("pos.sales.read", "pos.refund", "admin", "pos.refund")));

        assertTrue(message.contains("do not exist"), message);
        assertTrue(message.contains("pos.refund"), message);
        assertTrue(message.contains("admin"), message);
        assertFalse(message.contains("pos.sales.read"), message);
        assertEquals(message.indexOf("pos.refund"), message.lastIndexOf("pos.refund"), message);
    }

    @Test
    void forRegistrationWhenRoleCaseDiffersThenUnknown() {
        assertOnly("roles", "POS.SALES.READ", register(valid().roles("POS.SALES.READ")));
    }

    @Test
    void forRegistrationWhenRoleListContainsNullThenFieldErrorRatherThanException() {
        // Set.of(...).contains(null) throws: the rules must not ask it
        assertOnly("roles", "do not exist", register(valid().roles("pos.sales.read", null)));
    }

    @Test
    void forRegistrationWhenUnknownRoleHasControlCharactersThenTheyAreMaskedInTheMessage() {
        String message = messageFor("roles", register(valid().roles("evil\u001b[31mred\u0007\r\nforged")));

        assertTrue(message.contains("evil?[31mred???forged"), message);
        assertFalse(message.chars().anyMatch(Character::isISOControl), message);
    }

    @Test
    void forRegistrationWhenUnknownRoleHasDirectionCharactersThenTheyAreMaskedInTheMessage() {
        // an unterminated U+202E reverses the rest of the message as displayed, including the other role names
        String message = messageFor("roles", register(valid().roles("abc\u202edaer", "other\u2066")));

        assertTrue(message.contains("abc?daer"), message);
        assertFalse(Validation.hasControlCharacters(message), message);
    }

    @Test
    void forRegistrationWhenUnknownRoleVeryLongThenEchoShortened() {
        String message = messageFor("roles", register(valid().roles("x".repeat(10_000))));

        assertTrue(message.contains("x".repeat(64) + "…"), message);
        assertFalse(message.contains("x".repeat(65)), message);
    }

    @Test
    void forRegistrationWhenHundredExistingRolesThenAccepted() {
        Set<String> existing = roleNames(100);

        assertEquals(
                List.of(),
                ApplicationRules.forRegistration(
                        valid().roles(List.copyOf(existing)).build(), existing));
    }

    @Test
    void forRegistrationWhenMoreThanHundredRolesThenRefusedWithoutListingThem() {
        Set<String> existing = roleNames(101);

        List<FieldError> errors = ApplicationRules.forRegistration(
                valid().roles(List.copyOf(existing)).build(), existing);

        assertOnly("roles", "at most 100", errors);
    }

    @Test
    void forRegistrationWhenThousandsOfUnknownRolesThenOneShortMessage() {
        List<String> many =
                IntStream.range(0, 5_000).mapToObj(i -> "unknown-" + i).toList();

        List<FieldError> errors = register(valid().roles(many));

        assertOnly("roles", "at most 100", errors);
        assertTrue(messageFor("roles", errors).length() < 200, errors::toString);
    }

    // --- access token lifetime

    @ParameterizedTest
    @ValueSource(ints = {60, 61, 3600, 86_399, 86_400})
    void forRegistrationWhenLifetimeWithinOneMinuteToOneDayThenAccepted(int seconds) {
        assertEquals(List.of(), register(valid().lifetime(seconds)));
    }

    @Test
    void forRegistrationWhenLifetimeAbsentThenAcceptedForTheServerDefault() {
        assertEquals(List.of(), register(valid().lifetime(null)));
    }

    @ParameterizedTest
    @ValueSource(ints = {59, 86_401, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void forRegistrationWhenLifetimeOutOfRangeThenRefusedWithTheRange(int seconds) {
        assertOnly("accessTokenLifetimeSeconds", "60 to 86400", register(valid().lifetime(seconds)));
    }

    // --- entered secret

    @Test
    void forRegistrationWhenNoSecretThenAcceptedBecauseOneIsGenerated() {
        assertEquals(List.of(), register(valid().clientSecret(null)));
    }

    @Test
    void forRegistrationWhenGeneratedLookingSecretThenAccepted() {
        assertEquals(List.of(), register(valid().clientSecret(SecretGenerator.newSecret())));
    }

    @Test
    void forRegistrationWhenSecretShortThenRefusedSayingHowLong() {
        String message = messageFor("clientSecret", register(valid().clientSecret("hunter2")));

        assertTrue(message.startsWith("The secret "), message);
        assertTrue(message.contains("at least 32"), message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hunter2",
                "",
                "abababababababababababababababababababab",
                " Zq8vN3xT1pLwAbCdEf7gHjKmQrStUvWx",
                "Zq8vN3xT1pLwAbCdEf7gHjKmQrStUvWx\n",
                "Zq8vN3xT1pLwAbCdEf7gHjKmQrStUvWx\u0000tail"
            })
    void forRegistrationWhenSecretRefusedThenItIsNotEchoed(String secret) {
        List<FieldError> errors = register(valid().clientSecret(secret));

        assertEquals(Set.of("clientSecret"), fields(errors), errors::toString);
        if (!secret.isEmpty()) {
            for (FieldError error : errors) {
                assertFalse(error.message().contains(secret.strip()), error::toString);
            }
        }
    }

    @Test
    void forRegistrationWhenSecretTooLongThenRefusedWithoutEchoingIt() {
        String tooLong = (STRONG_SECRET + "!").repeat(20); // 660 characters

        String message = messageFor("clientSecret", register(valid().clientSecret(tooLong)));

        assertTrue(message.contains("at most 512"), message);
        assertFalse(message.contains(STRONG_SECRET), message);
    }

    // --- change

    @Test
    void forChangeWhenWholeApplicationStatedThenNoErrors() {
        assertEquals(List.of(), change(valid()));
    }

    @Test
    void forChangeWhenRolesEmptyListThenAcceptedAsNoRoles() {
        assertEquals(List.of(), change(valid().roles(List.of())));
    }

    @Test
    void forChangeWhenFlowMissingThenAskedFor() {
        assertOnly("clientCredentialsFlow", "client credentials flow", change(valid().clientCredentialsFlow(null)));
    }

    @Test
    void forChangeWhenEnabledMissingThenAskedFor() {
        assertOnly("enabled", "enabled", change(valid().enabled(null)));
    }

    @Test
    void forChangeWhenRolesMissingThenAskedForRatherThanClearingThem() {
        assertOnly("roles", "empty list for none", change(valid().roles((List<String>) null)));
    }

    @Test
    void forChangeWhenFlagsAndRolesMissingThenAllThreeReportedTogether() {
        List<FieldError> errors =
                change(valid().clientCredentialsFlow(null).enabled(null).roles((List<String>) null));

        assertEquals(Set.of("clientCredentialsFlow", "enabled", "roles"), fields(errors));
        assertEquals(3, errors.size(), errors::toString);
    }

    @Test
    void forChangeWhenFalseFlagsThenAccepted() {
        assertEquals(List.of(), change(valid().clientCredentialsFlow(false).enabled(false)));
    }

    @Test
    void forChangeWhenChangeableFieldsInvalidThenAllReportedTogether() {
        List<FieldError> errors = change(valid().displayName("x".repeat(101))
                .type("PUBLIC")
                .roles("pos.refund")
                .lifetime(86_401)
                .enabled(null));

        assertEquals(Set.of("displayName", "type", "roles", "accessTokenLifetimeSeconds", "enabled"), fields(errors));
        assertEquals(5, errors.size(), errors::toString);
        assertTrue(messageFor("roles", errors).contains("pos.refund"));
    }

    @Test
    void forChangeWhenMoreThanHundredRolesThenRefused() {
        Set<String> existing = roleNames(101);

        List<FieldError> errors =
                ApplicationRules.forChange(valid().roles(List.copyOf(existing)).build(), existing);

        assertOnly("roles", "at most 100", errors);
    }

    @Test
    void forChangeWhenClientIdAbsentOrInvalidThenIgnoredBecauseTheAddressNamesTheApplication() {
        assertEquals(List.of(), change(valid().clientId(null)));
        assertEquals(List.of(), change(valid().clientId("Not An ID")));
    }

    @Test
    void forChangeWhenSecretGivenThenIgnoredBecauseSecretsAreAddedSeparately() {
        assertEquals(List.of(), change(valid().clientSecret("short")));
    }
}
