package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.accessToken;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.jsonArray;
import static dev.clavis.it.Clavis.tokenRequest;
import static dev.clavis.it.HttpAssertions.assertFieldError;
import static dev.clavis.it.HttpAssertions.assertProblem;
import static dev.clavis.it.HttpAssertions.fieldsOf;
import static dev.clavis.it.TestApplications.application;
import static dev.clavis.it.TestApplications.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The administration API over HTTP, against the real WAR and PostgreSQL: who may call it, every rule of an
 * application and a role, optimistic concurrency, secret rotation, the audit trail, hostile input, and that every
 * change reaches the token endpoint at once.
 */
class AdminApiIT extends ClavisIT {

    // --- who may call it ---

    @Test
    void adminApiWhenNoTokenThenBearerChallengeAndProblem() {
        HttpResponse<String> response = Clavis.get("/admin/api/applications");

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertProblem(response, 401);
    }

    @Test
    void adminApiWhenTokenOfAnApplicationWithoutAdminRoleThenUnauthorizedAsATokenForAnotherApi() {
        // without clavis-admin an application gets no token for the administration API, only for other APIs
        var app = application().roles("pos.sales.read").register();

        HttpResponse<String> response =
                AdminApi.withToken(accessToken(app.clientId(), app.secret())).get("/applications");

        assertProblem(response, 401);
        assertTrue(response.body().contains("for another API"), response.body());
    }

    @Test
    void adminApiWhenTokenTamperedThenUnauthorized() {
        String token = accessToken("clavis-admin", Clavis.bootstrapSecret());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        HttpResponse<String> response = AdminApi.withToken(tampered).get("/applications");

        assertProblem(response, 401);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void adminApiWhenAdminTokenThenListsApplications() {
        HttpResponse<String> response = AdminApi.asAdmin().get("/applications");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"clientId\":\"clavis-admin\""));
        assertFalse(response.body().contains("clientSecret"));
    }

    // --- registering an application ---

    @Test
    void registerWhenNoSecretGivenThenGeneratedShownOnceAndUsableAtOnce() throws Exception {
        AdminApi admin = AdminApi.asAdmin();
        String clientId = uniqueId();

        HttpResponse<String> created = admin.post("/applications", registration(clientId, "pos.sales.read"));

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/admin/api/applications/" + clientId));
        assertTrue(created.headers().firstValue("ETag").isPresent());
        Map<String, Object> body = json(created.body());
        String secret = (String) body.get("clientSecret");
        assertTrue(secret.length() >= 43, "at least 256 bits");
        assertTrue(secret.matches("[A-Za-z0-9_-]+"), "URL-safe");
        assertEquals("CONFIDENTIAL", body.get("type"));
        assertEquals(true, body.get("clientCredentialsFlow"));
        assertEquals(List.of("pos.sales.read"), body.get("roles"));
        List<?> secrets = (List<?>) body.get("secrets");
        assertEquals(1, secrets.size());
        assertEquals(secret.substring(secret.length() - 4), ((Map<?, ?>) secrets.get(0)).get("hint"));

        HttpResponse<String> token = tokenRequest(clientId, secret, GRANT);
        assertEquals(200, token.statusCode(), token.body());
        assertEquals("pos.sales.read", json(token.body()).get("scope"));

        HttpResponse<String> read = admin.get("/applications/" + clientId);
        assertEquals(200, read.statusCode());
        assertFalse(read.body().contains(secret), "a secret is shown only once");
        assertFalse(read.body().contains("clientSecret"));
        assertSecretNowhereInClear(secret);
    }

    @Test
    void registerWhenSecretEnteredThenThatSecretWorks() throws Exception {
        String clientId = uniqueId();
        String secret = "correct horse battery staple " + System.nanoTime();

        HttpResponse<String> created = AdminApi.asAdmin()
                .post(
                        "/applications",
                        registration(clientId, "pos.catalog.read")
                                .put("displayName", "Back office")
                                .put("clientSecret", secret));

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, tokenRequest(clientId, secret, GRANT).statusCode());
        assertSecretNowhereInClear(secret);
    }

    @Test
    void registerWhenEnteredSecretWeakThenFieldError() {
        for (String weak : List.of("short", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")) {
            HttpResponse<String> response = AdminApi.asAdmin()
                    .post(
                            "/applications",
                            Json.object()
                                    .put("clientId", uniqueId())
                                    .put("displayName", "Weak")
                                    .put("clientSecret", weak));
            assertFieldError(response, "clientSecret");
            assertFalse(response.body().contains(weak), "the refused secret is not echoed");
        }
    }

    @Test
    void registerWhenClientIdBreaksRulesThenFieldErrorWithTheSeedsAdvice() {
        for (String clientId : List.of("UPPER", "has space", "a", "x".repeat(65), "-lead", "dot.ted", "<script>")) {
            HttpResponse<String> response = AdminApi.asAdmin().post("/applications", registration(clientId));
            assertFieldError(response, "clientId");
            assertTrue(response.body().contains("lower-case name with no spaces or punctuation"), response.body());
        }
    }

    @Test
    void registerWhenClientIdTakenThenConflict() {
        String clientId = uniqueId();
        AdminApi admin = AdminApi.asAdmin();
        assertEquals(201, admin.post("/applications", registration(clientId)).statusCode());

        assertProblem(admin.post("/applications", registration(clientId)), 409);
    }

    @Test
    void registerWhenDisplayNameInAnyScriptThenStoredAndReturnedAsGiven() {
        String name = "Kasse Zürich 東京 🧾 <b>&amp;</b> \"quoted\"";
        String clientId = uniqueId();

        HttpResponse<String> created = AdminApi.asAdmin()
                .post("/applications", Json.object().put("clientId", clientId).put("displayName", name));

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                name,
                json(AdminApi.asAdmin().get("/applications/" + clientId).body()).get("displayName"));
    }

    @Test
    void registerWhenDisplayNameTooLongEmptyOrWithControlCharactersThenFieldError() {
        for (String name : List.of("", "   ", "x".repeat(101), "bell\u0007", "right-to-left\u202eoverride")) {
            assertFieldError(
                    AdminApi.asAdmin()
                            .post(
                                    "/applications",
                                    Json.object().put("clientId", uniqueId()).put("displayName", name)),
                    "displayName");
        }
    }

    @Test
    void registerWhenTypeNotConfidentialThenFieldError() {
        HttpResponse<String> response = AdminApi.asAdmin()
                .post(
                        "/applications",
                        Json.object()
                                .put("clientId", uniqueId())
                                .put("displayName", "Public")
                                .put("type", "PUBLIC"));

        assertFieldError(response, "type");
        assertTrue(response.body().contains("CONFIDENTIAL"));
    }

    @Test
    void registerWhenRolesUnknownThenFieldErrorNamingThem() {
        HttpResponse<String> response = AdminApi.asAdmin()
                .post(
                        "/applications",
                        Json.object()
                                .put("clientId", uniqueId())
                                .put("displayName", "X")
                                .put("roles", List.of("pos.sales.read", "no.such.role")));

        assertFieldError(response, "roles");
        assertTrue(response.body().contains("no.such.role"));
    }

    // --- malformed and hostile input ---

    @Test
    void registerWhenBodyMalformedThenProblem400() {
        AdminApi admin = AdminApi.asAdmin();
        for (String body : List.of("{", "[]", "\"text\"", "{\"clientId\": }", "", "{\"a\":1}{")) {
            assertProblem(admin.post("/applications", body), 400);
        }
    }

    @Test
    void registerWhenFieldHasWrongTypeOrIsUnknownThenFieldErrors() {
        HttpResponse<String> response = AdminApi.asAdmin()
                .post(
                        "/applications",
                        Json.object()
                                .put("clientId", 42)
                                .put("displayName", "x")
                                .put("roles", "pos.sales.read")
                                .put("enabled", "yes")
                                .put("isAdmin", true));

        assertProblem(response, 400);
        List<String> fields = fieldsOf(response);
        assertTrue(fields.containsAll(List.of("clientId", "roles", "enabled", "isAdmin")), fields.toString());
    }

    @Test
    void registerWhenBodyHugeThenPayloadTooLarge() {
        Json huge = Json.object().put("clientId", uniqueId()).put("displayName", "x".repeat(70 * 1024));

        assertProblem(AdminApi.asAdmin().post("/applications", huge), 413);
    }

    @Test
    void registerWhenNotJsonThenUnsupportedMediaType() {
        AdminApi admin = AdminApi.asAdmin();
        HttpResponse<String> response = Clavis.send(admin.request("/applications")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("clientId=x"))
                .build());

        assertProblem(response, 415);
    }

    @Test
    void readWhenUnknownOrHostileIdThenNotFoundWithoutServerError() {
        AdminApi admin = AdminApi.asAdmin();
        for (String id : List.of("nosuchapp", "'%20OR%201=1--", "%3Cscript%3E", "x".repeat(500))) {
            assertProblem(admin.get("/applications/" + id), 404);
        }
        // an encoded NUL in a path: Payara's HTTP layer refuses it with a bare 400 before the application sees it;
        // WildFly's passes it on and the application finds no such application. Never a 500.
        int status = admin.get("/applications/%00").statusCode();
        assertTrue(status == 400 || status == 404, "status " + status);
    }

    // --- changing an application ---

    @Test
    void changeWhenIfMatchMissingThenPreconditionRequired() {
        var created = register(uniqueId(), "pos.sales.read");

        assertProblem(
                AdminApi.asAdmin()
                        .put(
                                "/applications/" + created.clientId,
                                null,
                                change("Renamed", true, true, "pos.sales.read")),
                428);
    }

    @Test
    void changeWhenStaleVersionThenPreconditionFailedAndNothingLost() {
        AdminApi admin = AdminApi.asAdmin();
        var created = register(uniqueId(), "pos.sales.read");
        HttpResponse<String> first = admin.put(
                "/applications/" + created.clientId,
                created.etag,
                change("First writer", true, true, "pos.sales.read"));
        assertEquals(200, first.statusCode(), first.body());

        HttpResponse<String> second = admin.put(
                "/applications/" + created.clientId,
                created.etag,
                change("Second writer", true, true, "pos.sales.read"));

        assertProblem(second, 412);
        assertEquals(
                "First writer",
                json(admin.get("/applications/" + created.clientId).body()).get("displayName"));
        assertNotEquals(created.etag, first.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void changeWhenDisabledThenNextTokenRequestRefused() {
        var created = register(uniqueId(), "pos.sales.read");
        assertEquals(200, tokenRequest(created.clientId, created.secret, GRANT).statusCode());

        assertEquals(
                200,
                AdminApi.asAdmin()
                        .put(
                                "/applications/" + created.clientId,
                                created.etag,
                                change("Off", true, false, "pos.sales.read"))
                        .statusCode());

        assertEquals(401, tokenRequest(created.clientId, created.secret, GRANT).statusCode());
    }

    @Test
    void changeWhenFlowTurnedOffThenUnauthorizedClient() {
        var created = register(uniqueId(), "pos.sales.read");
        assertEquals(200, tokenRequest(created.clientId, created.secret, GRANT).statusCode());

        AdminApi.asAdmin()
                .put(
                        "/applications/" + created.clientId,
                        created.etag,
                        change("No flow", false, true, "pos.sales.read"));

        HttpResponse<String> refused = tokenRequest(created.clientId, created.secret, GRANT);
        assertEquals(400, refused.statusCode());
        assertEquals("unauthorized_client", json(refused.body()).get("error"));
    }

    @Test
    void changeWhenRolesChangedThenNextTokenCarriesNewRoles() throws Exception {
        var created = register(uniqueId(), "pos.sales.read");
        assertEquals("pos.sales.read", scopeOf(tokenRequest(created.clientId, created.secret, GRANT)));

        AdminApi.asAdmin()
                .put(
                        "/applications/" + created.clientId,
                        created.etag,
                        change("More", true, true, "pos.catalog.read", "pos.reports.read"));

        HttpResponse<String> token = tokenRequest(created.clientId, created.secret, GRANT);
        assertEquals("pos.catalog.read pos.reports.read", scopeOf(token));
        SignedJWT jwt = SignedJWT.parse((String) json(token.body()).get("access_token"));
        assertEquals(
                List.of("pos.catalog.read", "pos.reports.read"),
                jwt.getJWTClaimsSet().getStringListClaim("groups"));
        HttpResponse<String> oldScope = tokenRequest(created.clientId, created.secret, GRANT + "&scope=pos.sales.read");
        assertEquals("invalid_scope", json(oldScope.body()).get("error"));
    }

    @Test
    void changeWhenFieldsMissingThenFieldErrorsRatherThanDefaults() {
        var created = register(uniqueId(), "pos.sales.read");

        HttpResponse<String> response = AdminApi.asAdmin()
                .put(
                        "/applications/" + created.clientId,
                        created.etag,
                        Json.object().put("displayName", "Only a name"));

        assertProblem(response, 400);
        assertTrue(fieldsOf(response).containsAll(List.of("clientCredentialsFlow", "enabled", "roles")));
    }

    @Test
    void changeWhenClientIdInBodyDiffersThenRefused() {
        var created = register(uniqueId(), "pos.sales.read");

        HttpResponse<String> response = AdminApi.asAdmin()
                .put(
                        "/applications/" + created.clientId,
                        created.etag,
                        Json.object()
                                .put("clientId", "another")
                                .put("displayName", "x")
                                .put("clientCredentialsFlow", true)
                                .put("enabled", true)
                                .put("roles", List.of()));

        assertProblem(response, 400);
    }

    @Test
    void deleteWhenApplicationDeletedThenTokenRefusedAndReadIsNotFound() {
        var created = register(uniqueId(), "pos.sales.read");
        assertEquals(200, tokenRequest(created.clientId, created.secret, GRANT).statusCode());

        assertEquals(
                204,
                AdminApi.asAdmin().delete("/applications/" + created.clientId).statusCode());

        assertEquals(401, tokenRequest(created.clientId, created.secret, GRANT).statusCode());
        assertProblem(AdminApi.asAdmin().get("/applications/" + created.clientId), 404);
        assertProblem(AdminApi.asAdmin().delete("/applications/" + created.clientId), 404);
    }

    // --- secrets ---

    @Test
    void secretsWhenRotatedWithOverlapThenBothWorkUntilOldRevoked() throws Exception {
        AdminApi admin = AdminApi.asAdmin();
        var created = register(uniqueId(), "pos.sales.read");
        String path = "/applications/" + created.clientId + "/secrets";

        HttpResponse<String> added = admin.post(path, Json.object());
        assertEquals(201, added.statusCode(), added.body());
        String newSecret = (String) json(added.body()).get("clientSecret");
        assertEquals(200, tokenRequest(created.clientId, created.secret, GRANT).statusCode());
        assertEquals(200, tokenRequest(created.clientId, newSecret, GRANT).statusCode());

        assertProblem(admin.post(path, Json.object()), 409);

        String oldId = secretIdWithHint(admin, created.clientId, created.secret);
        assertEquals(204, admin.delete(path + "/" + oldId).statusCode());
        assertEquals(401, tokenRequest(created.clientId, created.secret, GRANT).statusCode());
        assertEquals(200, tokenRequest(created.clientId, newSecret, GRANT).statusCode());

        Map<String, Object> view =
                json(admin.get("/applications/" + created.clientId).body());
        List<?> secrets = (List<?>) view.get("secrets");
        assertEquals(2, secrets.size());
        assertEquals(
                1,
                secrets.stream()
                        .filter(s -> Boolean.TRUE.equals(((Map<?, ?>) s).get("active")))
                        .count());
        assertFalse(view.toString().contains(newSecret));
        assertSecretNowhereInClear(newSecret);
    }

    @Test
    void secretsWhenAddedWithExpiryAndEnteredValueThenShownAndChecked() {
        AdminApi admin = AdminApi.asAdmin();
        var created = register(uniqueId(), "pos.sales.read");
        String path = "/applications/" + created.clientId + "/secrets";
        String entered = "an entered secret of sufficient length " + System.nanoTime();

        HttpResponse<String> added =
                admin.post(path, Json.object().put("clientSecret", entered).put("expiresAt", "2099-01-01T00:00:00Z"));

        assertEquals(201, added.statusCode(), added.body());
        assertEquals(200, tokenRequest(created.clientId, entered, GRANT).statusCode());
        assertTrue(added.body().contains("2099-01-01T00:00:00Z"));
        assertFieldError(admin.post(path, Json.object().put("expiresAt", "2000-01-01T00:00:00Z")), "expiresAt");
        assertFieldError(admin.post(path, Json.object().put("expiresAt", "tomorrow")), "expiresAt");
        assertProblem(admin.delete(path + "/nosuchsecret"), 404);
    }

    // --- roles ---

    @Test
    void rolesWhenCustomRoleCreatedChangedAndDeletedThenEachAudited() {
        AdminApi admin = AdminApi.asAdmin();
        String name = "custom." + uniqueId();

        HttpResponse<String> created =
                admin.post("/roles", Json.object().put("name", name).put("description", "Custom"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(false, json(created.body()).get("builtIn"));
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> changed =
                admin.put("/roles/" + name, etag, Json.object().put("description", "Changed"));
        assertEquals(200, changed.statusCode(), changed.body());
        assertProblem(admin.put("/roles/" + name, etag, Json.object().put("description", "Stale")), 412);
        assertEquals(204, admin.delete("/roles/" + name).statusCode());

        String audit = admin.get("/audit?limit=20").body();
        for (String action : List.of("role.create", "role.change", "role.delete")) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
    }

    @Test
    void rolesWhenBuiltInThenCannotBeChangedOrDeleted() {
        AdminApi admin = AdminApi.asAdmin();
        HttpResponse<String> read = admin.get("/roles/pos.sales.read");
        assertEquals(true, json(read.body()).get("builtIn"));
        String etag = read.headers().firstValue("ETag").orElseThrow();

        assertProblem(admin.put("/roles/pos.sales.read", etag, Json.object().put("description", "Mine now")), 409);
        assertProblem(admin.delete("/roles/pos.sales.read"), 409);
        assertProblem(admin.delete("/roles/clavis-admin?force=true"), 409);
    }

    @Test
    void rolesWhenNameInvalidOrTakenThenRefused() {
        AdminApi admin = AdminApi.asAdmin();
        for (String name : List.of("A", "Upper.Case", "has space", "x".repeat(65), "semi;colon", "<b>")) {
            assertFieldError(
                    admin.post("/roles", Json.object().put("name", name).put("description", "d")), "name");
        }
        assertFieldError(
                admin.post("/roles", Json.object().put("name", "fine.name").put("description", "")), "description");
        assertProblem(
                admin.post("/roles", Json.object().put("name", "pos.sales.read").put("description", "again")), 409);
    }

    @Test
    void rolesWhenDeletingHeldRoleThenConflictNamingHoldersUnlessForced() {
        AdminApi admin = AdminApi.asAdmin();
        String role = "held." + uniqueId();
        assertEquals(
                201,
                admin.post("/roles", Json.object().put("name", role).put("description", "Held"))
                        .statusCode());
        var holder = register(uniqueId(), role, "pos.sales.read");
        assertTrue(scopeOf(tokenRequest(holder.clientId, holder.secret, GRANT)).contains(role));

        HttpResponse<String> refused = admin.delete("/roles/" + role);
        assertProblem(refused, 409);
        assertTrue(refused.body().contains(holder.clientId), refused.body());

        assertEquals(204, admin.delete("/roles/" + role + "?force=true").statusCode());
        assertEquals("pos.sales.read", scopeOf(tokenRequest(holder.clientId, holder.secret, GRANT)));
    }

    // --- audit ---

    @Test
    void auditWhenChangesMadeThenListedNewestFirstWithActorAndNoSecret() {
        AdminApi admin = AdminApi.asAdmin();
        var created = register(uniqueId(), "pos.sales.read");
        admin.post("/applications/" + created.clientId + "/secrets", Json.object());

        HttpResponse<String> response = admin.get("/audit?limit=2");

        assertEquals(200, response.statusCode(), response.body());
        List<Object> events = jsonArray(response.body());
        assertEquals(2, events.size());
        Map<?, ?> newest = (Map<?, ?>) events.get(0);
        Map<?, ?> older = (Map<?, ?>) events.get(1);
        assertEquals("secret.add", newest.get("action"));
        assertEquals("application.register", older.get("action"));
        assertEquals("clavis-admin", newest.get("actor"));
        assertEquals("success", newest.get("outcome"));
        assertTrue(((Number) newest.get("id")).longValue() > ((Number) older.get("id")).longValue());
        assertFalse(response.body().contains(created.secret));

        long before = ((Number) newest.get("id")).longValue();
        List<Object> page =
                jsonArray(admin.get("/audit?limit=1&before=" + before).body());
        assertEquals(older.get("id"), ((Map<?, ?>) page.get(0)).get("id"));
        assertProblem(admin.get("/audit?limit=0"), 400);
        assertProblem(admin.get("/audit?limit=abc"), 400);
        assertProblem(admin.get("/audit?before=-1"), 400);
    }

    @Test
    void auditWhenChangeRefusedThenRecordedWithReasonAndNoSecret() {
        AdminApi admin = AdminApi.asAdmin();
        String weak = "weak-secret";

        assertProblem(
                admin.post(
                        "/applications",
                        Json.object()
                                .put("clientId", "Bad Id")
                                .put("displayName", "x")
                                .put("clientSecret", weak)),
                400);

        Map<?, ?> newest =
                (Map<?, ?>) jsonArray(admin.get("/audit?limit=1").body()).get(0);
        assertEquals("application.register", newest.get("action"));
        assertEquals("Bad Id", newest.get("target"));
        assertEquals("refused: invalid [clientId, clientSecret]", newest.get("outcome"));
        assertFalse(newest.toString().contains(weak));
    }

    @Test
    void openApiWhenFetchedThenDescribesTheAdminApi() {
        HttpResponse<String> response = Clavis.send(Clavis.request("/openapi")
                .header("Accept", "application/json")
                .GET()
                .build());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/admin/api/applications"), response.body());
        assertTrue(response.body().contains("Register an application"));
    }

    // --- helpers ---

    private record Created(String clientId, String secret, String etag) {}

    private static Created register(String clientId, String... roles) {
        HttpResponse<String> response = AdminApi.asAdmin().post("/applications", registration(clientId, roles));
        assertEquals(201, response.statusCode(), response.body());
        return new Created(
                clientId,
                (String) json(response.body()).get("clientSecret"),
                response.headers().firstValue("ETag").orElseThrow());
    }

    private static Json registration(String clientId, String... roles) {
        return Json.object()
                .put("clientId", clientId)
                .put("displayName", "App " + clientId)
                .put("type", "CONFIDENTIAL")
                .put("clientCredentialsFlow", true)
                .put("roles", List.of(roles));
    }

    private static Json change(String displayName, boolean flow, boolean enabled, String... roles) {
        return Json.object()
                .put("displayName", displayName)
                .put("type", "CONFIDENTIAL")
                .put("clientCredentialsFlow", flow)
                .put("enabled", enabled)
                .put("roles", List.of(roles));
    }

    private static String scopeOf(HttpResponse<String> tokenResponse) {
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        return (String) json(tokenResponse.body()).get("scope");
    }

    private static String secretIdWithHint(AdminApi admin, String clientId, String secret) {
        List<?> secrets =
                (List<?>) json(admin.get("/applications/" + clientId).body()).get("secrets");
        String hint = secret.substring(secret.length() - 4);
        return secrets.stream()
                .map(s -> (Map<?, ?>) s)
                .filter(s -> hint.equals(s.get("hint")))
                .map(s -> (String) s.get("id"))
                .findFirst()
                .orElseThrow();
    }

    /** Neither the database nor the server's log may hold a secret in clear. */
    private static void assertSecretNowhereInClear(String secret) throws Exception {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT secret_hash || hint AS s FROM client_secret UNION ALL"
                        + " SELECT actor || action || target || outcome FROM audit_event UNION ALL"
                        + " SELECT display_name FROM application")) {
            while (rows.next()) {
                assertFalse(rows.getString(1).contains(secret), "secret stored in clear");
            }
        }
        assertFalse(Files.readString(IntegrationEnvironment.serverLog()).contains(secret), "secret in server log");
    }
}
