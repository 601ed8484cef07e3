package dev.clavis.it;

import static dev.clavis.it.Clavis.FORM;
import static dev.clavis.it.Clavis.accessToken;
import static dev.clavis.it.Clavis.basic;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.request;
import static dev.clavis.it.Clavis.send;
import static dev.clavis.it.Clavis.urlencode;
import static dev.clavis.it.Clavis.whoami;
import static dev.clavis.it.HttpAssertions.assertError;
import static dev.clavis.it.HttpAssertions.assertInvalidClient;
import static dev.clavis.it.HttpAssertions.assertInvalidToken;
import static dev.clavis.it.HttpAssertions.assertNoStore;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Token introspection (RFC 7662) and revocation (RFC 7009) over HTTP, with the Nimbus OAuth 2.0 SDK as the independent
 * client: who may introspect what, each reason for {@code active: false}, revoke one token and revoke all, the admin
 * and sample APIs refusing revoked tokens, revocations read from the database (as another instance's arrive) and
 * purged after expiry, and hostile input answered without a 5xx.
 */
class IntrospectionIT extends ClavisIT {

    private static final URI INTROSPECT = Clavis.uri("/oauth2/introspect");
    private static final URI REVOKE = Clavis.uri("/oauth2/revoke");

    private static ClientAuthentication basicAuth(TestApplications.Registered app) {
        return new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret()));
    }

    private static ClientAuthentication postAuth(TestApplications.Registered app) {
        return new ClientSecretPost(new ClientID(app.clientId()), new Secret(app.secret()));
    }

    private static TokenIntrospectionSuccessResponse introspect(ClientAuthentication caller, String token) {
        try {
            HTTPResponse http = new TokenIntrospectionRequest(INTROSPECT, caller, new BearerAccessToken(token))
                    .toHTTPRequest()
                    .send();
            assertEquals(200, http.getStatusCode(), http.getBody());
            assertEquals("no-store", http.getCacheControl());
            return TokenIntrospectionResponse.parse(http).toSuccessResponse();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean active(TestApplications.Registered caller, String token) {
        return introspect(basicAuth(caller), token).isActive();
    }

    private static int revoke(ClientAuthentication caller, String token) {
        try {
            HTTPResponse http = new TokenRevocationRequest(REVOKE, caller, new BearerAccessToken(token))
                    .toHTTPRequest()
                    .send();
            assertEquals("no-store", http.getCacheControl());
            return http.getStatusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> raw(String path, String authorization, String contentType, String body) {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder.build());
    }

    private static TestApplications.Registered app() {
        return application().roles("pos.sales.read").register();
    }

    /** Revoke-all and iat share a second; a token for "after" must come from a later second. */
    private static void waitForNextSecond() throws InterruptedException {
        long now = System.currentTimeMillis();
        Thread.sleep(1000 - now % 1000 + 50);
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            Thread.sleep(250);
        }
    }

    // --- who may introspect what ---

    @Test
    void introspectWhenOwnTokenWithBasicOrPostThenActiveWithTheClaimsOfRfc7662() throws Exception {
        var app = app();
        String token = accessToken(app.clientId(), app.secret());
        SignedJWT jwt = SignedJWT.parse(token);
        for (ClientAuthentication caller : List.of(basicAuth(app), postAuth(app))) {
            TokenIntrospectionSuccessResponse answer = introspect(caller, token);
            assertTrue(answer.isActive(), caller.getMethod().getValue());
            assertEquals(new ClientID(app.clientId()), answer.getClientID());
            assertEquals(app.clientId(), answer.getSubject().getValue());
            assertEquals(Scope.parse("pos.sales.read"), answer.getScope());
            assertEquals(Audience.create(jwt.getJWTClaimsSet().getAudience()), answer.getAudience());
            assertEquals(new Issuer(Clavis.baseUrl()), answer.getIssuer());
            assertEquals(jwt.getJWTClaimsSet().getExpirationTime(), answer.getExpirationTime());
            assertEquals(jwt.getJWTClaimsSet().getIssueTime(), answer.getIssueTime());
            assertEquals(jwt.getJWTClaimsSet().getJWTID(), answer.getJWTID().getValue());
            assertEquals(AccessTokenType.BEARER, answer.getTokenType());
        }
    }

    @Test
    void introspectWhenAnotherApplicationsTokenThenInactiveExactlyLikeGarbage() {
        var owner = app();
        var stranger = app();
        String token = accessToken(owner.clientId(), owner.secret());
        HttpResponse<String> other = raw(
                "/oauth2/introspect", basic(stranger.clientId(), stranger.secret()), FORM, "token=" + urlencode(token));
        HttpResponse<String> garbage =
                raw("/oauth2/introspect", basic(stranger.clientId(), stranger.secret()), FORM, "token=not-a-token");
        assertEquals(200, other.statusCode());
        assertEquals("{\"active\":false}", other.body());
        assertEquals(other.body(), garbage.body());
        assertEquals(other.headers().map().keySet(), garbage.headers().map().keySet());
        assertTrue(active(owner, token), "the owner still sees it");
    }

    @Test
    void introspectWhenCallerIsTheIntrospectingClientOfTheTokensApiThenActiveAndOthersNot() {
        var resourceServer = app();
        AdminApi admin = AdminApi.asAdmin();
        HttpResponse<String> created = admin.post(
                "/apis",
                Json.object()
                        .put("identifier", "https://" + TestApplications.uniqueId() + ".example.com/api")
                        .put("displayName", "Introspected API")
                        .put("roles", List.of("pos.sales.read"))
                        .put("introspectingClient", resourceServer.clientId()));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(resourceServer.clientId(), json(created.body()).get("introspectingClient"));
        String apiId = (String) json(created.body()).get("id");
        var client = application().roles("pos.sales.read").apis(apiId).register();
        var bystander = app();
        String token = accessToken(client.clientId(), client.secret());

        assertTrue(active(resourceServer, token), "the API's resource server introspects its tokens");
        assertFalse(active(bystander, token));
        String otherApiToken = accessToken(bystander.clientId(), bystander.secret());
        assertFalse(active(resourceServer, otherApiToken), "not the tokens of other APIs");

        HttpResponse<String> unknown = admin.post(
                "/apis",
                Json.object()
                        .put("identifier", "https://" + TestApplications.uniqueId() + ".example.com/api")
                        .put("displayName", "Unknown client")
                        .put("roles", List.of("pos.sales.read"))
                        .put("introspectingClient", "no-such-app-" + System.nanoTime()));
        HttpAssertions.assertFieldError(unknown, "introspectingClient");
    }

    // --- each reason for active: false ---

    @Test
    void introspectWhenApplicationDisabledFlowWithdrawnOrDeletedThenInactiveAtOnce() {
        AdminApi admin = AdminApi.asAdmin();
        var resourceServer = app();
        for (String change : List.of("disable", "flow", "delete")) {
            var app = app();
            String token = accessToken(app.clientId(), app.secret());
            assertTrue(active(app, token));
            HttpResponse<String> read = admin.get("/applications/" + app.clientId());
            String etag = read.headers().firstValue("ETag").orElseThrow();
            Json body = Json.object()
                    .put("displayName", "Changed")
                    .put("roles", List.of("pos.sales.read"))
                    .put("enabled", !change.equals("disable"))
                    .put("clientCredentialsFlow", !change.equals("flow"));
            HttpResponse<String> changed = change.equals("delete")
                    ? admin.delete("/applications/" + app.clientId())
                    : admin.put("/applications/" + app.clientId(), etag, body);
            assertTrue(changed.statusCode() < 300, changed.body());
            assertFalse(active(resourceServer, token) || introspectAsAdminActive(token), change);
            assertInvalidToken(whoami(token));
        }
    }

    private static boolean introspectAsAdminActive(String token) {
        return introspect(
                        new ClientSecretBasic(new ClientID("clavis-admin"), new Secret(Clavis.bootstrapSecret())),
                        token)
                .isActive();
    }

    @Test
    void introspectWhenExpiredForgedOrGarbageThenInactiveAndNever5xx() throws Exception {
        var app = app();
        String adminToken = accessToken("clavis-admin", Clavis.bootstrapSecret());
        List<ForgedTokens.Forged> forged = new ForgedTokens(
                        Clavis.get("/oauth2/jwks").body(),
                        ServerKeys.activePrivateKey().toRSAKey(),
                        Clavis.baseUrl(),
                        adminToken)
                .all();
        var admin = new ClientSecretBasic(new ClientID("clavis-admin"), new Secret(Clavis.bootstrapSecret()));
        for (ForgedTokens.Forged token : forged) {
            HttpResponse<String> answer = raw(
                    "/oauth2/introspect",
                    basic("clavis-admin", Clavis.bootstrapSecret()),
                    FORM,
                    "token=" + urlencode(token.token()));
            assertEquals(200, answer.statusCode(), token.name() + ": " + answer.body());
            // a token Clavis really signed for another audience is active: aud is for the resource server to check
            if (token.mustBeRefused() && !token.name().equals("another audience")) {
                assertEquals("{\"active\":false}", answer.body(), token.name());
            }
            HttpResponse<String> revoked = raw(
                    "/oauth2/revoke", basic(app.clientId(), app.secret()), FORM, "token=" + urlencode(token.token()));
            assertEquals(200, revoked.statusCode(), token.name() + ": " + revoked.body());
        }
        String huge = "eyJ" + "A".repeat(60_000);
        assertFalse(introspect(admin, huge).isActive());
        assertEquals(200, revoke(basicAuth(app), huge));
        assertTrue(active(app, accessToken(app.clientId(), app.secret())), "the caller was not slowed or locked out");
    }

    // --- revocation ---

    @Test
    void revokeWhenOwnTokenThenInactiveAndRefusedBySampleApiWhileOtherTokensWork() {
        var app = app();
        String revoked = accessToken(app.clientId(), app.secret());
        String kept = accessToken(app.clientId(), app.secret());
        assertEquals(200, whoami(revoked).statusCode());
        assertEquals(200, revoke(postAuth(app), revoked));
        assertFalse(active(app, revoked));
        assertInvalidToken(whoami(revoked));
        assertTrue(active(app, kept));
        assertEquals(200, whoami(kept).statusCode());
        assertEquals(200, revoke(basicAuth(app), revoked), "revoking again is a success (RFC 7009 §2.2)");
    }

    @Test
    void revokeWhenAnotherApplicationsTokenThenNothingChangesAndStill200() {
        var owner = app();
        var attacker = app();
        String token = accessToken(owner.clientId(), owner.secret());
        assertEquals(200, revoke(basicAuth(attacker), token));
        assertTrue(active(owner, token));
        assertEquals(200, whoami(token).statusCode());
    }

    @Test
    void revokeWhenHintsGivenThenUnknownIgnoredAndRefreshTokenUnsupported() {
        var app = app();
        String token = accessToken(app.clientId(), app.secret());
        String auth = basic(app.clientId(), app.secret());
        assertEquals(
                200,
                raw("/oauth2/revoke", auth, FORM, "token=garbage&token_type_hint=nonsense")
                        .statusCode());
        assertError(
                raw("/oauth2/revoke", auth, FORM, "token=garbage&token_type_hint=refresh_token"),
                400,
                "unsupported_token_type");
        HttpResponse<String> wrongHint =
                raw("/oauth2/revoke", auth, FORM, "token=" + urlencode(token) + "&token_type_hint=refresh_token");
        assertEquals(200, wrongHint.statusCode(), "a wrong hint is looked past (RFC 7009 §2.1)");
        assertFalse(active(app, token));
        HttpResponse<String> introspected =
                raw("/oauth2/introspect", auth, FORM, "token=garbage&token_type_hint=refresh_token");
        assertEquals("{\"active\":false}", introspected.body());
    }

    @Test
    void revokeWhenAdminTokenRevokedThenAdminApiRefusesIt() {
        String token = accessToken("clavis-admin", Clavis.bootstrapSecret());
        assertEquals(200, AdminApi.withToken(token).get("/roles").statusCode());
        assertEquals(
                200,
                revoke(
                        new ClientSecretBasic(new ClientID("clavis-admin"), new Secret(Clavis.bootstrapSecret())),
                        token));
        HttpResponse<String> refused = AdminApi.withToken(token).get("/roles");
        HttpAssertions.assertProblem(refused, 401);
        assertEquals(200, AdminApi.asAdmin().get("/roles").statusCode(), "a new token works");
    }

    @Test
    void revokeAllWhenAskedByAdminApiThenEveryEarlierTokenInactiveAndAudited() throws Exception {
        var app = app();
        String first = accessToken(app.clientId(), app.secret());
        String second = accessToken(app.clientId(), app.secret());
        AdminApi admin = AdminApi.asAdmin();
        HttpResponse<String> revoked = admin.post("/applications/" + app.clientId() + "/tokens/revoke", "");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(json(revoked.body()).get("tokensRevokedBefore") != null, revoked.body());
        assertFalse(active(app, first));
        assertFalse(active(app, second));
        assertInvalidToken(whoami(first));
        waitForNextSecond();
        String after = accessToken(app.clientId(), app.secret());
        assertTrue(active(app, after), "the application gets working tokens at once");
        assertEquals(200, whoami(after).statusCode());
        String audit = admin.get("/audit").body();
        assertTrue(audit.contains("tokens.revoke"), audit);
        assertEquals(
                404, admin.post("/applications/no-such-app/tokens/revoke", "").statusCode());
    }

    @Test
    void revokeSecretWithTokensWhenAskedThenSecretAndEarlierTokensRevoked() throws Exception {
        var app = application().roles("pos.sales.read").generatedSecret().register();
        String token = accessToken(app.clientId(), app.secret());
        AdminApi admin = AdminApi.asAdmin();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> secrets = (List<Map<String, Object>>)
                json(admin.get("/applications/" + app.clientId()).body()).get("secrets");
        HttpResponse<String> response = admin.delete(
                "/applications/" + app.clientId() + "/secrets/" + secrets.get(0).get("id") + "?revokeTokens=true");
        assertEquals(204, response.statusCode(), response.body());
        assertInvalidToken(whoami(token));
        assertEquals(
                401,
                Clavis.tokenRequest(app.clientId(), app.secret(), Clavis.GRANT).statusCode());
    }

    // --- what every instance holds ---

    @Test
    void refreshWhenAnotherInstanceRevokedInTheDatabaseThenInactiveWithinSeconds() throws Exception {
        var app = app();
        String token = accessToken(app.clientId(), app.secret());
        SignedJWT jwt = SignedJWT.parse(token);
        insertRevocation(
                jwt.getJWTClaimsSet().getJWTID(),
                app.clientId(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        eventually(() -> !active(app, token), "the revocation another instance stored reaches this one");
        assertInvalidToken(whoami(token));
    }

    @Test
    void purgeWhenRevokedTokenExpiredThenRowDeleted() throws Exception {
        String jti = "expired-" + System.nanoTime();
        insertRevocation(jti, "clavis-admin", Instant.now().minusSeconds(3600));
        eventually(() -> count(jti) == 0, "the expired row is purged");
        var app = app();
        String token = accessToken(app.clientId(), app.secret());
        assertEquals(200, revoke(basicAuth(app), token));
        assertEquals(1, count(SignedJWT.parse(token).getJWTClaimsSet().getJWTID()), "an unexpired one is kept");
    }

    private static void insertRevocation(String jti, String clientId, Instant expiresAt) throws SQLException {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO revoked_token (jti, client_id, expires_at) VALUES (?, ?, ?)")) {
            insert.setString(1, jti);
            insert.setString(2, clientId);
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
    }

    private static int count(String jti) {
        try (Connection connection = IntegrationEnvironment.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT count(*) FROM revoked_token WHERE jti = ?")) {
            select.setString(1, jti);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the token endpoint's request rules ---

    @Test
    void requestWhenMalformedThenTheTokenEndpointsErrorsAndNoStore() {
        var app = app();
        String auth = basic(app.clientId(), app.secret());
        for (String path : List.of("/oauth2/introspect", "/oauth2/revoke")) {
            assertInvalidClient(raw(path, basic(app.clientId(), "wrong-secret-0123456789"), FORM, "token=x"));
            assertError(raw(path, null, FORM, "token=x"), 401, "invalid_client");
            assertError(raw(path, auth, FORM, "token=x&token=x"), 400, "invalid_request");
            assertError(raw(path, auth, FORM, ""), 400, "invalid_request");
            assertError(raw(path, auth, "application/json", "{\"token\":\"x\"}"), 400, "invalid_request");
            assertError(raw(path + "?token=x", auth, FORM, "token=x"), 400, "invalid_request");
            assertError(raw(path, auth, FORM, "token=x&client_secret=" + app.secret()), 400, "invalid_request");
            assertError(raw(path, auth, FORM, "token=%zz"), 400, "invalid_request");
            assertError(raw(path, auth, FORM, "token=" + "a".repeat(70_000)), 413, "invalid_request");
            HttpResponse<String> get =
                    send(request(path).header("Authorization", auth).GET().build());
            assertError(get, 405, "invalid_request");
            assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        }
        assertNoStore(raw("/oauth2/revoke", auth, FORM, "token=x"));
    }

    @Test
    void discoveryWhenReadThenBothEndpointsWithTheirAuthMethods() throws Exception {
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            AuthorizationServerMetadata metadata =
                    AuthorizationServerMetadata.parse(Clavis.get(path).body());
            assertEquals(INTROSPECT, metadata.getIntrospectionEndpointURI());
            assertEquals(REVOKE, metadata.getRevocationEndpointURI());
            List<ClientAuthenticationMethod> methods = List.of(
                    ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
            assertEquals(methods, metadata.getIntrospectionEndpointAuthMethods());
            assertEquals(methods, metadata.getRevocationEndpointAuthMethods());
        }
    }
}
