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
import java.time.Duration;
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
import org.openqa.selenium.NoAlertPresentException;

/**
 * The admin pages in headless Chromium, against the real WAR and PostgreSQL: sign-in, the seeds' "Add an
 * application" form, application details, secrets, roles, the audit trail, and the safety rules (escaping, CSRF,
 * headers, cookies, a secret shown only once).
 */
class AdminPagesIT extends ClavisIT {

    private static Browser browser;
    private static SignInPageObject signInPage;
    private static ApplicationsPageObject applicationsPage;
    private static AddApplicationPageObject addApplicationPage;
    private static ApplicationPageObject applicationPage;
    private static RolesPageObject rolesPage;
    private static AuditPageObject auditPage;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
        signInPage = new SignInPageObject(browser);
        applicationsPage = new ApplicationsPageObject(browser);
        addApplicationPage = new AddApplicationPageObject(browser);
        applicationPage = new ApplicationPageObject(browser);
        rolesPage = new RolesPageObject(browser);
        auditPage = new AuditPageObject(browser);
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
        signInPage.signIn("admin", adminPassword());
        assertTrue(applicationsPage.isShown(), browser.currentUrl());
    }

    // --- sign-in ---

    @Test
    void signInWhenWrongPasswordOrUnknownUserThenSameMessageAndNoAccess() {
        applicationsPage.signOut();
        signInPage.signIn("admin", "not-the-password");
        String wrongPassword = signInPage.messages();
        signInPage.signIn("nobody", "not-the-password");
        String unknownUser = signInPage.messages();

        assertEquals("Sign-in failed: the username or password is not correct.", wrongPassword);
        assertEquals(wrongPassword, unknownUser);
        applicationsPage.open();
        assertTrue(signInPage.isShown());
    }

    @Test
    void signInWhenRepeatedFailuresThenSlowedDown() {
        applicationsPage.signOut();
        for (int i = 0; i < 3; i++) {
            signInPage.signIn("admin", "wrong-" + i);
        }
        signInPage.signIn("admin", adminPassword());
        assertTrue(signInPage.messages().startsWith("Too many failed sign-ins. Wait"));

        // The first wait after three failures is five seconds; the deadline leaves as much again for a slow machine.
        // Attempts during the wait are turned away without counting as failures, so trying does not prolong it.
        boolean signedIn = browser.eventually(Duration.ofSeconds(10), () -> {
            signInPage.signIn("admin", adminPassword());
            return applicationsPage.isShown();
        });
        assertTrue(signedIn, () -> "still refused after the wait: " + signInPage.messages());
        assertTrue(applicationsPage.isShown());
    }

    @Test
    void signInWhenKeyboardOnlyThenSignedIn() {
        applicationsPage.signOut();
        signInPage.signInWithKeyboard("admin", adminPassword());

        assertTrue(applicationsPage.isShown());
    }

    @Test
    void signOutWhenClickedThenPagesNeedSignInAgain() {
        applicationsPage.signOut();

        assertTrue(signInPage.isShown());
        rolesPage.open();
        assertTrue(signInPage.isShown());
    }

    // --- applications ---

    @Test
    void addApplicationWhenFormFilledThenSecretShownOnceAndAcceptedAtTokenEndpoint() {
        String clientId = uniqueId();
        applicationsPage.addApplication();
        assertTrue(
                browser.text().contains("Security\nOpenID Connect\nApplications")
                        || browser.text().contains("Security OpenID Connect Applications"),
                "breadcrumb");
        addApplicationPage.enterClientId(clientId);
        addApplicationPage.enterDisplayName("Back office " + clientId);
        addApplicationPage.tickRole("pos.sales.read");
        addApplicationPage.tickRole("pos.catalog.read");
        addApplicationPage.save();

        String secret = addApplicationPage.revealedSecret();
        assertTrue(secret.length() >= 43, secret);
        assertTrue(browser.text().contains("This is the only time the secret is shown."));
        HttpResponse<String> token = tokenRequest(clientId, secret, GRANT);
        assertEquals(200, token.statusCode(), token.body());
        assertEquals("pos.catalog.read pos.sales.read", json(token.body()).get("scope"));

        applicationPage.open(clientId);
        assertFalse(browser.source().contains(secret), "shown once, never again");
        applicationsPage.open(clientId);
        assertFalse(browser.source().contains(secret));
        assertTrue(applicationsPage.table().contains("Back office " + clientId));
    }

    @Test
    void addApplicationWhenOwnSecretEnteredThenThatSecretWorks() {
        String clientId = uniqueId();
        String secret = "my own long random secret " + System.nanoTime() + "!";
        addApplicationPage.open();
        addApplicationPage.enterClientId(clientId);
        addApplicationPage.enterDisplayName("Own secret");
        addApplicationPage.enterOwnSecret(secret);
        addApplicationPage.tickRole("pos.stores.read");
        addApplicationPage.save();

        assertEquals(secret, addApplicationPage.revealedSecret());
        assertEquals(200, tokenRequest(clientId, secret, GRANT).statusCode());
    }

    @Test
    void addApplicationWhenFieldsBreakRulesThenEachMessageNextToItsField() {
        addApplicationPage.open();
        addApplicationPage.enterClientId("Bad Id!");
        addApplicationPage.enterOwnSecret("short");
        addApplicationPage.save();

        assertTrue(addApplicationPage.fieldText("clientId").contains("lower-case name with no spaces or punctuation"));
        assertTrue(addApplicationPage.fieldText("displayName").contains("Enter a friendly name"));
        assertTrue(addApplicationPage.fieldText("clientSecret").contains("at least 32 characters"));
        assertEquals("Bad Id!", addApplicationPage.value("clientId"), "what was typed stays");
        assertEquals("", addApplicationPage.value("clientSecret"), "a secret is never sent back");
        browser.screenshot("add-application-errors");
    }

    @Test
    void addApplicationWhenClientIdTakenThenSaysSo() {
        var existing = application().roles("pos.sales.read").register();
        addApplicationPage.open();
        addApplicationPage.enterClientId(existing.clientId());
        addApplicationPage.enterDisplayName("Duplicate");
        addApplicationPage.save();

        assertTrue(addApplicationPage.messages().contains("already exists"));
    }

    @Test
    void applicationsWhenFilteredThenOnlyMatchingRows() {
        var one = application().roles("pos.sales.read").register();
        var other = application().roles("pos.sales.read").register();
        applicationsPage.open();
        applicationsPage.filter(one.clientId());

        String table = applicationsPage.table();
        assertTrue(table.contains(one.clientId()));
        assertFalse(table.contains(other.clientId()));
    }

    @Test
    void detailsWhenRolesChangedThenNextTokenCarriesThem() {
        var app = application().roles("pos.sales.read").register();
        applicationPage.open(app.clientId());
        applicationPage.untickRole("pos.sales.read");
        applicationPage.tickRole("pos.inventory.read");
        applicationPage.save();

        assertTrue(applicationPage.messages().contains("Changes saved."));
        assertEquals(
                "pos.inventory.read",
                json(tokenRequest(app.clientId(), app.secret(), GRANT).body()).get("scope"));
    }

    @Test
    void detailsWhenDisabledThenTokenRefusedAndEnabledAgainThenAccepted() {
        var app = application().roles("pos.sales.read").register();
        applicationPage.open(app.clientId());
        applicationPage.toggleEnabled();

        assertTrue(applicationPage.status().startsWith("Disabled"));
        assertEquals(401, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        applicationPage.toggleEnabled();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
    }

    @Test
    void secretsWhenRotatedThenNewWorksAndRevokedOldIsRefused() {
        var app = application().roles("pos.sales.read").register();
        applicationPage.open(app.clientId());
        applicationPage.addSecret();

        String fresh = applicationPage.revealedSecret();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        assertEquals(200, tokenRequest(app.clientId(), fresh, GRANT).statusCode());

        applicationPage.revokeSecretEndingIn(app.secret().substring(app.secret().length() - 4));
        assertTrue(applicationPage.messages().contains("is revoked"));
        assertEquals(401, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        assertEquals(200, tokenRequest(app.clientId(), fresh, GRANT).statusCode());
        assertFalse(browser.source().contains(fresh), "the new secret is not shown again after the next action");
    }

    @Test
    void deleteWhenConfirmedThenGoneAndCancelKeepsIt() {
        var app = application().roles("pos.sales.read").register();
        applicationPage.open(app.clientId());
        applicationPage.askToDelete();
        assertTrue(applicationPage.deleteConfirmation().contains("Delete " + app.clientId() + "?"));
        applicationPage.cancelDelete();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());

        applicationPage.askToDelete();
        applicationPage.confirmDelete();

        assertTrue(browser.currentUrl().contains(ApplicationsPageObject.PATH));
        assertTrue(applicationsPage.messages().contains("Application " + app.clientId() + " is deleted."));
        assertEquals(401, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
    }

    @Test
    void detailsWhenConnectPanelShownThenIssuerEndpointAndAdvice() {
        var app = application().roles("pos.sales.read").register();
        applicationPage.open(app.clientId());

        assertEquals(Clavis.baseUrl(), applicationPage.issuer());
        assertEquals(Clavis.baseUrl() + "/oauth2/token", applicationPage.tokenEndpoint());
        assertTrue(applicationPage.basicExample().contains("curl -u \"$CLIENT_ID:$CLIENT_SECRET\""));
        assertTrue(applicationPage.postExample().contains("client_secret=\"$CLIENT_SECRET\""));
        assertTrue(applicationPage.connectPanel().contains("environment variables"));
    }

    // --- roles and audit ---

    @Test
    void rolesWhenCustomRoleCreatedThenDeletingAsksNamingHolders() {
        String role = "custom." + uniqueId();
        rolesPage.open();
        rolesPage.create(role, "Read gift cards");
        assertTrue(rolesPage.table().contains(role));
        var holder = application().roles(role, "pos.sales.read").register();

        rolesPage.open();
        rolesPage.askToDelete(role);
        assertTrue(rolesPage.deleteConfirmation().contains(holder.clientId()));
        rolesPage.confirmDelete();

        assertTrue(rolesPage.messages().contains("Role " + role + " is deleted."));
        assertFalse(rolesPage.table().contains(role));
        assertEquals(
                "pos.sales.read",
                json(tokenRequest(holder.clientId(), holder.secret(), GRANT).body())
                        .get("scope"));
    }

    @Test
    void rolesWhenBuiltInThenNoEditOrDelete() {
        rolesPage.open();

        assertFalse(rolesPage.offersToDelete("pos.sales.read"));
        assertTrue(rolesPage.table().contains("Read sales, receipts and transactions"));
    }

    @Test
    void auditWhenChangesMadeInPagesThenListedWithTheAdministrator() {
        String role = "audited." + uniqueId();
        rolesPage.open();
        rolesPage.create(role, "Audited");

        auditPage.open();
        String firstRow = auditPage.newestRow();
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

        applicationsPage.open(app.clientId());
        assertTrue(applicationsPage.table().contains(hostile), "the markup is shown as text");
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        applicationPage.open(app.clientId());
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
        rolesPage.open();
        assertTrue(rolesPage.table().contains("<b>bold</b><script>alert(3)</script>"));
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
        auditPage.signOut();
        assertEverythingLabelled("sign-in");
        browser.screenshot("sign-in");
    }

    @Test
    void pagesWhenNarrowScreenThenNoSidewaysScrolling() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/admin/applications.xhtml", "/admin/add-application.xhtml", "/admin/roles.xhtml")) {
            browser.open(path);
            assertEquals(
                    List.of(), browser.sidewaysOverflow(), path + ": scrolls sideways (wide tables scroll in place)");
        }
        applicationsPage.open();
        browser.screenshot("applications-narrow");
    }

    // --- helpers ---

    private static String adminPassword() {
        return System.getProperty(IntegrationEnvironment.ADMIN_PASSWORD);
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
