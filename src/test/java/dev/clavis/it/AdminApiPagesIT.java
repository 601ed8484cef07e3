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

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The admin pages for APIs in headless Chromium, against the real WAR and PostgreSQL: adding, changing and deleting an
 * API, granting it on an application's page, the status line that says what an application can get a token for, and
 * the token request the page shows, which is sent as shown and must get a token for that API.
 */
class AdminApiPagesIT extends ClavisIT {

    private static final String CATALOG = "pos.catalog.read";
    private static final String SALES = "pos.sales.read";
    private static final String FIELD_RULE = "Use an absolute URI without a fragment";

    private static Browser browser;
    private static SignInPageObject signInPage;
    private static ApplicationsPageObject applicationsPage;
    private static ApplicationPageObject applicationPage;
    private static ApisPageObject apisPage;
    private static AddApiPageObject addApiPage;
    private static ApiPageObject apiPage;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
        signInPage = new SignInPageObject(browser);
        applicationsPage = new ApplicationsPageObject(browser);
        applicationPage = new ApplicationPageObject(browser);
        apisPage = new ApisPageObject(browser);
        addApiPage = new AddApiPageObject(browser);
        apiPage = new ApiPageObject(browser);
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
    void addApiWhenGrantedOnApplicationPageThenShownRequestGetsTokenForIt() throws Exception {
        var app = application().roles(SALES, CATALOG).apis().register();
        String identifier = "https://" + uniqueId() + ".example.com/api";
        apisPage.open();
        apisPage.addApi();
        assertTrue(browser.text().contains("Security\nOpenID Connect\nAPIs"), "breadcrumb");
        addApiPage.enterIdentifier(identifier);
        addApiPage.enterDisplayName("Catalog " + identifier);
        addApiPage.tickRole(CATALOG);
        addApiPage.save();

        assertTrue(apiPage.isShown(), browser.currentUrl());
        assertTrue(apiPage.messages().contains("is added"), apiPage.messages());
        assertEquals(identifier, apiPage.identifier());
        String apiId = apiPage.id();
        apisPage.open();
        assertTrue(apisPage.table().contains(identifier));

        applicationPage.open(app.clientId());
        assertTrue(applicationPage.status().startsWith("Enabled, but it cannot obtain tokens"));
        applicationPage.tickApi(apiId);
        applicationPage.save();

        assertTrue(applicationPage.messages().contains("Changes saved."));
        assertEquals(
                "Enabled: it can obtain tokens for Catalog " + identifier + " (" + identifier + ") with role " + CATALOG
                        + ".",
                applicationPage.status());
        assertEquals(List.of(identifier), applicationPage.connectedIdentifiers());
        assertEquals("[" + CATALOG + "]", applicationPage.rolesFor(identifier));

        Map<String, String> settings = Map.of("CLIENT_ID", app.clientId(), "CLIENT_SECRET", app.secret());
        JWTClaimsSet basic = tokenOf(ShownCurl.send(applicationPage.basicExampleFor(identifier), settings));
        assertEquals(List.of(identifier), basic.getAudience());
        assertEquals(List.of(CATALOG), basic.getStringListClaim("roles"));
        JWTClaimsSet post = tokenOf(ShownCurl.send(
                "export CLIENT_ID=" + app.clientId() + "\n" + applicationPage.postExampleFor(identifier), settings));
        assertEquals(List.of(identifier), post.getAudience());

        String scope = applicationPage.msalScopeFor(identifier);
        assertEquals(identifier + "/.default", scope);
        assertTrue(applicationPage.msalNetExampleFor(identifier).contains("\"" + scope + "\""));
        HttpResponse<String> msal =
                tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=" + Clavis.urlencode(scope));
        assertEquals(List.of(identifier), tokenOf(msal).getAudience());
        assertEquals(CATALOG, json(msal.body()).get("scope"));
    }

    @Test
    void changeApiWhenRoleAddedThenNextTokenCarriesIt() throws Exception {
        String identifier = "api://" + uniqueId();
        addApiPage.add(identifier, "Changing " + identifier, CATALOG);
        String apiId = apiPage.id();
        var app = application().roles(SALES, CATALOG).apis(apiId).register();

        apiPage.open(apiId);
        apiPage.tickRole(SALES);
        apiPage.save();

        assertTrue(apiPage.messages().contains("Changes saved"), apiPage.messages());
        JWTClaimsSet token = tokenOf(tokenRequest(app.clientId(), app.secret(), GRANT));
        assertEquals(List.of(identifier), token.getAudience());
        assertEquals(List.of(CATALOG, SALES), token.getStringListClaim("roles"));
        assertTrue(apiPage.grantees().contains(app.clientId()));
    }

    @Test
    void addApiWhenMicroProfileFormatAndLifetimeChosenThenItsTokensFollow() throws Exception {
        String identifier = "api://" + uniqueId();
        addApiPage.open();
        addApiPage.enterIdentifier(identifier);
        addApiPage.enterDisplayName("MicroProfile " + identifier);
        addApiPage.tickEveryRole();
        addApiPage.chooseMicroProfileFormat();
        addApiPage.enterLifetime("120");
        addApiPage.save();
        assertTrue(apiPage.isShown(), browser.currentUrl());
        var app = application().roles(SALES).apis(apiPage.id()).register();
        apisPage.open();
        assertTrue(apisPage.table().contains("MicroProfile JWT"));

        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT);
        assertEquals(200, response.statusCode(), response.body());
        SignedJWT jwt = SignedJWT.parse((String) json(response.body()).get("access_token"));
        assertEquals("JWT", jwt.getHeader().getType().getType());
        assertEquals(app.clientId(), jwt.getJWTClaimsSet().getStringClaim("upn"));
        assertEquals(List.of(SALES), jwt.getJWTClaimsSet().getStringListClaim("roles"));
        assertEquals(120L, ((Number) json(response.body()).get("expires_in")).longValue());
    }

    @Test
    void deleteApiWhenGrantedThenConfirmationNamesApplicationAndConfirmingWithdrawsIt() {
        String identifier = "https://" + uniqueId() + ".example.com/api";
        String name = "Doomed " + identifier;
        addApiPage.add(identifier, name, SALES);
        String apiId = apiPage.id();
        var app = application().roles(SALES).apis(apiId).register();
        String resource = GRANT + "&resource=" + Clavis.urlencode(identifier);
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), resource).statusCode());

        apiPage.open(apiId);
        apiPage.askToDelete();
        assertTrue(apiPage.deleteConfirmation().contains(app.clientId()), apiPage.deleteConfirmation());
        apiPage.cancelDelete();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), resource).statusCode());
        apiPage.askToDelete();
        apiPage.confirmDelete();

        assertTrue(apisPage.isShown(), browser.currentUrl());
        assertTrue(apisPage.messages().contains("API " + name + " is deleted."), apisPage.messages());
        assertFalse(apisPage.table().contains(identifier));
        HttpResponse<String> refused = tokenRequest(app.clientId(), app.secret(), resource);
        assertEquals(400, refused.statusCode());
        assertEquals("invalid_target", json(refused.body()).get("error"));
        applicationPage.open(app.clientId());
        assertFalse(applicationPage.apiChoices().contains(identifier));
        assertEquals(List.of(), applicationPage.tickedApis());
        assertTrue(applicationPage.status().contains("it may call no API"), applicationPage.status());
        applicationsPage.open(app.clientId());
        assertFalse(applicationsPage.table().contains(name));
    }

    @Test
    void statusWhenNoRolesAndNoApisThenSaysItCannotObtainTokensAndWhy() {
        var app = application().apis().register();
        applicationPage.open(app.clientId());

        String status = applicationPage.status();
        assertTrue(status.startsWith("Enabled, but it cannot obtain tokens: "), status);
        assertTrue(status.contains("it has no roles"), status);
        assertTrue(status.contains("it may call no API"), status);
        assertTrue(browser.find("#noConnections").isDisplayed());
        assertEquals(400, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode(), "as the status says");
    }

    @Test
    void statusWhenRolesButNoneUnderstoodThenSaysWhich() {
        String identifier = "api://" + uniqueId();
        addApiPage.add(identifier, "Catalog only " + identifier, CATALOG);
        var app = application().roles(SALES).apis(apiPage.id()).register();
        applicationPage.open(app.clientId());

        assertTrue(
                applicationPage.status().contains("Catalog only " + identifier + " understands none of its roles"),
                applicationPage.status());
        assertEquals(400, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode(), "as the status says");
    }

    @Test
    void defaultApiWhenSeveralAndOneChosenThenRequestWithoutResourceGetsIt() throws Exception {
        String identifier = "api://" + uniqueId();
        addApiPage.add(identifier, "Second " + identifier, SALES);
        String apiId = apiPage.id();
        var app = application().roles(SALES).apis("default", apiId).register();
        applicationPage.open(app.clientId());
        assertTrue(applicationPage.status().contains("must name one with the resource parameter"));
        assertEquals(400, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode(), "as the status says");

        applicationPage.chooseDefaultApi(apiId);
        applicationPage.save();

        assertTrue(
                applicationPage.status().contains("names no API gets a token for Second " + identifier),
                applicationPage.status());
        assertEquals(identifier, applicationPage.connectedIdentifiers().get(0), "the default first");
        assertEquals(
                List.of(identifier),
                tokenOf(tokenRequest(app.clientId(), app.secret(), GRANT)).getAudience());
    }

    @Test
    void addApiWhenIdentifierInvalidThenFieldErrorAndWhatWasTypedStays() {
        for (String identifier : List.of("pos backoffice", "/relative/api", "https://x.example/api#part")) {
            addApiPage.open();
            addApiPage.enterIdentifier(identifier);
            addApiPage.enterDisplayName("Invalid");
            addApiPage.save();

            assertTrue(addApiPage.isShown(), identifier + ": stays on the form");
            assertTrue(addApiPage.fieldText("identifier").contains(FIELD_RULE), addApiPage.fieldText("identifier"));
            assertEquals(identifier, addApiPage.value("identifier"));
        }
        browser.screenshot("add-api-errors");
    }

    @Test
    void addApiWhenIdentifierTakenThenSaysSoNextToIt() {
        String identifier = "api://" + uniqueId();
        addApiPage.add(identifier, "First", SALES);
        addApiPage.add(identifier, "Second", SALES);

        assertTrue(addApiPage.isShown());
        assertTrue(addApiPage.fieldText("identifier").contains("Another API already has this identifier"));
    }

    @Test
    void addApiWhenHostileInputThenFieldErrorsNeverServerErrorAndShownAsText() {
        String script = "\"><script>alert(1)</script>";
        List<Map.Entry<String, String>> identifiers = List.of(
                Map.entry("huge", "https://x.example/" + "a".repeat(100_000)),
                Map.entry("control characters", "https://x.example/\u0007api\u0000"),
                Map.entry("direction override", "https://x.example/\u202Eipa"),
                Map.entry("markup", script));
        for (Map.Entry<String, String> hostile : identifiers) {
            addApiPage.open();
            addApiPage.forceValue("identifier", hostile.getValue());
            addApiPage.enterDisplayName("Hostile");
            addApiPage.save();

            assertNoServerError(hostile.getKey());
            assertTrue(addApiPage.fieldText("identifier").contains(FIELD_RULE), hostile.getKey());
        }
        assertEquals(script, addApiPage.value("identifier"), "sent back as the value, not as markup");
        assertNoScriptRan();

        addApiPage.open();
        addApiPage.enterIdentifier("api://" + uniqueId());
        addApiPage.forceValue("displayName", "bell\u0007");
        addApiPage.forceValue("accessTokenLifetimeSeconds", "99999999999999999999");
        addApiPage.forgeTokenFormat("EVIL");
        addApiPage.save();
        assertNoServerError("display name, lifetime and format");
        assertTrue(addApiPage.fieldText("accessTokenLifetimeSeconds").contains("Enter a number of seconds"));
        assertTrue(addApiPage.fieldText("tokenFormat").toLowerCase().contains("not valid"));

        addApiPage.open();
        addApiPage.enterIdentifier("api://" + uniqueId());
        addApiPage.forceValue("displayName", "bell\u0007");
        addApiPage.forceValue("accessTokenLifetimeSeconds", "5"); // past the browser's own check of min="60"
        addApiPage.save();
        assertNoServerError("display name and lifetime");
        assertTrue(addApiPage.fieldText("displayName").contains("Use visible characters only"));
        assertTrue(addApiPage.fieldText("accessTokenLifetimeSeconds").contains("Use 60 to 86400 seconds"));

        String markupName = "<img src=x onerror=alert(2)>" + script;
        String identifier = "api://" + uniqueId();
        addApiPage.add(identifier, markupName, SALES);
        assertTrue(apiPage.isShown(), "a name may hold markup; it is only text");
        String apiId = apiPage.id();
        assertTrue(browser.find("h1").getText().contains(markupName));
        assertNoScriptRan();
        apisPage.open();
        assertTrue(apisPage.table().contains(markupName));
        assertNoScriptRan();
        var app = application().roles(SALES).apis(apiId).register();
        applicationPage.open(app.clientId());
        assertTrue(applicationPage.status().contains(markupName), applicationPage.status());
        assertNoScriptRan();
    }

    @Test
    void builtInApiWhenOpenedThenReadOnlyWithExplanation() {
        apiPage.open("clavis-administration");

        assertTrue(apiPage.isShown());
        assertFalse(apiPage.offersChanges());
        assertTrue(browser.text().contains("cannot be changed or deleted"));
        assertEquals(Clavis.baseUrl() + "/admin/api", apiPage.identifier());
        apisPage.open();
        assertTrue(apisPage.table().contains("Built-in"));
    }

    @Test
    void apiPageWhenIdIsGarbageThenBackToListWithoutServerError() {
        for (String id : List.of("%00%3Cscript%3E", "nonexistent", "", "a".repeat(5000))) {
            apiPage.open(id);
            assertNoServerError(id);
            assertTrue(apisPage.isShown(), browser.currentUrl());
            assertTrue(apisPage.messages().contains("There is no such API"));
        }
        browser.open(ApiPageObject.PATH);
        assertTrue(apisPage.isShown(), "without an id");
    }

    @Test
    void apiPagesWhenShownThenFieldsLabelledNarrowScreenFitsAndScreenshotSaved() {
        String identifier = "https://" + uniqueId() + ".example.com/api";
        addApiPage.add(identifier, "Screenshot", SALES);
        String apiPath = ApiPageObject.PATH + "?id=" + apiPage.id();
        var app = application()
                .roles(SALES)
                .apis("default", apiPage.id())
                .defaultApi("default")
                .register();
        Map<String, String> pages = Map.of(
                "apis",
                ApisPageObject.PATH,
                "add-api",
                AddApiPageObject.PATH,
                "api",
                apiPath,
                "application-apis",
                ApplicationPageObject.PATH + "?clientId=" + app.clientId());
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.open(page.getValue());
            assertEverythingLabelled(page.getKey());
            browser.screenshot(page.getKey());
        }
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String path : pages.values()) {
            browser.open(path);
            assertEquals(List.of(), browser.sidewaysOverflow(), path + ": scrolls sideways");
        }
    }

    // --- helpers ---

    private static JWTClaimsSet tokenOf(HttpResponse<String> response) throws ParseException {
        assertEquals(200, response.statusCode(), response.body());
        return SignedJWT.parse((String) json(response.body()).get("access_token"))
                .getJWTClaimsSet();
    }

    private static void assertNoServerError(String what) {
        String text = browser.text();
        assertFalse(text.contains("Error 500") || text.contains("Something went wrong"), what + ": " + text);
        assertFalse(browser.driver().findElements(By.tagName("h1")).isEmpty(), what + ": " + text);
    }

    private static void assertNoScriptRan() {
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        assertTrue(browser.driver()
                .findElements(By.cssSelector("main script, main img"))
                .isEmpty());
    }

    private static void assertEverythingLabelled(String page) {
        Object unlabelled = ((JavascriptExecutor) browser.driver())
                .executeScript("return Array.from(document.querySelectorAll('input, select, textarea'))"
                        + ".filter(e => !['hidden', 'submit', 'button'].includes(e.type))"
                        + ".filter(e => !(e.id && document.querySelector('label[for=\"' + CSS.escape(e.id) + '\"]'))"
                        + "  && !e.closest('label') && !e.getAttribute('aria-label'))"
                        + ".map(e => e.name || e.id);");
        assertEquals(List.of(), unlabelled, page + ": fields without a label");
    }

    /**
     * Runs what the page shows as a shell would, as far as the examples go: {@code export} lines, then one curl
     * command with {@code -u}, {@code -d} and {@code --data-urlencode}, quoting and line continuations. So a test
     * sends exactly the request an administrator would copy.
     */
    static final class ShownCurl {

        private ShownCurl() {}

        static HttpResponse<String> send(String shown, Map<String, String> settings) {
            Map<String, String> variables = new HashMap<>(settings);
            for (List<String> command : commands(shown, variables)) {
                if (command.get(0).equals("export")) {
                    String[] assignment = command.get(1).split("=", 2);
                    variables.putIfAbsent(assignment[0], assignment[1]);
                } else if (command.get(0).equals("curl")) {
                    return Clavis.send(curl(command.subList(1, command.size())));
                }
            }
            throw new AssertionError("no curl command in:\n" + shown);
        }

        private static HttpRequest curl(List<String> arguments) {
            StringBuilder body = new StringBuilder();
            String user = null;
            String url = null;
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                switch (argument) {
                    case "-u" -> user = arguments.get(++i);
                    case "-d" -> append(body, arguments.get(++i));
                    case "--data-urlencode" -> {
                        String[] pair = arguments.get(++i).split("=", 2);
                        append(body, pair[0] + "=" + Clavis.urlencode(pair[1]));
                    }
                    default -> {
                        assertTrue(url == null && !argument.startsWith("-"), "unexpected curl argument " + argument);
                        url = argument;
                    }
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", Clavis.FORM)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (user != null) {
                String[] pair = user.split(":", 2);
                request.header("Authorization", Clavis.basic(pair[0], pair[1]));
            }
            return request.build();
        }

        private static void append(StringBuilder body, String data) {
            body.append(body.length() == 0 ? "" : "&").append(data);
        }

        /** Splits the text into commands of words: quotes, {@code $NAME}, {@code \}-newline and comments. */
        private static List<List<String>> commands(String text, Map<String, String> variables) {
            List<List<String>> commands = new ArrayList<>();
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            char quote = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote == '\'') {
                    if (c == '\'') {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '$' && quote != '\'') {
                    int end = i + 1;
                    while (end < text.length()
                            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                        end++;
                    }
                    String name = text.substring(i + 1, end);
                    word = word == null ? new StringBuilder() : word;
                    word.append(variables.getOrDefault(name, ""));
                    i = end - 1;
                } else if (quote == '"') {
                    if (c == '"') {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    word = word == null ? new StringBuilder() : word;
                } else if (c == '#' && word == null) {
                    while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                        i++;
                    }
                } else if (c == ' ' || c == '\t' || c == '\n') {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    if (c == '\n' && !words.isEmpty()) {
                        commands.add(words);
                        words = new ArrayList<>();
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            if (!words.isEmpty()) {
                commands.add(words);
            }
            return commands;
        }
    }
}
