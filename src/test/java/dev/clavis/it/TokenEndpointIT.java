package dev.clavis.it;

import static dev.clavis.it.Clavis.FORM;
import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.basic;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.request;
import static dev.clavis.it.Clavis.send;
import static dev.clavis.it.Clavis.tokenRequest;
import static dev.clavis.it.Clavis.urlencode;
import static dev.clavis.it.HttpAssertions.assertChallenged;
import static dev.clavis.it.HttpAssertions.assertError;
import static dev.clavis.it.HttpAssertions.assertInvalidClient;
import static dev.clavis.it.HttpAssertions.assertNoStore;
import static dev.clavis.it.HttpAssertions.header;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint over real HTTP, against the real WAR on Payara Micro and a real PostgreSQL: every success and
 * error case of RFC 6749 §2.3.1, §3.2, §4.4 and §5.
 */
class TokenEndpointIT extends ClavisIT {

    // --- success ---

    @Test
    void tokenWhenClientSecretBasicThenBearerTokenWithAllRoles() throws Exception {
        var app = application().roles("pos.sales.read", "pos.catalog.read").register();

        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT);

        assertEquals(200, response.statusCode(), response.body());
        assertNoStore(response);
        assertEquals("application/json;charset=UTF-8", header(response, "Content-Type"));
        Map<String, Object> body = json(response.body());
        assertEquals("Bearer", body.get("token_type"));
        assertEquals(3600L, ((Number) body.get("expires_in")).longValue());
        assertEquals("pos.catalog.read pos.sales.read", body.get("scope"));
        assertFalse(body.containsKey("refresh_token"), "RFC 6749 §4.4.3: no refresh token");
        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        assertEquals("at+jwt", jwt.getHeader().getType().toString());
        assertEquals(app.clientId(), jwt.getJWTClaimsSet().getSubject());
        assertEquals(
                List.of("pos.catalog.read", "pos.sales.read"),
                jwt.getJWTClaimsSet().getStringListClaim("groups"));
    }

    @Test
    void tokenWhenClientSecretPostThenToken() {
        var app = application().roles("pos.sales.read").register();

        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(
                        GRANT + "&client_id=" + app.clientId() + "&client_secret=" + urlencode(app.secret())))
                .build());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("pos.sales.read", json(response.body()).get("scope"));
    }

    @Test
    void tokenWhenSecretHasReservedCharactersThenBasicDecodesFormEncoding() {
        String secret = "s3cret:with+plus&amp%25 and ünïcödé-" + System.nanoTime();
        var app = application().onlySecret(secret).roles("pos.sales.read").register();

        assertEquals(200, tokenRequest(app.clientId(), secret, GRANT).statusCode());
    }

    @Test
    void tokenWhenScopeIsSubsetThenOnlyThoseRoles() throws Exception {
        var app = application()
                .roles("pos.sales.read", "pos.sales.write", "pos.catalog.read")
                .register();

        HttpResponse<String> response =
                tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=pos.sales.write+pos.catalog.read");

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = json(response.body());
        assertEquals("pos.catalog.read pos.sales.write", body.get("scope"));
        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        assertEquals("pos.catalog.read pos.sales.write", jwt.getJWTClaimsSet().getStringClaim("scope"));
        assertEquals(
                List.of("pos.catalog.read", "pos.sales.write"),
                jwt.getJWTClaimsSet().getStringListClaim("roles"));
    }

    @Test
    void tokenWhenEmptyScopeThenTreatedAsOmitted() {
        var app = application().roles("pos.sales.read").register();

        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("pos.sales.read", json(response.body()).get("scope"));
    }

    @Test
    void tokenWhenApplicationHasTwoActiveSecretsThenBothWork() {
        String second = "second-secret-" + System.nanoTime() + "-long-enough-to-be-real";
        var app = application().secret(second).roles("pos.sales.read").register();

        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        assertEquals(200, tokenRequest(app.clientId(), second, GRANT).statusCode());
    }

    @Test
    void tokenWhenApplicationHasOwnLifetimeThenExpiresInFollowsIt() throws Exception {
        var app = application().roles("pos.stores.read").lifetimeSeconds(300).register();

        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT);

        Map<String, Object> body = json(response.body());
        assertEquals(300L, ((Number) body.get("expires_in")).longValue());
        var claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
        assertEquals(
                300_000L,
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
    }

    @Test
    void tokenWhenBootstrapApplicationThenConfiguredSecretWorksAndCarriesAdminRole() {
        HttpResponse<String> response = tokenRequest("clavis-admin", Clavis.bootstrapSecret(), GRANT);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("clavis-admin", json(response.body()).get("scope"));
    }

    @Test
    void secretsWhenStoredThenGeneratedOnesAsKeyedDigestsTypedOnesAsSlowHashesNeverInClear() throws Exception {
        String clientId = TestApplications.uniqueId();
        HttpResponse<String> created = AdminApi.asAdmin()
                .post(
                        "/applications",
                        Json.object()
                                .put("clientId", clientId)
                                .put("displayName", "Stored")
                                .put("roles", List.of("pos.sales.read")));
        assertEquals(201, created.statusCode(), created.body());
        String generated = (String) json(created.body()).get("clientSecret");
        String typed = "typed by a person, long and random " + System.nanoTime();
        HttpResponse<String> added = AdminApi.asAdmin()
                .post("/applications/" + clientId + "/secrets", Json.object().put("clientSecret", typed));
        assertEquals(201, added.statusCode(), added.body());

        Map<String, String> stored = new java.util.HashMap<>();
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT secret_hash, hint FROM client_secret WHERE client_id = ?")) {
            query.setString(1, clientId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString("hint"), rows.getString("secret_hash"));
                }
            }
        }
        String generatedHash = stored.get(generated.substring(generated.length() - 4));
        String typedHash = stored.get(typed.substring(typed.length() - 4));
        assertTrue(generatedHash.startsWith("hmac-sha256$"), generatedHash);
        assertTrue(typedHash.startsWith("pbkdf2-sha256$600000$"), typedHash);
        assertFalse(generatedHash.contains(generated));
        assertFalse(typedHash.contains(typed));
        assertEquals(200, tokenRequest(clientId, generated, GRANT).statusCode());
        assertEquals(200, tokenRequest(clientId, typed, GRANT).statusCode());
    }

    // --- invalid_client: all failures look alike ---

    @Test
    void tokenWhenClientUnknownThenInvalidClientWithBasicChallenge() {
        HttpResponse<String> response = tokenRequest("nosuchclient" + System.nanoTime(), "whatever-secret", GRANT);

        assertInvalidClient(response);
    }

    @Test
    void tokenWhenSecretWrongThenSameAnswerAsUnknownClient() {
        var app = application().register();

        HttpResponse<String> wrong = tokenRequest(app.clientId(), app.secret() + "x", GRANT);
        HttpResponse<String> unknown = tokenRequest("nosuchclient" + System.nanoTime(), app.secret(), GRANT);

        assertInvalidClient(wrong);
        assertEquals(unknown.body(), wrong.body());
        assertFalse(wrong.body().contains(app.secret()));
        assertFalse(wrong.body().contains(app.clientId()));
    }

    @Test
    void tokenWhenSecretExpiredThenInvalidClient() {
        String expired = "expired-" + System.nanoTime();
        var app = application()
                .onlySecret("current-" + System.nanoTime())
                .expiredSecret(expired)
                .register();

        assertInvalidClient(tokenRequest(app.clientId(), expired, GRANT));
    }

    @Test
    void tokenWhenSecretRevokedThenInvalidClient() {
        String revoked = "revoked-" + System.nanoTime();
        var app = application()
                .onlySecret("current-" + System.nanoTime())
                .revokedSecret(revoked)
                .register();

        assertInvalidClient(tokenRequest(app.clientId(), revoked, GRANT));
    }

    @Test
    void tokenWhenApplicationDisabledThenInvalidClient() {
        var app = application().disabled().register();

        assertInvalidClient(tokenRequest(app.clientId(), app.secret(), GRANT));
    }

    @Test
    void tokenWhenPostAuthenticationFailsThenInvalidClient() {
        var app = application().register();

        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(
                        GRANT + "&client_id=" + app.clientId() + "&client_secret=wrong"))
                .build());

        assertInvalidClient(response);
    }

    @Test
    void tokenWhenNoClientAuthenticationThenInvalidClientSayingSo() {
        for (HttpResponse<String> response :
                List.of(tokenRequest(null, null, GRANT), tokenRequest(null, null, GRANT + "&client_id=someone"))) {
            assertChallenged(response);
            assertTrue(json(response.body()).get("error_description").toString().contains("missing"));
        }
    }

    @Test
    void tokenWhenBearerSchemeThenInvalidClient() {
        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Content-Type", FORM)
                .header("Authorization", "Bearer abc.def.ghi")
                .POST(HttpRequest.BodyPublishers.ofString(GRANT))
                .build());

        assertInvalidClient(response);
    }

    @Test
    void tokenWhenRepeatedFailuresThenThrottledButARecentlyVerifiedSecretStillWorks() {
        var app = application().roles("pos.sales.read").register();
        assertEquals(200, tokenRequest(app.clientId(), app.secret(), GRANT).statusCode());
        for (int i = 0; i < 3; i++) {
            assertInvalidClient(tokenRequest(app.clientId(), "guess-" + i, GRANT));
        }

        HttpResponse<String> throttled = tokenRequest(app.clientId(), "guess-again", GRANT);

        assertError(throttled, 429, "temporarily_unavailable");
        assertTrue(Integer.parseInt(header(throttled, "Retry-After")) >= 1);
        assertEquals(
                200,
                tokenRequest(app.clientId(), app.secret(), GRANT).statusCode(),
                "the real client, whose secret was verified before, is not locked out");
    }

    // --- other OAuth errors ---

    @Test
    void tokenWhenFlowNotAllowedThenUnauthorizedClient() {
        var app = application().withoutClientCredentialsFlow().register();

        assertError(tokenRequest(app.clientId(), app.secret(), GRANT), 400, "unauthorized_client");
    }

    @Test
    void tokenWhenOtherGrantTypeThenUnsupportedGrantType() {
        var app = application().register();

        assertError(
                tokenRequest(app.clientId(), app.secret(), "grant_type=password&username=a&password=b"),
                400,
                "unsupported_grant_type");
    }

    @Test
    void tokenWhenScopeNotGrantedThenInvalidScope() {
        var app = application().roles("pos.sales.read").register();

        HttpResponse<String> response =
                tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=pos.sales.read+clavis-admin");

        assertError(response, 400, "invalid_scope");
        assertTrue(json(response.body()).get("error_description").toString().contains("clavis-admin"));
    }

    @Test
    void tokenWhenApplicationHasNoRolesThenInvalidScope() {
        var app = application().register();

        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT);

        assertError(response, 400, "invalid_scope");
        assertTrue(json(response.body()).get("error_description").toString().contains("no roles"));
    }

    @Test
    void tokenWhenScopeMalformedThenInvalidScope() {
        var app = application().roles("pos.sales.read").register();

        assertError(
                tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=pos.sales.read++"), 400, "invalid_scope");
        assertError(tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=%22quoted%22"), 400, "invalid_scope");
    }

    // --- invalid_request: malformed, hostile and oversized input ---

    @Test
    void tokenWhenGrantTypeMissingOrEmptyThenInvalidRequest() {
        var app = application().register();

        assertError(tokenRequest(app.clientId(), app.secret(), "scope=pos.sales.read"), 400, "invalid_request");
        assertError(tokenRequest(app.clientId(), app.secret(), "grant_type="), 400, "invalid_request");
    }

    @Test
    void tokenWhenParameterRepeatedThenInvalidRequest() {
        var app = application().register();

        HttpResponse<String> response = tokenRequest(app.clientId(), app.secret(), GRANT + "&" + GRANT);

        assertError(response, 400, "invalid_request");
        assertTrue(response.body().contains("grant_type"));
    }

    @Test
    void tokenWhenBasicAndPostTogetherThenInvalidRequest() {
        var app = application().register();

        assertError(
                tokenRequest(
                        app.clientId(),
                        app.secret(),
                        GRANT + "&client_id=" + app.clientId() + "&client_secret=" + urlencode(app.secret())),
                400,
                "invalid_request");
    }

    @Test
    void tokenWhenCredentialsInQueryThenInvalidRequestWithoutEchoingThem() {
        var app = application().register();

        HttpResponse<String> response =
                send(request("/oauth2/token?client_id=" + app.clientId() + "&client_secret=" + urlencode(app.secret()))
                        .header("Content-Type", FORM)
                        .POST(HttpRequest.BodyPublishers.ofString(GRANT))
                        .build());

        assertError(response, 400, "invalid_request");
        assertFalse(response.body().contains(app.secret()));
    }

    @Test
    void tokenWhenJsonBodyThenInvalidRequest() {
        var app = application().register();

        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Content-Type", "application/json")
                .header("Authorization", basic(app.clientId(), app.secret()))
                .POST(HttpRequest.BodyPublishers.ofString(
                        Json.object().put("grant_type", "client_credentials").toString()))
                .build());

        assertError(response, 400, "invalid_request");
    }

    @Test
    void tokenWhenNoContentTypeThenInvalidRequest() {
        var app = application().register();

        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Authorization", basic(app.clientId(), app.secret()))
                .POST(HttpRequest.BodyPublishers.ofString(GRANT))
                .build());

        assertError(response, 400, "invalid_request");
    }

    @Test
    void tokenWhenBodyNotUtf8ThenInvalidRequest() {
        var app = application().register();
        byte[] body = (GRANT + "&scope=").getBytes(StandardCharsets.US_ASCII);
        byte[] withBadByte = java.util.Arrays.copyOf(body, body.length + 1);
        withBadByte[body.length] = (byte) 0xFF;

        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Content-Type", FORM)
                .header("Authorization", basic(app.clientId(), app.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(withBadByte))
                .build());

        assertError(response, 400, "invalid_request");
        assertError(tokenRequest(app.clientId(), app.secret(), GRANT + "&scope=%C3%28"), 400, "invalid_request");
    }

    @Test
    void tokenWhenBodyOversizedThenPayloadTooLargeInJson() {
        var app = application().register();
        String huge = GRANT + "&padding=" + "a".repeat(70 * 1024);

        assertError(tokenRequest(app.clientId(), app.secret(), huge), 413, "invalid_request");
    }

    @Test
    void tokenWhenBasicHeaderMalformedThenInvalidRequest() {
        for (String header : List.of(
                "Basic",
                "Basic !!!notbase64!!!",
                "Basic " + b64("no-colon-here"),
                "Basic " + b64(":only-secret"),
                "Basic " + b64("only-id:"),
                "Basic " + b64("id:%zz"))) {
            HttpResponse<String> response = send(request("/oauth2/token")
                    .header("Content-Type", FORM)
                    .header("Authorization", header)
                    .POST(HttpRequest.BodyPublishers.ofString(GRANT))
                    .build());
            assertError(response, 400, "invalid_request");
        }
    }

    @Test
    void tokenWhenHostileClientIdThenInvalidClientAndNothingEchoed() {
        String hostile = "<script>alert(1)</script>' OR '1'='1\u0000\u202e";

        HttpResponse<String> response = tokenRequest(hostile, "secret", GRANT);

        assertInvalidClient(response);
        assertFalse(response.body().contains("<script>"));
    }

    @Test
    void tokenWhenGetOrPutThenMethodNotAllowedInJson() {
        HttpResponse<String> get = send(request("/oauth2/token").GET().build());
        HttpResponse<String> put = send(request("/oauth2/token")
                .header("Content-Type", FORM)
                .PUT(HttpRequest.BodyPublishers.ofString(GRANT))
                .build());

        for (HttpResponse<String> response : List.of(get, put)) {
            assertError(response, 405, "invalid_request");
            assertEquals("POST", header(response, "Allow"));
        }
    }

    // --- helpers ---

    private static String b64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
