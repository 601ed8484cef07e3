package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.tokenRequest;
import static dev.clavis.it.Clavis.urlencode;
import static dev.clavis.it.Clavis.whoami;
import static dev.clavis.it.HttpAssertions.assertError;
import static dev.clavis.it.HttpAssertions.assertFieldError;
import static dev.clavis.it.HttpAssertions.assertInvalidToken;
import static dev.clavis.it.HttpAssertions.assertProblem;
import static dev.clavis.it.HttpAssertions.header;
import static dev.clavis.it.TestApplications.application;
import static dev.clavis.it.TestApplications.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * APIs over real HTTP (issue 9): each token is for one API (RFC 8707), named by {@code resource}, {@code audience} or
 * MSAL's {@code {identifier}/.default}, or else the application's default API; its {@code aud}, {@code typ}, lifetime
 * and roles follow that API, and a token for one API is refused by every other, the admin API included.
 */
class ApisIT extends ClavisIT {

    private static final String SALES = "pos.sales.read";
    private static final String CATALOG = "pos.catalog.read";

    private final AdminApi admin = AdminApi.asAdmin();

    /** Adds an API through the admin API. */
    private Map<String, Object> addApi(Json body) {
        HttpResponse<String> response = admin.post("/apis", body);
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body());
    }

    private Map<String, Object> addApi(String identifier, String format, Integer lifetime, String... roles) {
        Json body = Json.object()
                .put("identifier", identifier)
                .put("displayName", "API " + identifier)
                .put("roles", List.of(roles))
                .put("tokenFormat", format);
        if (lifetime != null) {
            body.put("accessTokenLifetimeSeconds", lifetime);
        }
        return addApi(body);
    }

    private static String newIdentifier() {
        return "https://" + uniqueId() + ".example.com/api";
    }

    private static SignedJWT tokenOf(HttpResponse<String> response) throws ParseException {
        assertEquals(200, response.statusCode(), response.body());
        return SignedJWT.parse((String) json(response.body()).get("access_token"));
    }

    // --- tokens follow their API ---

    @Test
    void tokenWhenResourceNamesAGrantedApiThenAudTypLifetimeAndRolesAreThatApis() throws Exception {
        String identifier = newIdentifier();
        String id = (String) addApi(identifier, "RFC9068", 600, SALES).get("id");
        var app = application().roles(SALES, CATALOG).apis(id).register();

        HttpResponse<String> response =
                tokenRequest(app.clientId(), app.secret(), GRANT + "&resource=" + urlencode(identifier));

        SignedJWT jwt = tokenOf(response);
        assertEquals(List.of(identifier), jwt.getJWTClaimsSet().getAudience());
        assertEquals("at+jwt", jwt.getHeader().getType().toString());
        assertNull(jwt.getJWTClaimsSet().getClaim("upn"));
        assertEquals(600L, ((Number) json(response.body()).get("expires_in")).longValue());
        long lifetime = (jwt.getJWTClaimsSet().getExpirationTime().getTime()
                        - jwt.getJWTClaimsSet().getIssueTime().getTime())
                / 1000;
        assertEquals(600, lifetime);
        assertEquals(SALES, json(response.body()).get("scope"), "only the roles this API understands");
        assertEquals(List.of(SALES), jwt.getJWTClaimsSet().getStringListClaim("groups"));
    }

    @Test
    void tokenWhenApiIsMicroProfileFormatThenTypJwtAndUpnIsTheClientId() throws Exception {
        String identifier = "api://" + uniqueId();
        String id = (String) addApi(identifier, "MICROPROFILE", null, SALES).get("id");
        var app = application().roles(SALES).apis(id).register();

        SignedJWT jwt = tokenOf(tokenRequest(app.clientId(), app.secret(), GRANT));

        assertEquals("JWT", jwt.getHeader().getType().toString());
        assertEquals(app.clientId(), jwt.getJWTClaimsSet().getStringClaim("upn"));
        assertEquals(List.of(identifier), jwt.getJWTClaimsSet().getAudience());
    }

    @Test
    void tokenWhenApplicationLifetimeIsShorterThanTheApisThenTheShorterOne() throws Exception {
        String id = (String) addApi(newIdentifier(), "RFC9068", 900, SALES).get("id");
        var app = application().roles(SALES).apis(id).lifetimeSeconds(300).register();

        tokenOf(tokenRequest(app.clientId(), app.secret(), GRANT));
        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT);

        assertEquals(300L, ((Number) json(response.body()).get("expires_in")).longValue());
    }

    @Test
    void tokenWhenAudienceOrMsalDefaultScopeNamesTheApiThenTheSameAudAsResource() throws Exception {
        String identifier = newIdentifier();
        String other = (String) addApi(newIdentifier(), "RFC9068", null, SALES).get("id");
        String id = (String) addApi(identifier, "RFC9068", null, SALES, CATALOG).get("id");
        var app = application()
                .roles(SALES, CATALOG)
                .apis(other, id)
                .defaultApi(other)
                .register();

        SignedJWT byAudience =
                tokenOf(tokenRequest(app.clientId(), app.secret(), GRANT + "&audience=" + urlencode(identifier)));
        HttpResponse<String> msal = tokenRequest(
                app.clientId(),
                app.secret(),
                GRANT + "&client_info=1&scope="
                        + urlencode("openid profile offline_access " + identifier + "/.default"));

        assertEquals(List.of(identifier), byAudience.getJWTClaimsSet().getAudience());
        assertEquals(List.of(identifier), tokenOf(msal).getJWTClaimsSet().getAudience());
        assertEquals(CATALOG + " " + SALES, json(msal.body()).get("scope"), ".default: every role the API understands");
    }

    @Test
    void tokenWhenNoTargetAndSeveralApisThenTheDefaultOrInvalidTarget() throws Exception {
        String first = (String) addApi(newIdentifier(), "RFC9068", null, SALES).get("id");
        String second = (String) addApi(newIdentifier(), "RFC9068", null, SALES).get("id");
        var withDefault = application()
                .roles(SALES)
                .apis(first, second)
                .defaultApi(second)
                .register();
        var withoutDefault = application().roles(SALES).apis(first, second).register();
        String secondIdentifier =
                (String) json(admin.get("/apis/" + second).body()).get("identifier");

        assertEquals(
                List.of(secondIdentifier),
                tokenOf(tokenRequest(withDefault.clientId(), withDefault.secret(), GRANT))
                        .getJWTClaimsSet()
                        .getAudience());
        assertError(tokenRequest(withoutDefault.clientId(), withoutDefault.secret(), GRANT), 400, "invalid_target");
    }

    @Test
    void tokenWhenRegisteredAsBeforeApisExistedThenTheDefaultApiWithAllItsRoles() throws Exception {
        var app = application().roles(SALES, CATALOG).register();

        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT);

        assertEquals(
                List.of(Clavis.baseUrl() + "/api"),
                tokenOf(response).getJWTClaimsSet().getAudience());
        assertEquals(CATALOG + " " + SALES, json(response.body()).get("scope"));
        assertEquals(200, whoami(tokenOf(response).serialize()).statusCode(), "the sample API takes it");
    }

    // --- invalid_target ---

    @Test
    void tokenWhenTargetIsNotCallableThenInvalidTargetThatNamesNoOtherApi() {
        String granted =
                (String) addApi(newIdentifier(), "RFC9068", null, SALES).get("id");
        String notGranted = newIdentifier();
        addApi(notGranted, "RFC9068", null, SALES);
        var app = application().roles(SALES).apis(granted).register();

        for (String target : List.of(notGranted, newIdentifier(), Clavis.baseUrl() + "/admin/api")) {
            HttpResponse<String> response =
                    tokenRequest(app.clientId(), app.secret(), GRANT + "&resource=" + urlencode(target));
            assertError(response, 400, "invalid_target");
            assertFalse(response.body().contains("example.com"), response.body());
        }
        String unknown = tokenRequest(app.clientId(), app.secret(), GRANT + "&resource=" + urlencode(newIdentifier()))
                .body();
        String hidden = tokenRequest(app.clientId(), app.secret(), GRANT + "&resource=" + urlencode(notGranted))
                .body();
        assertEquals(unknown, hidden, "an API it may not call reads like one that does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "pos", "https://pos.example.com/api#frag", "%00", "https://a.example/%0D%0Ax"})
    void tokenWhenResourceIsNotAnAbsoluteUriWithoutFragmentThenInvalidTarget(String encoded) {
        var app = application().roles(SALES).register();
        String value = encoded.startsWith("%") || encoded.contains("%0") ? encoded : urlencode(encoded);

        assertError(tokenRequest(app.clientId(), app.secret(), GRANT + "&resource=" + value), 400, "invalid_target");
    }

    @Test
    void tokenWhenSeveralDifferentTargetsThenInvalidTarget() {
        String first = newIdentifier();
        String second = newIdentifier();
        String a = (String) addApi(first, "RFC9068", null, SALES).get("id");
        String b = (String) addApi(second, "RFC9068", null, SALES).get("id");
        var app = application().roles(SALES).apis(a, b).register();

        for (String form : List.of(
                "&resource=" + urlencode(first) + "&resource=" + urlencode(second),
                "&resource=" + urlencode(first) + "&audience=" + urlencode(second),
                "&resource=" + urlencode(first) + "&scope=" + urlencode(second + "/.default"))) {
            assertError(tokenRequest(app.clientId(), app.secret(), GRANT + form), 400, "invalid_target");
        }
        assertEquals(
                200,
                tokenRequest(
                                app.clientId(),
                                app.secret(),
                                GRANT + "&resource=" + urlencode(first) + "&resource=" + urlencode(first))
                        .statusCode(),
                "the same resource twice is one target");
    }

    @Test
    void tokenWhenApiDisabledThenInvalidTargetAtOnceAndBackWhenEnabled() {
        String identifier = newIdentifier();
        Map<String, Object> api = addApi(identifier, "RFC9068", null, SALES);
        String id = (String) api.get("id");
        var app = application().roles(SALES).apis(id).register();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        HttpResponse<String> read = admin.get("/apis/" + id);

        HttpResponse<String> disabled = admin.put(
                "/apis/" + id,
                header(read, "ETag"),
                Json.object()
                        .put("identifier", identifier)
                        .put("displayName", "Off")
                        .put("roles", List.of(SALES))
                        .put("enabled", false));

        assertEquals(200, disabled.statusCode(), disabled.body());
        assertError(tokenRequest(app.clientId(), app.secret(), GRANT), 400, "invalid_target");
    }

    @Test
    void tokenWhenApiUnderstandsNoneOfTheApplicationsRolesThenInvalidScope() {
        String id = (String) addApi(newIdentifier(), "RFC9068", null, CATALOG).get("id");
        var app = application().roles(SALES).apis(id).register();

        assertError(tokenRequest(app.clientId(), app.secret(), GRANT), 400, "invalid_scope");
        assertError(tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=" + SALES), 400, "invalid_scope");
    }

    @Test
    void tokenWhenHostileResourceValuesThenFourHundredsNeverFiveHundreds() {
        var app = application().roles(SALES).register();
        List<String> forms = List.of(
                "&resource=" + "a".repeat(100_000),
                "&resource=https%3A%2F%2F" + "x".repeat(5_000) + ".example",
                "&resource=%FF%FE",
                "&resource=%",
                "&resource=https://a.example/api&resource=",
                "&audience=" + "%0A".repeat(1000),
                "&scope=" + "%2F.default+".repeat(500));
        for (String form : forms) {
            int status =
                    tokenRequest(app.clientId(), app.secret(), GRANT + form).statusCode();
            assertTrue(status >= 400 && status < 500, form.substring(0, Math.min(60, form.length())) + ": " + status);
        }
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode(), "the client is still served");
    }

    // --- a token for one API is refused by every other ---

    @Test
    void apisWhenTokenIsForAnotherApiThenTheAdminApiAndTheSampleApiRefuseIt() throws Exception {
        String id = (String)
                addApi(newIdentifier(), "RFC9068", null, "clavis-admin", SALES).get("id");
        var both = application().roles("clavis-admin", SALES).register();
        var elsewhere = application().roles("clavis-admin", SALES).apis(id).register();

        String sampleToken = Clavis.accessToken(both.clientId(), both.secret());
        String adminToken = tokenOf(tokenRequest(
                        both.clientId(),
                        both.secret(),
                        GRANT + "&resource=" + urlencode(Clavis.baseUrl() + "/admin/api")))
                .serialize();
        String otherToken = Clavis.accessToken(elsewhere.clientId(), elsewhere.secret());

        assertEquals(200, AdminApi.withToken(adminToken).get("/roles").statusCode(), "its own token works");
        assertEquals(200, whoami(sampleToken).statusCode(), "its own token works");
        assertProblem(AdminApi.withToken(sampleToken).get("/roles"), 401);
        assertProblem(AdminApi.withToken(otherToken).get("/roles"), 401);
        assertInvalidToken(whoami(adminToken));
        assertInvalidToken(whoami(otherToken));
        // an API that understands clavis-admin would be granted to every administering application registered later
        assertEquals(204, admin.delete("/apis/" + id + "?force=true").statusCode());
    }

    @Test
    void adminApiWhenAdministrationApiWithdrawnThenItsTokensStopAtOnce() {
        var operator = application()
                .roles("clavis-admin")
                .apis("clavis-administration")
                .register();
        String token = Clavis.accessToken(operator.clientId(), operator.secret());
        assertEquals(200, AdminApi.withToken(token).get("/roles").statusCode());
        HttpResponse<String> read = admin.get("/applications/" + operator.clientId());

        HttpResponse<String> changed = admin.put(
                "/applications/" + operator.clientId(),
                header(read, "ETag"),
                Json.object()
                        .put("displayName", "Operator")
                        .put("clientCredentialsFlow", true)
                        .put("enabled", true)
                        .put("roles", List.of("clavis-admin"))
                        .put("apis", List.of()));

        assertEquals(200, changed.statusCode(), changed.body());
        assertProblem(AdminApi.withToken(token).get("/roles"), 401);
    }

    // --- the admin API for APIs ---

    @Test
    void apisWhenListedThenBuiltInsWithTheirIdentifiers() {
        List<Object> apis = Clavis.jsonArray(admin.get("/apis").body());
        Map<?, ?> administration = apis.stream()
                .map(Map.class::cast)
                .filter(api -> "clavis-administration".equals(api.get("id")))
                .findFirst()
                .orElseThrow();
        Map<?, ?> defaultApi = apis.stream()
                .map(Map.class::cast)
                .filter(api -> "default".equals(api.get("id")))
                .findFirst()
                .orElseThrow();

        assertEquals(Clavis.baseUrl() + "/admin/api", administration.get("identifier"));
        assertEquals(true, administration.get("builtIn"));
        assertEquals(List.of("clavis-admin"), administration.get("roles"));
        assertEquals(Clavis.baseUrl() + "/api", defaultApi.get("identifier"));
        assertEquals(true, defaultApi.get("everyRole"));
    }

    @Test
    void apisWhenApplicationRegisteredThroughTheApiThenItShowsTheApisItMayCall() {
        String id = (String) addApi(newIdentifier(), "RFC9068", null, SALES).get("id");
        String clientId = uniqueId();

        HttpResponse<String> created = admin.post(
                "/applications",
                Json.object()
                        .put("clientId", clientId)
                        .put("displayName", "Till")
                        .put("roles", List.of(SALES, "clavis-admin"))
                        .put("apis", List.of(id, Clavis.baseUrl() + "/admin/api"))
                        .put("defaultApi", id));

        assertEquals(201, created.statusCode(), created.body());
        Map<String, Object> body = json(created.body());
        assertEquals(List.of("clavis-administration", id).stream().sorted().toList(), body.get("apis"));
        assertEquals(id, body.get("defaultApi"));
    }

    @Test
    void apisWhenApplicationNamesUnknownApiOrDefaultOutsideItsApisThenFieldErrors() {
        String id = (String) addApi(newIdentifier(), "RFC9068", null, SALES).get("id");
        Json base = Json.object().put("displayName", "Till").put("roles", List.of(SALES));

        assertFieldError(
                admin.post("/applications", base.put("clientId", uniqueId()).put("apis", List.of("nope-nope"))),
                "apis");
        assertFieldError(
                admin.post(
                        "/applications",
                        base.put("clientId", uniqueId())
                                .put("apis", List.of(id))
                                .put("defaultApi", "default")),
                "defaultApi");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/relative",
                "no-scheme",
                "https://pos.example.com/api#fragment",
                "https://pos.example.com/a pi",
                "https://pos.example.com/\u0000",
                "\"><script>alert(1)</script>"
            })
    void apisWhenIdentifierInvalidThenFieldError(String identifier) {
        assertFieldError(
                admin.post("/apis", Json.object().put("identifier", identifier).put("displayName", "Bad")),
                "identifier");
    }

    @Test
    void apisWhenHugeValuesThenFieldErrorsNotServerErrors() {
        HttpResponse<String> response = admin.post(
                "/apis",
                Json.object()
                        .put("identifier", "https://a.example/" + "x".repeat(60_000))
                        .put("displayName", "y".repeat(60_000))
                        .put("roles", List.of("z".repeat(10_000))));

        assertTrue(response.statusCode() == 400 || response.statusCode() == 413, response.statusCode() + "");
        assertProblem(response, response.statusCode());
        assertFalse(response.body().contains("x".repeat(300)), "the value is not echoed whole");
    }

    @Test
    void apisWhenIdentifierTakenThenConflict() {
        String identifier = newIdentifier();
        addApi(identifier, "RFC9068", null, SALES);

        assertProblem(
                admin.post("/apis", Json.object().put("identifier", identifier).put("displayName", "Again")), 409);
    }

    @Test
    void apisWhenBuiltInChangedOrDeletedThenConflict() {
        HttpResponse<String> read = admin.get("/apis/clavis-administration");

        assertProblem(
                admin.put(
                        "/apis/clavis-administration",
                        header(read, "ETag"),
                        Json.object()
                                .put("identifier", "https://evil.example/api")
                                .put("displayName", "Mine")),
                409);
        assertProblem(admin.delete("/apis/clavis-administration"), 409);
        assertEquals(200, AdminApi.asAdmin().get("/roles").statusCode(), "administration still works");
    }

    @Test
    void apisWhenDeletedWhileGrantedThenRefusedNamingTheApplicationsUnlessForced() {
        String id = (String) addApi(newIdentifier(), "RFC9068", null, SALES).get("id");
        var app = application().roles(SALES).apis(id).register();

        HttpResponse<String> refused = admin.delete("/apis/" + id);
        assertProblem(refused, 409);
        assertTrue(refused.body().contains(app.clientId()), refused.body());

        assertEquals(204, admin.delete("/apis/" + id + "?force=true").statusCode());
        assertEquals(404, admin.get("/apis/" + id).statusCode());
        assertEquals(
                List.of(),
                json(admin.get("/applications/" + app.clientId()).body()).get("apis"));
        assertError(tokenRequest(app.clientId(), app.secret(), GRANT), 400, "invalid_target");
    }

    @Test
    void apisWhenChangedWithAStaleVersionThenPreconditionFailed() {
        String identifier = newIdentifier();
        String id = (String) addApi(identifier, "RFC9068", null, SALES).get("id");
        Json change = Json.object().put("identifier", identifier).put("displayName", "Renamed");

        assertProblem(admin.put("/apis/" + id, "\"999\"", change), 412);
        assertEquals(428, admin.put("/apis/" + id, null, change).statusCode());
    }

    @Test
    void apisWhenChangesAreMadeThenEachIsAudited() {
        String identifier = newIdentifier();
        addApi(identifier, "RFC9068", null, SALES);
        admin.post("/apis", Json.object().put("identifier", identifier).put("displayName", "Again"));

        String audit = admin.get("/audit?limit=50").body();
        assertTrue(audit.contains("api.create"), audit);
        assertTrue(audit.contains(identifier), audit);
    }
}
