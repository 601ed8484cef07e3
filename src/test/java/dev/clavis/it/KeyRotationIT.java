package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.tokenRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing keys rotating on a schedule of seconds, in a database of their own, while tokens are requested all the
 * time: two independent resource servers validate every token across several rotations, a restart in the middle of
 * one and a change of algorithm: one that follows the JWKS as its cache headers allow and never fetches it for an
 * unknown {@code kid} (Nimbus), and a stock Payara MicroProfile JWT server that keeps the JWKS for a second. After
 * Replace now, a token of the revoked key is refused once the cache expires.
 *
 * <p>Not a {@link ClavisIT}: it starts Clavis itself with another configuration and puts the original back.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT {

    private static final String CLAVIS = "clavis";
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");
    private static final Map<String, String> SHORT_SCHEDULE = Map.of(
            "clavis.keys.rotation-period", "PT8S",
            "clavis.keys.lead-time", "PT3S",
            "clavis.keys.jwks-max-age", "PT1S",
            "clavis.keys.check-interval", "PT1S");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = CLAVIS, managed = false, testable = false)
    static WebArchive deployment() {
        return ClavisDeployment.war();
    }

    /** A resource server's JWKS cache: kept as long as the response's max-age allows, never refreshed early. */
    private static final class FollowingResourceServer {

        private JWKSet keys = new JWKSet();
        private Instant freshUntil = Instant.MIN;
        private int fetches;

        boolean accepts(String token) {
            try {
                if (!Instant.now().isBefore(freshUntil)) {
                    HttpResponse<String> response = Clavis.get("/oauth2/jwks");
                    Matcher maxAge = MAX_AGE.matcher(
                            response.headers().firstValue("Cache-Control").orElse(""));
                    assertTrue(maxAge.find(), "the JWKS says how long it may be cached");
                    keys = JWKSet.parse(response.body());
                    freshUntil = Instant.now().plusSeconds(Long.parseLong(maxAge.group(1)));
                    fetches++;
                }
                SignedJWT jwt = SignedJWT.parse(token);
                JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
                if (key == null) {
                    return false;
                }
                Key publicKey = ((AsymmetricJWK) key).toPublicKey();
                return jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The application whose tokens both resource servers check: for the default API. */
    private static TestApplications.Registered pos;

    private static ExternalResourceServer payara;

    private static String posToken() {
        HttpResponse<String> response = tokenRequest(pos.clientId(), pos.secret(), GRANT);
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response.body()).get("access_token");
    }

    private static String token() {
        HttpResponse<String> response = tokenRequest("clavis-admin", Clavis.bootstrapSecret(), GRANT);
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response.body()).get("access_token");
    }

    /** Requests tokens for a while; each must validate at once. @return the key IDs and algorithms seen, in order */
    private static Map<String, JWSAlgorithm> tokensFor(Duration duration, FollowingResourceServer server)
            throws Exception {
        Map<String, JWSAlgorithm> seen = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        Instant end = Instant.now().plus(duration);
        int count = 0;
        while (Instant.now().isBefore(end)) {
            String token = posToken();
            SignedJWT jwt = SignedJWT.parse(token);
            seen.putIfAbsent(jwt.getHeader().getKeyID(), jwt.getHeader().getAlgorithm());
            if (!server.accepts(token)) {
                refused.add("Nimbus: " + jwt.getHeader().getKeyID() + " at " + Instant.now());
            }
            int status = payara.whoami(token).statusCode();
            if (status != 200) {
                refused.add("Payara " + status + ": " + jwt.getHeader().getKeyID() + " at " + Instant.now());
            }
            count++;
            Thread.sleep(100);
        }
        assertEquals(List.of(), refused, "refused of " + count + " tokens; keys seen " + seen.keySet());
        return seen;
    }

    /** Every stored secret opens with the new key-encryption key and none with the old one. */
    private static void assertOnlyOpenedBy(byte[] newKek, byte[] oldKek, String database) throws Exception {
        javax.crypto.SecretKey fresh = new javax.crypto.spec.SecretKeySpec(newKek, "AES");
        javax.crypto.SecretKey stale = new javax.crypto.spec.SecretKeySpec(oldKek, "AES");
        try (var connection = IntegrationEnvironment.database(database).getConnection();
                var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT kid, private_jwk_encrypted FROM signing_key")) {
                while (rows.next()) {
                    String kid = rows.getString(1);
                    String sealed = rows.getString(2);
                    new dev.clavis.key.control.PrivateKeyCipher(fresh).decrypt(sealed, kid);
                    org.junit.jupiter.api.Assertions.assertThrows(
                            dev.clavis.key.control.PrivateKeyCipher.KeyDecryptionException.class,
                            () -> new dev.clavis.key.control.PrivateKeyCipher(stale).decrypt(sealed, kid),
                            "the old key-encryption key still opens key " + kid);
                }
            }
            try (var rows = statement.executeQuery("SELECT value_encrypted FROM server_secret")) {
                assertTrue(rows.next());
                String sealed = rows.getString(1);
                assertTrue(dev.clavis.platform.control.SecretBox.open(sealed, "derivation-root", fresh)
                        .isPresent());
                assertTrue(dev.clavis.platform.control.SecretBox.open(sealed, "derivation-root", stale)
                        .isEmpty());
            }
        }
    }

    @Test
    void rotationWhenTokensRequestedThroughoutThenEveryOneValidatesAcrossRotationsRestartAndAlgorithmChange()
            throws Exception {
        Map<String, String> original = new LinkedHashMap<>();
        String database = "rotation_" + System.nanoTime();
        IntegrationEnvironment.newDatabase(database);
        String url = IntegrationEnvironment.reconfigure("clavis.db.url", "x");
        original.put("clavis.db.url", url);
        IntegrationEnvironment.reconfigure("clavis.db.url", url.substring(0, url.lastIndexOf('/') + 1) + database);
        SHORT_SCHEDULE.forEach((key, value) -> original.put(key, IntegrationEnvironment.reconfigure(key, value)));
        original.put(
                "clavis.token.signing-algorithm",
                IntegrationEnvironment.reconfigure("clavis.token.signing-algorithm", "RS256"));
        FollowingResourceServer server = new FollowingResourceServer();
        payara = ExternalResourceServer.trusting(Clavis.baseUrl())
                .audience(Clavis.baseUrl() + "/api")
                .acceptingAtJwt(true)
                .keyCacheMillis(1_000)
                .start();
        deployer.deploy(CLAVIS);
        try (ExternalResourceServer closing = payara) {
            HttpResponse<String> registered = AdminApi.withToken(token())
                    .post(
                            "/applications",
                            Json.object()
                                    .put("clientId", "rotation-pos")
                                    .put("displayName", "POS")
                                    .put("roles", java.util.List.of("pos.sales.read")));
            assertEquals(201, registered.statusCode(), registered.body());
            pos = new TestApplications.Registered(
                    "rotation-pos", (String) json(registered.body()).get("clientSecret"));
            // An API pinned to ES256 while the server signs with RS256: a chain of its own, published ahead.
            HttpResponse<String> pinnedApi = AdminApi.withToken(token())
                    .post(
                            "/apis",
                            Json.object()
                                    .put("identifier", "https://pinned.example.com/api")
                                    .put("displayName", "Pinned")
                                    .put("roles", java.util.List.of("pos.sales.read"))
                                    .put("signingAlgorithm", "ES256"));
            assertEquals(201, pinnedApi.statusCode(), pinnedApi.body());
            HttpResponse<String> pinnedApp = AdminApi.withToken(token())
                    .post(
                            "/applications",
                            Json.object()
                                    .put("clientId", "rotation-pinned")
                                    .put("displayName", "Pinned client")
                                    .put("roles", java.util.List.of("pos.sales.read"))
                                    .put(
                                            "apis",
                                            java.util.List.of(
                                                    json(pinnedApi.body()).get("id"))));
            assertEquals(201, pinnedApp.statusCode(), pinnedApp.body());
            String pinnedSecret = (String) json(pinnedApp.body()).get("clientSecret");
            payara.awaitReady();
            // 1. Three rotations and more, RS256: each next key is in the JWKS a lead time before it signs.
            Map<String, JWSAlgorithm> seen = tokensFor(Duration.ofSeconds(28), server);
            assertTrue(seen.size() >= 4, "at least three rotations: " + seen);
            assertTrue(server.fetches > 5, "the resource server followed the cache headers: " + server.fetches);
            assertTrue(seen.values().stream().allMatch(JWSAlgorithm.RS256::equals), "the server's algorithm: " + seen);
            HttpResponse<String> pinned = tokenRequest("rotation-pinned", pinnedSecret, GRANT);
            assertEquals(200, pinned.statusCode(), pinned.body());
            String pinnedToken = (String) json(pinned.body()).get("access_token");
            assertEquals(
                    JWSAlgorithm.ES256, SignedJWT.parse(pinnedToken).getHeader().getAlgorithm(), "the API's own");
            assertTrue(server.accepts(pinnedToken), "its key was published ahead");

            // 2. A restart in the middle of a rotation keeps the schedule, and the algorithm changes by rotation. The
            // key-encryption key changes at the same start: what the old one protected is re-encrypted, and the
            // generated secret of the application (its digest keyed from the server secret) still works.
            deployer.undeploy(CLAVIS);
            IntegrationEnvironment.reconfigure("clavis.token.signing-algorithm", "ES256");
            byte[] oldKek = ServerKeys.keyEncryptionKey();
            byte[] newKek = new byte[32];
            new java.security.SecureRandom().nextBytes(newKek);
            java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
            original.put(
                    "clavis.key-encryption-key",
                    IntegrationEnvironment.reconfigure("clavis.key-encryption-key", base64.encodeToString(newKek)));
            original.put(
                    "clavis.key-encryption-key-previous",
                    IntegrationEnvironment.reconfigure(
                            "clavis.key-encryption-key-previous", base64.encodeToString(oldKek)));
            deployer.deploy(CLAVIS);
            Map<String, JWSAlgorithm> afterRestart = tokensFor(Duration.ofSeconds(22), server);
            assertTrue(afterRestart.containsValue(JWSAlgorithm.ES256), "ES256 by rotation: " + afterRestart);
            assertOnlyOpenedBy(newKek, oldKek, database);
            String discovery = Clavis.get("/.well-known/openid-configuration").body();
            assertTrue(discovery.contains("ES256"), discovery);

            // 3. Replace now: the revoked key's tokens are refused once caches expire; new ones validate.
            assertEquals(
                    400,
                    AdminApi.withToken(token()).post("/keys/replace", "").statusCode(),
                    "not without confirmation");
            String beforeReplace;
            String revokedKid;
            int attempts = 0;
            do { // a scheduled rotation may fall between the token and the replacement: then try again
                beforeReplace = posToken();
                HttpResponse<String> replaced = AdminApi.withToken(token()).post("/keys/replace?confirm=true", "");
                assertEquals(200, replaced.statusCode(), replaced.body());
                revokedKid = (String) json(replaced.body()).get("revoked");
            } while (!revokedKid.equals(
                            SignedJWT.parse(beforeReplace).getHeader().getKeyID())
                    && ++attempts < 3);
            assertEquals(revokedKid, SignedJWT.parse(beforeReplace).getHeader().getKeyID());
            Thread.sleep(2_100); // the JWKS max-age and Payara's key cache
            assertFalse(server.accepts(beforeReplace), "a token of the revoked key");
            assertEquals(401, payara.whoami(beforeReplace).statusCode(), "refused by Payara once its cache expired");
            assertFalse(Clavis.get("/oauth2/jwks").body().contains(revokedKid), "gone from the JWKS at once");
            Set<String> afterReplace =
                    new HashSet<>(tokensFor(Duration.ofSeconds(3), server).keySet());
            assertFalse(afterReplace.contains(revokedKid), "the revoked key never signs again");
            String keys = AdminApi.withToken(token()).get("/keys").body();
            assertTrue(keys.contains("\"REVOKED\""), keys);
            assertFalse(keys.contains("\"d\"") || keys.contains("\"p\"") || keys.contains("private"), keys);
            String audit = AdminApi.withToken(token()).get("/audit").body();
            assertTrue(audit.contains("key.replace"), audit);
        } finally {
            deployer.undeploy(CLAVIS);
            original.forEach(IntegrationEnvironment::reconfigure);
        }
    }
}
