package dev.clavis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The Signing keys page in headless Chromium, against the real WAR and PostgreSQL: the keys with their schedule and
 * never a private part, and Rotate now and Replace now, each confirmed or cancelled, checked against the admin API
 * and the JWKS.
 *
 * <p>Safe for the other test classes: the rotation settings are the defaults, so Rotate now only schedules the next
 * key (it has not been published a whole lead time of two days yet) and changes no signing key. Replace now revokes
 * the signing key at once, but the key that takes over was published since the server started, so every JWKS cache
 * already holds it; the test classes that follow start Payara afresh and hold only tokens they get then. Within this
 * class, every test gets fresh tokens and reads the keys as it finds them.
 */
class SigningKeysPageIT extends ClavisIT {

    /** JWK members of a private key (RFC 7518 §6.2.2, §6.3.2), as they would appear in JSON. */
    private static final Pattern PRIVATE_MEMBERS = Pattern.compile("\"(d|p|q|dp|dq|qi|oth|k)\"\\s*:");

    private static Browser browser;
    private static SignInPageObject signInPage;
    private static ApplicationsPageObject applicationsPage;
    private static KeysPageObject keysPage;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
        signInPage = new SignInPageObject(browser);
        applicationsPage = new ApplicationsPageObject(browser);
        keysPage = new KeysPageObject(browser);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedInFresh() {
        browser.startOver(SignInPageObject.PATH);
        signInPage.signIn("admin", System.getProperty(IntegrationEnvironment.ADMIN_PASSWORD));
        assertTrue(applicationsPage.isShown(), browser.currentUrl());
    }

    @Test
    void keysPageWhenOpenedThenActiveAndNextKeysWithTheirTimesAndSettings() {
        keysPage.openFromMenu();

        assertTrue(keysPage.isShown(), browser.currentUrl());
        assertTrue(browser.text().contains("Security\nOpenID Connect\nSigning keys"), "breadcrumb");
        Map<String, Object> active = only(keys(), "ACTIVE");
        Map<String, Object> next = only(keys(), "NEXT");
        assertEquals(List.of(kid(active)), keysPage.kids("ACTIVE"));
        assertEquals(List.of(kid(next)), keysPage.kids("NEXT"));
        assertEquals(
                List.of(
                        kid(active),
                        "RS256",
                        "Active — signs until " + seconds(active, "retiresAt"),
                        seconds(active, "createdAt"),
                        seconds(active, "activeFrom"),
                        seconds(active, "retiresAt")),
                keysPage.row(kid(active)));
        assertEquals("Next — published, signs from " + seconds(next, "activeFrom"), keysPage.state(kid(next)));
        String settings = keysPage.settings();
        assertTrue(settings.contains("Rotation period\n90 days"), settings);
        assertTrue(settings.contains("Lead time\n2 days"), settings);
        assertTrue(settings.contains("JWKS max-age\n5 minutes"), settings);
        assertTrue(settings.contains("Retention\n1 day 6 minutes"), settings); // 1 day + 60 s skew + 5 min JWKS
        assertFalse(keysPage.isConfirming());
    }

    @Test
    void keysPageWhenShownThenNoPartOfAnyPrivateKeyInTheHtml() throws Exception {
        keysPage.open();
        String html = browser.source();

        assertFalse(PRIVATE_MEMBERS.matcher(html).find(), "a private JWK member");
        assertFalse(html.contains("PRIVATE KEY"), "a PEM private key");
        Map<String, Object> privateJwk = ServerKeys.activePrivateKey().toJSONObject();
        for (String member : List.of("d", "p", "q", "dp", "dq", "qi")) {
            String value = (String) privateJwk.get(member);
            assertNotNull(value, member);
            assertFalse(html.contains(value.substring(0, 16)), "the signing key's " + member);
        }
        for (String stored : storedPrivateKeys()) {
            assertFalse(html.contains(stored.substring(0, 24)), "a stored, encrypted private key");
        }
    }

    @Test
    void rotateNowWhenCancelledThenNothingChangesAndWhenConfirmedThenNextKeySignsAtTheSafeInstant() {
        List<Map<String, Object>> before = keys();
        String active = kid(only(before, "ACTIVE"));
        String next = kid(only(before, "NEXT"));
        keysPage.open();

        keysPage.askToRotate();
        String confirmation = keysPage.rotateConfirmation();
        assertTrue(confirmation.contains("Rotate from key " + active + " now?"), confirmation);
        assertTrue(confirmation.contains("Key " + next + " signs from "), confirmation);
        keysPage.cancelRotate();
        assertFalse(keysPage.isConfirming());
        assertEquals(before, keys(), "cancelled: nothing changed");

        keysPage.askToRotate();
        keysPage.confirmRotate();

        List<Map<String, Object>> after = keys();
        Instant at = instant(byKid(after, next), "activeFrom");
        assertAbout(instant(byKid(before, next), "createdAt").plus(Duration.ofDays(2)), at, "a whole lead time");
        assertEquals(at, instant(byKid(after, active), "retiresAt"), "the active key hands over");
        assertEquals("ACTIVE", byKid(after, active).get("phase"), "and signs until then");
        String message = keysPage.messages();
        assertTrue(message.contains("Rotated: key " + next + " signs from " + seconds(at)), message);
        assertEquals("Next — published, signs from " + seconds(at), keysPage.state(next));
        assertEquals("Active — signs until " + seconds(at), keysPage.state(active));
        assertTrue(jwksKids().containsAll(List.of(active, next)), "both stay published");
        assertTrue(audit().contains("key.rotate"));
    }

    @Test
    void replaceNowWhenCancelledThenNothingChangesAndWhenConfirmedThenRevokedKeyLeavesTheJwks() throws Exception {
        String tokenBefore = Clavis.accessToken("clavis-admin", Clavis.bootstrapSecret());
        String revoked = SignedJWT.parse(tokenBefore).getHeader().getKeyID();
        List<Map<String, Object>> before = keys();
        assertEquals(revoked, kid(only(before, "ACTIVE")), "the token is signed by the active key");
        String next = kid(only(before, "NEXT"));
        keysPage.open();

        keysPage.askToReplace();
        String confirmation = keysPage.replaceConfirmation();
        assertTrue(confirmation.contains("Revoke key " + revoked + " and replace it now?"), confirmation);
        assertTrue(confirmation.contains("key " + next + " signs from now on"), confirmation);
        assertTrue(confirmation.contains("within 5 minutes"), confirmation);
        keysPage.cancelReplace();
        assertFalse(keysPage.isConfirming());
        assertEquals(before, keys(), "cancelled: nothing changed");
        assertTrue(jwksKids().contains(revoked));

        keysPage.askToReplace();
        keysPage.confirmReplace();

        String message = keysPage.messages();
        assertTrue(message.contains("Key " + revoked + " is revoked and removed from the JWKS"), message);
        assertTrue(message.contains("key " + next + " signs from now on"), message);
        assertTrue(keysPage.state(revoked).startsWith("Revoked — removed from the JWKS on "), keysPage.table());
        assertEquals(List.of(revoked), keysPage.kids("REVOKED"));
        assertEquals(List.of(next), keysPage.kids("ACTIVE"));
        assertEquals(1, keysPage.kids("NEXT").size(), "a new next key");
        String newNext = keysPage.kids("NEXT").get(0);
        assertFalse(List.of(revoked, next).contains(newNext));

        List<Map<String, Object>> after = keys();
        assertEquals("REVOKED", byKid(after, revoked).get("phase"));
        assertNotNull(byKid(after, revoked).get("revokedAt"));
        assertEquals("ACTIVE", byKid(after, next).get("phase"));
        JWKSet jwks = JWKSet.parse(Clavis.get("/oauth2/jwks").body());
        assertNull(jwks.getKeyByKeyId(revoked), "the token from before finds no key to validate it with");
        assertEquals(List.of(next, newNext), jwksKids());
        SignedJWT fresh = SignedJWT.parse(Clavis.accessToken("clavis-admin", Clavis.bootstrapSecret()));
        assertEquals(next, fresh.getHeader().getKeyID(), "new tokens are signed by the promoted key");
        assertTrue(fresh.verify(new RSASSAVerifier(jwks.getKeyByKeyId(next).toRSAKey())));
        assertNotEquals(revoked, fresh.getHeader().getKeyID());
        assertTrue(audit().contains("key.replace"));
    }

    @Test
    void keysPageWhenShownThenButtonsNamedNarrowScreenFitsAndScreenshotSaved() {
        keysPage.open();
        browser.screenshot("keys");
        keysPage.askToReplace();
        assertTrue(keysPage.isConfirming());
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView();", browser.byId("actions:replaceConfirmation"));
        browser.screenshot("keys-replace-confirmation");
        Object unnamed = ((JavascriptExecutor) browser.driver())
                .executeScript("return Array.from(document.querySelectorAll('input[type=submit], button, a'))"
                        + ".filter(e => !(e.value || e.textContent || '').trim()).map(e => e.outerHTML);");
        assertEquals(List.of(), unnamed, "buttons and links without a name");
        keysPage.cancelReplace();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        keysPage.open();
        assertEquals(List.of(), browser.sidewaysOverflow(), "scrolls sideways (the table scrolls in place)");
        browser.screenshot("keys-narrow");
    }

    // --- helpers ---

    /** The keys as the admin API lists them. */
    private static List<Map<String, Object>> keys() {
        HttpResponse<String> response = AdminApi.asAdmin().get("/keys");
        assertEquals(200, response.statusCode(), response.body());
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Object key : Clavis.jsonArray(response.body())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) key;
            keys.add(map);
        }
        return keys;
    }

    private static Map<String, Object> only(List<Map<String, Object>> keys, String phase) {
        List<Map<String, Object>> found =
                keys.stream().filter(key -> phase.equals(key.get("phase"))).toList();
        assertEquals(1, found.size(), phase + " keys in " + keys);
        return found.get(0);
    }

    private static Map<String, Object> byKid(List<Map<String, Object>> keys, String kid) {
        return keys.stream()
                .filter(key -> kid.equals(key.get("kid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key " + kid + " in " + keys));
    }

    private static String kid(Map<String, Object> key) {
        return (String) key.get("kid");
    }

    /** An instant of the key as the page writes it: to the second. */
    private static String seconds(Map<String, Object> key, String member) {
        return seconds(Instant.parse((String) key.get(member)));
    }

    private static Instant instant(Map<String, Object> key, String member) {
        return Instant.parse((String) key.get(member));
    }

    /**
     * PostgreSQL rounds an instant to the microsecond; a key not read back from it since it was made has the
     * nanoseconds it was made with.
     */
    private static void assertAbout(Instant expected, Instant actual, String what) {
        assertTrue(
                Duration.between(expected, actual).abs().compareTo(Duration.ofNanos(1_000)) <= 0,
                what + ": expected about " + expected + " but was " + actual);
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<String> jwksKids() {
        try {
            return JWKSet.parse(Clavis.get("/oauth2/jwks").body()).getKeys().stream()
                    .map(JWK::getKeyID)
                    .toList();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String audit() {
        return AdminApi.asAdmin().get("/audit").body();
    }

    private static List<String> storedPrivateKeys() throws Exception {
        List<String> stored = new ArrayList<>();
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT private_jwk_encrypted FROM signing_key");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        return stored;
    }
}
