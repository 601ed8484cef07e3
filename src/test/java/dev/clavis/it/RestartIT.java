package dev.clavis.it;

import static dev.clavis.it.Clavis.accessToken;
import static dev.clavis.it.Clavis.get;
import static dev.clavis.it.Clavis.whoami;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.clavis.platform.control.SecretGenerator;
import java.nio.file.Files;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops and starts Clavis (a new Payara Micro process each time) against the same database and data folder: what was
 * registered and generated must still be there, and tokens issued before the restart must still be accepted; and a
 * restart with cold caches must not let strangers lock the bootstrap client out.
 *
 * <p>Not a {@link ClavisIT}: that base deploys Clavis for the whole class, whereas these tests start and stop it
 * themselves through a named, unmanaged deployment. Inheriting the managed one as well would start a second Clavis
 * for the whole class, on the same port, and keep it running across the restarts.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String CLAVIS = "clavis";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = CLAVIS, managed = false, testable = false)
    static WebArchive deployment() {
        return ClavisDeployment.war();
    }

    @Test
    void restartWhenApplicationsAndKeysExistThenAllSurvive() throws Exception {
        deployer.deploy(CLAVIS);
        var app = application().roles("pos.sales.read").register();
        String tokenBefore = accessToken(app.clientId(), app.secret());
        String keysBefore = publishedKeyIds();
        assertEquals(200, FromAddress.tokenRequest("127.0.0.1", "clavis-admin", Clavis.bootstrapSecret()));
        deployer.undeploy(CLAVIS);

        deployer.deploy(CLAVIS);
        try {
            // Cold caches, an empty throttle, and strangers spending the bootstrap client's budget of guesses:
            for (int address = 20; address < 50; address++) {
                FromAddress.tokenRequest("127.0.0." + address, "clavis-admin", SecretGenerator.newSecret());
            }
            assertEquals(
                    200,
                    FromAddress.tokenRequest("127.0.0.1", "clavis-admin", Clavis.bootstrapSecret()),
                    "its typed secret, slowly hashed, still works at once from the address it used before");
            assertEquals(keysBefore, publishedKeyIds(), "no new signing key on restart");
            assertEquals(200, whoami(tokenBefore).statusCode(), "a token from before the restart still works");
            assertEquals(200, whoami(accessToken(app.clientId(), app.secret())).statusCode());
            assertEquals(
                    200,
                    AdminApi.withToken(accessToken("clavis-admin", Clavis.bootstrapSecret()))
                            .get("/roles")
                            .statusCode(),
                    "the bootstrap application keeps its secret, and its token is for the admin API");
        } finally {
            deployer.undeploy(CLAVIS);
        }
    }

    @Test
    void restartWhenTokensWereRevokedThenTheyStayRevoked() throws Exception {
        deployer.deploy(CLAVIS);
        var app = application().roles("pos.sales.read").register();
        String revoked = accessToken(app.clientId(), app.secret());
        String kept = accessToken(app.clientId(), app.secret());
        var client = new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret()));
        assertEquals(
                200,
                new TokenRevocationRequest(Clavis.uri("/oauth2/revoke"), client, new BearerAccessToken(revoked))
                        .toHTTPRequest()
                        .send()
                        .getStatusCode());
        deployer.undeploy(CLAVIS);

        deployer.deploy(CLAVIS);
        try {
            assertEquals(401, whoami(revoked).statusCode(), "loaded from the database at start");
            assertFalse(TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                                    Clavis.uri("/oauth2/introspect"), client, new BearerAccessToken(revoked))
                            .toHTTPRequest()
                            .send())
                    .toSuccessResponse()
                    .isActive());
            assertEquals(200, whoami(kept).statusCode());
        } finally {
            deployer.undeploy(CLAVIS);
        }
    }

    @Test
    void restartWhenBootstrapSecretChangedInConfigurationThenOnlyTheNewOneWorks() {
        String original = Clavis.bootstrapSecret();
        String replacement = SecretGenerator.newSecret();
        String originalAdminPassword = System.getProperty(IntegrationEnvironment.ADMIN_PASSWORD);
        String replacementAdminPassword = SecretGenerator.newSecret();
        deployer.deploy(CLAVIS); // whatever ran before, the installation now exists with the original values
        // Each probe from an address of its own: the guessing throttle remembers failures across restarts (and
        // other test classes fail at clavis-admin on purpose), which must not slow down this test's requests.
        assertEquals(200, FromAddress.tokenRequest("127.0.2.1", "clavis-admin", original));
        deployer.undeploy(CLAVIS);
        IntegrationEnvironment.reconfigure("clavis.bootstrap.client-secret", replacement);
        IntegrationEnvironment.reconfigure("clavis.admin.password", replacementAdminPassword);
        deployer.deploy(CLAVIS);
        try {
            assertEquals(
                    401,
                    FromAddress.tokenRequest("127.0.2.2", "clavis-admin", original),
                    "the lost secret no longer works");
            assertEquals(
                    200,
                    FromAddress.tokenRequest("127.0.2.3", "clavis-admin", replacement),
                    "an operator regains access by configuration");
            String log = Files.readString(IntegrationEnvironment.serverLog());
            assertTrue(log.contains("secret replaced from clavis.bootstrap.client-secret"), "client secret replaced");
            assertTrue(log.contains("password replaced from clavis.admin.password"), "admin password replaced");
            assertFalse(log.contains(replacement), "a configured secret is never printed");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            deployer.undeploy(CLAVIS);
            // the next start (another test class) puts the original values back the same way
            IntegrationEnvironment.reconfigure("clavis.bootstrap.client-secret", original);
            IntegrationEnvironment.reconfigure("clavis.admin.password", originalAdminPassword);
        }
    }

    private static String publishedKeyIds() throws Exception {
        return JWKSet.parse(get("/oauth2/jwks").body()).getKeys().stream()
                .map(key -> key.getKeyID())
                .sorted()
                .toList()
                .toString();
    }
}
