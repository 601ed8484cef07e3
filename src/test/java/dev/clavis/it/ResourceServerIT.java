package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.accessToken;
import static dev.clavis.it.Clavis.baseUrl;
import static dev.clavis.it.Clavis.get;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.request;
import static dev.clavis.it.Clavis.send;
import static dev.clavis.it.Clavis.whoami;
import static dev.clavis.it.HttpAssertions.assertInvalidToken;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Clavis as clients and resource servers see it: discovery, the JWK set, tokens obtained and verified with
 * independent libraries (Nimbus OAuth 2.0 SDK and Nimbus JOSE+JWT), the MP-JWT protected sample API, and many
 * clients at once.
 */
class ResourceServerIT extends ClavisIT {

    @Test
    void adminApiWhenAskedUnderTheSampleApiPathThenNotFoundAndOnlyUnderItsOwn() {
        AdminApi admin = AdminApi.asAdmin();
        String token = accessToken("clavis-admin", Clavis.bootstrapSecret());
        for (String resource : List.of("/applications", "/roles", "/audit")) {
            HttpResponse<String> elsewhere = send(request("/api" + resource)
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build());
            assertEquals(404, elsewhere.statusCode(), "/api" + resource + " must not serve the admin API");
            assertFalse(elsewhere.body().contains("clavis-admin"), elsewhere.body());
            assertEquals(200, admin.get(resource).statusCode(), "/admin/api" + resource);
        }
    }

    @Test
    void discoveryWhenFetchedThenIssuerExactAndEndpointsAdvertised() {
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path);
            Map<String, Object> metadata = json(response.body());
            assertEquals(baseUrl(), metadata.get("issuer"));
            assertEquals(baseUrl() + "/oauth2/token", metadata.get("token_endpoint"));
            assertEquals(baseUrl() + "/oauth2/jwks", metadata.get("jwks_uri"));
            assertEquals(List.of("client_credentials"), metadata.get("grant_types_supported"));
            assertEquals(
                    List.of("client_secret_basic", "client_secret_post"),
                    metadata.get("token_endpoint_auth_methods_supported"));
            assertTrue(((List<?>) metadata.get("scopes_supported"))
                    .containsAll(List.of("clavis-admin", "pos.sales.read", "pos.catalog.write")));
            assertNotNull(metadata.get("response_types_supported"));
            assertEquals(List.of("public"), metadata.get("subject_types_supported"));
            assertEquals(List.of("RS256"), metadata.get("id_token_signing_alg_values_supported"));
        }
    }

    @Test
    void healthWhenAskedThenReadyWithKeyAndDatabase() {
        HttpResponse<String> response = Clavis.readiness();

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"clavis\""), response.body());
        assertTrue(response.body().contains("\"UP\""), response.body());
    }

    @Test
    void jwksWhenFetchedThenPublicKeysOnlyWithKidUseAndAlg() throws Exception {
        HttpResponse<String> response = get("/oauth2/jwks");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/jwk-set+json"));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        JWKSet keys = JWKSet.parse(response.body());
        assertFalse(keys.getKeys().isEmpty());
        for (JWK key : keys.getKeys()) {
            assertFalse(key.isPrivate(), "JWKS must not publish private key material");
            assertNotNull(key.getKeyID());
            assertEquals("sig", key.getKeyUse().getValue());
            assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
        }
        assertFalse(response.body().contains("\"d\""));
    }

    @Test
    void tokenWhenRequestedWithNimbusSdkThenVerifiesAgainstPublishedKeys() throws Exception {
        var app = application().roles("pos.sales.read", "pos.inventory.read").register();
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(baseUrl()));

        TokenRequest request = new TokenRequest(
                metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret())),
                new ClientCredentialsGrant(),
                new Scope("pos.sales.read"));
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse success = response.toSuccessResponse();
        assertEquals(
                new Scope("pos.sales.read"),
                success.getTokens().getAccessToken().getScope());
        assertEquals(null, success.getTokens().getRefreshToken());
        JWTClaimsSet claims = verifier(metadata.getJWKSetURI())
                .process(success.getTokens().getAccessToken().getValue(), null);
        assertEquals(app.clientId(), claims.getSubject());
        assertEquals(app.clientId(), claims.getStringClaim("client_id"));
        assertEquals(List.of(baseUrl() + "/api"), claims.getAudience());
        assertEquals(List.of("pos.sales.read"), claims.getStringListClaim("groups"));
        assertEquals(List.of("pos.sales.read"), claims.getStringListClaim("roles"));
        assertEquals(
                3600_000L,
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
    }

    @Test
    void tokenWhenNimbusSdkUsesPostAndWrongSecretThenParsableInvalidClient() throws Exception {
        var app = application().register();
        URI tokenEndpoint = URI.create(baseUrl() + "/oauth2/token");

        TokenResponse response = TokenResponse.parse(new TokenRequest(
                        tokenEndpoint,
                        new ClientSecretPost(new ClientID(app.clientId()), new Secret("not-" + app.secret())),
                        new ClientCredentialsGrant())
                .toHTTPRequest()
                .send());

        assertFalse(response.indicatesSuccess());
        TokenErrorResponse error = response.toErrorResponse();
        assertEquals("invalid_client", error.getErrorObject().getCode());
        assertEquals(401, error.getErrorObject().getHTTPStatusCode());
    }

    @Test
    void whoamiWhenValidTokenThenShowsClientAndRoles() {
        var app = application().roles("pos.reports.read", "pos.stores.read").register();

        HttpResponse<String> response = whoami(accessToken(app.clientId(), app.secret()));

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = json(response.body());
        assertEquals(app.clientId(), body.get("client_id"));
        assertEquals(List.of("pos.reports.read", "pos.stores.read"), body.get("roles"));
    }

    @Test
    void whoamiWhenNoTokenThenBearerChallengeInJson() {
        HttpResponse<String> response = get("/api/whoami");

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void whoamiWhenTokenTamperedThenUnauthorized() throws Exception {
        var app = application().roles("pos.sales.read").register();
        String token = accessToken(app.clientId(), app.secret());
        String[] parts = token.split("\\.");
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        JWTClaimsSet escalated = new JWTClaimsSet.Builder(claims)
                .claim("groups", List.of("clavis-admin"))
                .build();
        String tampered = parts[0] + "." + escalated.toPayload().toBase64URL() + "." + parts[2];

        assertInvalidToken(whoami(tampered));
    }

    @Test
    void whoamiWhenTokenExpiredThenUnauthorizedEvenWithGenuineSignature() throws Exception {
        JWK serverKey = ServerKeys.activePrivateKey();
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));

        // issued two hours ago for five minutes: expired long past any allowance for clock skew
        String expired = sign(serverKey, claims(twoHoursAgo, baseUrl() + "/api"));

        assertInvalidToken(whoami(expired));
    }

    @Test
    void whoamiWhenTokenForAnotherAudienceThenUnauthorized() throws Exception {
        String elsewhere = sign(ServerKeys.activePrivateKey(), claims(Instant.now(), "https://other.example/api"));

        assertInvalidToken(whoami(elsewhere));
    }

    @Test
    void whoamiWhenGenuineTokenSignedByServerKeyThenAccepted() throws Exception {
        // the control for the two tests above: the same construction, valid in every respect (for an application that
        // exists: the APIs refuse tokens of applications that do not), is accepted
        var app = TestApplications.application().roles("pos.sales.read").register();
        String genuine = sign(ServerKeys.activePrivateKey(), claims(Instant.now(), baseUrl() + "/api", app.clientId()));

        assertEquals(200, whoami(genuine).statusCode());
    }

    @Test
    void whoamiWhenTokenSignedByForeignKeyWithSameKidThenUnauthorized() throws Exception {
        JWK serverKey = ServerKeys.activePrivateKey();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(serverKey.getKeyID()).generate();

        assertInvalidToken(whoami(sign(foreign, claims(Instant.now(), baseUrl() + "/api"))));
    }

    @Test
    void whoamiWhenUnsignedTokenThenUnauthorized() throws Exception {
        String header = com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")
                .toString();
        String none = header + "."
                + claims(Instant.now(), baseUrl() + "/api").toPayload().toBase64URL() + ".";

        assertInvalidToken(whoami(none));
    }

    @Test
    void tokenWhen200ConcurrentRequestsThenAllSucceedWithDistinctIds() throws Exception {
        var app = application().roles("pos.sales.read").register();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = request("/oauth2/token")
                .header("Content-Type", Clavis.FORM)
                .header("Authorization", Clavis.basic(app.clientId(), app.secret()))
                .POST(HttpRequest.BodyPublishers.ofString(GRANT))
                .build();

        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 200)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();

        Set<String> tokenIds = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.join();
            assertEquals(200, response.statusCode(), response.body());
            String token = (String) json(response.body()).get("access_token");
            tokenIds.add(SignedJWT.parse(token).getJWTClaimsSet().getJWTID());
        }
        assertEquals(200, tokenIds.size(), "every token has its own jti");
    }

    // --- helpers ---

    private static DefaultJWTProcessor<SecurityContext> verifier(URI jwksUri) throws Exception {
        JWKSource<SecurityContext> keys =
                JWKSourceBuilder.create(jwksUri.toURL()).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                baseUrl() + "/api",
                new JWTClaimsSet.Builder().issuer(baseUrl()).build(),
                Set.of("sub", "client_id", "iat", "exp", "jti", "scope")));
        return processor;
    }

    /** Claims as Clavis would issue them to "forger", valid for five minutes from {@code issuedAt}. */
    private static JWTClaimsSet claims(Instant issuedAt, String audience) {
        return claims(issuedAt, audience, "forger");
    }

    private static JWTClaimsSet claims(Instant issuedAt, String audience, String clientId) {
        return new JWTClaimsSet.Builder()
                .issuer(baseUrl())
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))))
                .jwtID("forged-" + System.nanoTime())
                .claim("client_id", clientId)
                .claim("groups", List.of("clavis-admin"))
                .build();
    }

    private static String sign(JWK key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("at+jwt"))
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key.toRSAKey()));
        return jwt.serialize();
    }
}
