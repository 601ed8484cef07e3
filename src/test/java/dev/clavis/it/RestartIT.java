package dev.clavis.it;

import static dev.clavis.it.Clavis.accessToken;
import static dev.clavis.it.Clavis.get;
import static dev.clavis.it.Clavis.request;
import static dev.clavis.it.Clavis.send;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops and starts Clavis (a new Payara Micro process each time) against the same database and data folder: what was
 * registered and generated must still be there, and tokens issued before the restart must still be accepted.
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
        deployer.undeploy(CLAVIS);

        deployer.deploy(CLAVIS);
        try {
            assertEquals(keysBefore, publishedKeyIds(), "no new signing key on restart");
            assertEquals(200, whoami(tokenBefore).statusCode(), "a token from before the restart still works");
            assertEquals(200, whoami(accessToken(app.clientId(), app.secret())).statusCode());
            assertEquals(
                    200,
                    whoami(accessToken("clavis-admin", Clavis.bootstrapSecret()))
                            .statusCode(),
                    "the bootstrap application keeps its secret");
        } finally {
            deployer.undeploy(CLAVIS);
        }
    }

    private static String publishedKeyIds() throws Exception {
        return JWKSet.parse(get("/oauth2/jwks").body()).getKeys().stream()
                .map(key -> key.getKeyID())
                .sorted()
                .toList()
                .toString();
    }

    private static HttpResponse<String> whoami(String token) {
        return send(request("/api/whoami")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }
}
