package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.tokenRequest;
import static dev.clavis.it.TestApplications.application;
import static dev.clavis.it.TestApplications.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The admin pages in headless Chromium, against the real WAR and PostgreSQL: sign-in, the seeds' "Add an
 * application" form, application details, secrets, roles, the audit trail, and the safety rules (escaping, CSRF,
 * headers, cookies, a secret shown only once).
 */
class AdminPagesIT extends ClavisIT {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedInFresh() {
        browser.open("/admin/sign-in.xhtml");
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        signIn("admin", adminPassword());
        assertTrue(
                browser.driver().getCurrentUrl().endsWith("/admin/applications.xhtml"),
                browser.driver().getCurrentUrl());
    }

    // --- sign-in ---

    @Test
    void signInWhenWrongPasswordOrUnknownUserThenSameMessageAndNoAccess() {
        browser.click("signout:signOut");
        signIn("admin", "not-the-password");
        String wrongPassword = browser.find("#messages").getText();
        signIn("nobody", "not-the-password");
        String unknownUser = browser.find("#messages").getText();

        assertEquals("Sign-in failed: the username or password is not correct.", wrongPassword);
        assertEquals(wrongPassword, unknownUser);
        browser.open("/admin/applications.xhtml");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/sign-in.xhtml"));
    }

    @Test
    void signInWhenRepeatedFailuresThenSlowedDown() throws Exception {
        browser.click("signout:signOut");
        for (int i = 0; i < 3; i++) {
            signIn("admin", "wrong-" + i);
        }
        signIn("admin", adminPassword());
        assertTrue(browser.find("#messages").getText().startsWith("Too many failed sign-ins. Wait"));

        Thread.sleep(5_100); // the first wait after three failures is five seconds
        signIn("admin", adminPassword());
        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/applications.xhtml"));
    }

    @Test
    void signInWhenKeyboardOnlyThenSignedIn() {
        browser.click("signout:signOut");
        WebElement username = browser.byId("signin:username");
        username.sendKeys("admin", Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(adminPassword(), Keys.ENTER);
        browser.waitUntilGone(username);

        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/applications.xhtml"));
    }

    @Test
    void signOutWhenClickedThenPagesNeedSignInAgain() {
        browser.click("signout:signOut");

        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/sign-in.xhtml"));
        browser.open("/admin/roles.xhtml");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/sign-in.xhtml"));
    }

    // --- applications ---

    @Test
    void addApplicationWhenFormFilledThenSecretShownOnceAndAcceptedAtTokenEndpoint() {
        String clientId = uniqueId();
        browser.click("add");
        assertTrue(
                browser.text().contains("Security\nOpenID Connect\nApplications")
                        || browser.text().contains("Security OpenID Connect Applications"),
                "breadcrumb");
        browser.type("add:clientId", clientId);
        browser.type("add:displayName", "Back office " + clientId);
        check("add:roles", "pos.sales.read");
        check("add:roles", "pos.catalog.read");
        browser.click("add:save");

        String secret = browser.byId("secret-value").getText();
        assertTrue(secret.length() >= 43, secret);
        assertTrue(browser.text().contains("This is the only time the secret is shown."));
        HttpResponse<String> token = tokenRequest(clientId, secret, GRANT);
        assertEquals(200, token.statusCode(), token.body());
        assertEquals("pos.catalog.read pos.sales.read", json(token.body()).get("scope"));

        browser.open("/admin/application.xhtml?clientId=" + clientId);
        assertFalse(browser.source().contains(secret), "shown once, never again");
        browser.open("/admin/applications.xhtml?q=" + clientId);
        assertFalse(browser.source().contains(secret));
        assertTrue(browser.find("#applications").getText().contains("Back office " + clientId));
    }

    @Test
    void addApplicationWhenOwnSecretEnteredThenThatSecretWorks() {
        String clientId = uniqueId();
        String secret = "my own long random secret " + System.nanoTime() + "!";
        browser.open("/admin/add-application.xhtml");
        browser.type("add:clientId", clientId);
        browser.type("add:displayName", "Own secret");
        browser.find("input[name='add:secretChoice'][value='false']").click(); // a radio: no page load
        browser.type("add:clientSecret", secret);
        check("add:roles", "pos.stores.read");
        browser.click("add:save");

        assertEquals(secret, browser.byId("secret-value").getText());
        assertEquals(200, tokenRequest(clientId, secret, GRANT).statusCode());
    }

    @Test
    void addApplicationWhenFieldsBreakRulesThenEachMessageNextToItsField() {
        browser.open("/admin/add-application.xhtml");
        browser.type("add:clientId", "Bad Id!");
        browser.find("input[name='add:secretChoice'][value='false']").click(); // a radio: no page load
        browser.type("add:clientSecret", "short");
        browser.click("add:save");

        assertTrue(fieldText("add:clientId").contains("lower-case name with no spaces or punctuation"));
        assertTrue(fieldText("add:displayName").contains("Enter a friendly name"));
        assertTrue(fieldText("add:clientSecret").contains("at least 32 characters"));
        assertEquals("Bad Id!", browser.byId("add:clientId").getAttribute("value"), "what was typed stays");
        assertEquals("", browser.byId("add:clientSecret").getAttribute("value"), "a secret is never sent back");
        browser.screenshot("add-application-errors");
    }

    @Test
    void addApplicationWhenClientIdTakenThenSaysSo() {
        var existing = application().roles("pos.sales.read").register();
        browser.open("/admin/add-application.xhtml");
        browser.type("add:clientId", existing.clientId());
        browser.type("add:displayName", "Duplicate");
        browser.click("add:save");

        assertTrue(browser.find("#messages").getText().contains("already exists"));
    }

    @Test
    void applicationsWhenFilteredThenOnlyMatchingRows() {
        var one = application().roles("pos.sales.read").register();
        var other = application().roles("pos.sales.read").register();
        browser.open("/admin/applications.xhtml");
        browser.type("q", one.clientId());
        browser.submit("q");

        String table = browser.find("#applications").getText();
        assertTrue(table.contains(one.clientId()));
        assertFalse(table.contains(other.clientId()));
    }

    @Test
    void detailsWhenRolesChangedThenNextTokenCarriesThem() {
        var app = application().roles("pos.sales.read").register();
        browser.open("/admin/application.xhtml?clientId=" + app.clientId());
        uncheck("details:roles", "pos.sales.read");
        check("details:roles", "pos.inventory.read");
        browser.click("details:save");

        assertTrue(browser.find("#messages").getText().contains("Changes saved."));
        assertEquals(
                "pos.inventory.read",
                json(tokenRequest(app.clientId(), app.secret(), GRANT).body()).get("scope"));
    }

    @Test
    void detailsWhenDisabledThenTokenRefusedAndEnabledAgainThenAccepted() {
        var app = application().roles("pos.sales.read").register();
        browser.open("/admin/application.xhtml?clientId=" + app.clientId());
        browser.click("details:toggle");

        assertTrue(browser.byId("status").getText().startsWith("Disabled"));
        assertEquals(401, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        browser.click("details:toggle");
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
    }

    @Test
    void secretsWhenRotatedThenNewWorksAndRevokedOldIsRefused() {
        var app = application().roles("pos.sales.read").register();
        browser.open("/admin/application.xhtml?clientId=" + app.clientId());
        browser.click("secrets:addSecret");

        String fresh = browser.byId("secret-value").getText();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        assertEquals(200, tokenRequest(app.clientId(), fresh, GRANT).statusCode());

        String oldHint = app.secret().substring(app.secret().length() - 4);
        browser.clickAndWait(browser.find("input[aria-label='Revoke the secret ending in " + oldHint + "']"));
        assertTrue(browser.find("#messages").getText().contains("is revoked"));
        assertEquals(401, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        assertEquals(200, tokenRequest(app.clientId(), fresh, GRANT).statusCode());
        assertFalse(browser.source().contains(fresh), "the new secret is not shown again after the next action");
    }

    @Test
    void deleteWhenConfirmedThenGoneAndCancelKeepsIt() {
        var app = application().roles("pos.sales.read").register();
        browser.open("/admin/application.xhtml?clientId=" + app.clientId());
        browser.click("details:askDelete");
        assertTrue(browser.byId("details:confirm").getText().contains("Delete " + app.clientId() + "?"));
        browser.click("details:cancelDelete");
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());

        browser.click("details:askDelete");
        browser.click("details:confirmDelete");

        assertTrue(browser.driver().getCurrentUrl().contains("/admin/applications.xhtml"));
        assertTrue(browser.find("#messages").getText().contains("Application " + app.clientId() + " is deleted."));
        assertEquals(401, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
    }

    @Test
    void detailsWhenConnectPanelShownThenIssuerEndpointAndAdvice() {
        var app = application().roles("pos.sales.read").register();
        browser.open("/admin/application.xhtml?clientId=" + app.clientId());

        assertEquals(Clavis.baseUrl(), browser.byId("issuer").getText());
        assertEquals(
                Clavis.baseUrl() + "/oauth2/token",
                browser.byId("tokenEndpoint").getText());
        assertTrue(browser.byId("example-basic").getText().contains("curl -u \"$CLIENT_ID:$CLIENT_SECRET\""));
        assertTrue(browser.byId("example-post").getText().contains("client_secret=\"$CLIENT_SECRET\""));
        assertTrue(browser.find("#connect").getText().contains("environment variables"));
    }

    // --- roles and audit ---

    @Test
    void rolesWhenCustomRoleCreatedThenDeletingAsksNamingHolders() {
        String role = "custom." + uniqueId();
        browser.open("/admin/roles.xhtml");
        browser.type("create:name", role);
        browser.type("create:description", "Read gift cards");
        browser.click("create:createRole");
        assertTrue(browser.find("#roles").getText().contains(role));
        var holder = application().roles(role, "pos.sales.read").register();

        browser.open("/admin/roles.xhtml");
        browser.clickAndWait(browser.find("input[aria-label='Delete " + role + "']"));
        assertTrue(browser.byId("list:confirm").getText().contains(holder.clientId()));
        browser.click("list:confirmDelete");

        assertTrue(browser.find("#messages").getText().contains("Role " + role + " is deleted."));
        assertFalse(browser.find("#roles").getText().contains(role));
        assertEquals(
                "pos.sales.read",
                json(tokenRequest(holder.clientId(), holder.secret(), GRANT).body())
                        .get("scope"));
    }

    @Test
    void rolesWhenBuiltInThenNoEditOrDelete() {
        browser.open("/admin/roles.xhtml");

        assertTrue(browser.driver()
                .findElements(By.cssSelector("input[aria-label='Delete pos.sales.read']"))
                .isEmpty());
        assertTrue(browser.find("#roles").getText().contains("Read sales, receipts and transactions"));
    }

    @Test
    void auditWhenChangesMadeInPagesThenListedWithTheAdministrator() {
        String role = "audited." + uniqueId();
        browser.open("/admin/roles.xhtml");
        browser.type("create:name", role);
        browser.type("create:description", "Audited");
        browser.click("create:createRole");

        browser.open("/admin/audit.xhtml");
        String firstRow = browser.find("#audit tbody tr").getText();
        assertTrue(firstRow.contains("user:admin"), firstRow);
        assertTrue(firstRow.contains("role.create"), firstRow);
        assertTrue(firstRow.contains(role), firstRow);
    }

    // --- safety ---

    @Test
    void pagesWhenParametersAreGarbageThenNoServerError() {
        for (String path : List.of(
                "/admin/audit.xhtml?before=abc",
                "/admin/audit.xhtml?before=99999999999999999999999",
                "/admin/audit.xhtml?before=-5",
                "/admin/application.xhtml?clientId=%00%3Cscript%3E",
                "/admin/application.xhtml",
                "/admin/applications.xhtml?q=%27%20OR%201%3D1--")) {
            browser.open(path);
            assertFalse(browser.text().contains("Error 500"), path);
            assertFalse(browser.text().contains("Something went wrong"), path);
            assertTrue(browser.driver().findElements(By.tagName("h1")).size() > 0, path);
        }
    }

    @Test
    void pagesWhenNamesHoldHtmlThenShownAsText() {
        String hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        var app = application().roles("pos.sales.read").register();
        renameInDatabase(app.clientId(), hostile);

        browser.open("/admin/applications.xhtml?q=" + app.clientId());
        assertTrue(browser.find("#applications").getText().contains(hostile), "the markup is shown as text");
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        browser.open("/admin/application.xhtml?clientId=" + app.clientId());
        assertTrue(browser.text().contains(hostile));
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        assertTrue(browser.driver().findElements(By.cssSelector("main img")).isEmpty());

        String role = "xss." + uniqueId();
        HttpResponse<String> created = AdminApi.asAdmin()
                .post(
                        "/roles",
                        Json.object().put("name", role).put("description", "<b>bold</b><script>alert(3)</script>"));
        assertEquals(201, created.statusCode(), created.body());
        browser.open("/admin/roles.xhtml");
        assertTrue(browser.find("#roles").getText().contains("<b>bold</b><script>alert(3)</script>"));
        assertTrue(browser.driver().findElements(By.cssSelector("#roles b")).isEmpty());
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }

    @Test
    void postWhenViewStateForgedThenRefusedAndNothingCreated() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> signInPage =
                client.send(Clavis.request("/admin/sign-in.xhtml").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = client.send(
                form(
                        "/admin/sign-in.xhtml",
                        "signin",
                        viewState(signInPage),
                        "signin:username",
                        "admin",
                        "signin:password",
                        adminPassword(),
                        "signin:signIn",
                        "Sign in"),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signedIn.headers().allValues("Set-Cookie").toString();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);

        String clientId = uniqueId();
        HttpResponse<String> forged = client.send(
                form(
                        "/admin/add-application.xhtml",
                        "add",
                        "-1:-1",
                        "add:clientId",
                        clientId,
                        "add:displayName",
                        "Forged",
                        "add:type",
                        "CONFIDENTIAL",
                        "add:secretChoice",
                        "true",
                        "add:clientCredentialsFlow",
                        "on",
                        "add:save",
                        "Add application"),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("Nothing was changed"));
        assertFalse(applicationExists(clientId));
    }

    @Test
    void pagesWhenPathDodgesTheGuardThenStillNeedSignIn() throws Exception {
        for (String path : List.of(
                "/admin/api/../applications.xhtml",
                "/admin/api/%2e%2e/roles.xhtml",
                "/jakarta.faces.resource/../admin/audit.xhtml",
                "/admin/./applications.xhtml")) {
            String answer = rawGet(path);
            assertFalse(answer.contains("<h1>"), path + " served a page without sign-in:\n" + answer);
            assertTrue(
                    answer.startsWith("HTTP/1.1 303")
                            || answer.startsWith("HTTP/1.1 404")
                            || answer.startsWith("HTTP/1.1 400"),
                    path + ": " + answer.lines().findFirst().orElse(""));
        }
    }

    @Test
    void pagesWhenServedThenSecurityHeadersAndNoCaching() {
        HttpResponse<String> page = Clavis.get("/admin/sign-in.xhtml");

        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(
                Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE)
                        .matcher(page.body())
                        .find(),
                "no inline script");
    }

    @Test
    void everyPageWhenShownThenFieldsLabelledButtonsNamedAndScreenshotSaved() {
        var app = application().roles("pos.sales.read").register();
        List<String[]> pages = List.of(
                new String[] {"/admin/applications.xhtml", "applications"},
                new String[] {"/admin/add-application.xhtml", "add-application"},
                new String[] {"/admin/application.xhtml?clientId=" + app.clientId(), "application"},
                new String[] {"/admin/roles.xhtml", "roles"},
                new String[] {"/admin/audit.xhtml", "audit"});
        for (String[] page : pages) {
            browser.open(page[0]);
            assertEverythingLabelled(page[1]);
            browser.screenshot(page[1]);
        }
        browser.click("signout:signOut");
        assertEverythingLabelled("sign-in");
        browser.screenshot("sign-in");
    }

    @Test
    void pagesWhenNarrowScreenThenNoSidewaysScrolling() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/admin/applications.xhtml", "/admin/add-application.xhtml", "/admin/roles.xhtml")) {
            browser.open(path);
            Object wider = ((JavascriptExecutor) browser.driver())
                    .executeScript("return Array.from(document.querySelectorAll('body *'))"
                            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                            + ".filter(e => !e.closest('.scroll'))"
                            + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5);");
            assertEquals(List.of(), wider, path + ": elements wider than the screen");
            Object scrollsSideways = ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
            assertEquals(false, scrollsSideways, path + ": the page scrolls sideways (wide tables scroll in place)");
        }
        browser.open("/admin/applications.xhtml");
        browser.screenshot("applications-narrow");
    }

    // --- helpers ---

    private static void signIn(String username, String password) {
        browser.open("/admin/sign-in.xhtml");
        browser.type("signin:username", username);
        browser.type("signin:password", password);
        browser.click("signin:signIn");
    }

    private static String adminPassword() {
        return System.getProperty(IntegrationEnvironment.ADMIN_PASSWORD);
    }

    private static void check(String groupId, String value) {
        WebElement box = checkbox(groupId, value);
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static void uncheck(String groupId, String value) {
        WebElement box = checkbox(groupId, value);
        if (box.isSelected()) {
            box.click();
        }
    }

    private static WebElement checkbox(String groupId, String value) {
        return browser.find("input[name='" + groupId + "'][value='" + value + "']");
    }

    /** The text of the form field block holding the input, where its message appears. */
    private static String fieldText(String inputId) {
        return browser.byId(inputId)
                .findElement(By.xpath("ancestor::*[contains(@class,'field')][1]"))
                .getText();
    }

    private static void assertEverythingLabelled(String page) {
        Object unlabelled = ((JavascriptExecutor) browser.driver())
                .executeScript("return Array.from(document.querySelectorAll('input, select, textarea'))"
                        + ".filter(e => !['hidden', 'submit', 'button'].includes(e.type))"
                        + ".filter(e => !(e.id && document.querySelector('label[for=\"' + CSS.escape(e.id) + '\"]'))"
                        + "  && !e.closest('label') && !e.getAttribute('aria-label'))"
                        + ".map(e => e.name || e.id);");
        assertEquals(List.of(), unlabelled, page + ": fields without a label");
        Object unnamed = ((JavascriptExecutor) browser.driver())
                .executeScript("return Array.from(document.querySelectorAll('button, input[type=submit]'))"
                        + ".filter(e => !(e.value || e.textContent).trim()).map(e => e.id || e.name);");
        assertEquals(List.of(), unnamed, page + ": buttons without a name");
    }

    /** Sends the path exactly as written (HTTP clients and browsers would normalise it), without a session. */
    private static String rawGet(String path) throws Exception {
        java.net.URI base = java.net.URI.create(Clavis.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpRequest form(String path, String formId, String viewState, String... fields) {
        StringBuilder body = new StringBuilder(formId + "=" + formId);
        body.append("&jakarta.faces.ViewState=").append(URLEncoder.encode(viewState, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&')
                    .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return Clavis.request(path)
                .header("Content-Type", Clavis.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher matcher = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(matcher.find(), "the page has a view state");
        return matcher.group(1);
    }

    private static void renameInDatabase(String clientId, String displayName) {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE application SET display_name = ? WHERE client_id = ?")) {
            update.setString(1, displayName);
            update.setString(2, clientId);
            assertEquals(1, update.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean applicationExists(String clientId) throws Exception {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM application WHERE client_id = ?")) {
            query.setString(1, clientId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
