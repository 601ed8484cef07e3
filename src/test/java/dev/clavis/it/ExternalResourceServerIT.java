package dev.clavis.it;

import static dev.clavis.it.Clavis.GRANT;
import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.Clavis.urlencode;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.clavis.it.rs.WhoAmI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clavis tokens at resource servers that are not Clavis: a stock Payara MicroProfile JWT application in its own Payara
 * Micro ({@link ExternalResourceServer}), configured with Clavis's issuer, JWKS URL and an API identifier only. Two
 * such servers for the whole class: the stock one, which trusts the MicroProfile-format API and the RFC 9068 one, and
 * one that accepts {@code at+jwt} and trusts the RFC 9068 API only. They start while Payara deploys Clavis.
 *
 * <p>Not a {@link ClavisIT}, because its deployment method also starts the resource servers; two deployment methods
 * (one inherited) would make two deployments.
 */
@ExtendWith(ArquillianExtension.class)
class ExternalResourceServerIT {

    private static final String RUN = TestApplications.uniqueId();

    /** Tokens in the MicroProfile format ({@code typ: JWT}, {@code upn}): what a stock Payara accepts. */
    private static final String ORDERS = "https://orders.example.com/" + RUN;

    /** Tokens in the RFC 9068 format ({@code typ: at+jwt}). */
    private static final String LEDGER = "https://ledger.example.com/" + RUN;

    /** An API neither resource server is, in the format the stock one would accept. */
    private static final String ELSEWHERE = "https://elsewhere.example.com/" + RUN;

    private static ExternalResourceServer stock;
    private static ExternalResourceServer acceptingAtJwt;
    private static String ordersApi;
    private static String ledgerApi;
    private static String elsewhereApi;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Launched here, before Arquillian deploys Clavis, so that the three servers boot at once. They need Clavis
        // only when the first token comes, for its JWK set.
        if (stock == null) {
            stock = ExternalResourceServer.trusting(Clavis.baseUrl())
                    .audience(ORDERS, LEDGER)
                    .start();
            acceptingAtJwt = ExternalResourceServer.trusting(Clavis.baseUrl())
                    .audience(LEDGER)
                    .acceptingAtJwt(true)
                    .start();
        }
        return ClavisDeployment.war();
    }

    @BeforeAll
    static void createApis() {
        AdminApi admin = AdminApi.asAdmin();
        ordersApi = createApi(admin, ORDERS, "MICROPROFILE", List.of(WhoAmI.ROLE, "pos.sales.write"));
        ledgerApi = createApi(admin, LEDGER, "RFC9068", List.of(WhoAmI.ROLE));
        elsewhereApi = createApi(admin, ELSEWHERE, "MICROPROFILE", List.of(WhoAmI.ROLE));
    }

    @AfterAll
    static void stopResourceServers() {
        for (ExternalResourceServer server : new ExternalResourceServer[] {stock, acceptingAtJwt}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void microprofileTokenWhenPresentedToStockPayaraThenAcceptedWithClientIdAsCaller() throws ParseException {
        var app = application().roles(WhoAmI.ROLE).apis(ordersApi).register();
        String token = tokenFor(app, ORDERS);
        assertEquals("JWT", SignedJWT.parse(token).getHeader().getType().getType());

        HttpResponse<String> answer = stock.whoami(token);

        assertEquals(200, answer.statusCode(), () -> answer.body() + "\n" + stock.logTail());
        Map<String, Object> seen = json(answer.body());
        assertEquals(app.clientId(), seen.get("name"), "MP-JWT's caller name is upn, the client ID");
        assertEquals(app.clientId(), seen.get("subject"));
        assertEquals(Clavis.baseUrl(), seen.get("issuer"));
        assertEquals(List.of(ORDERS), seen.get("audience"));
        assertEquals(List.of(WhoAmI.ROLE), seen.get("groups"));
    }

    @Test
    void rfc9068TokenWhenPresentedToStockPayaraThenRefusedAndAcceptedOnceTypeVerificationIsOff() throws ParseException {
        var app = application().roles(WhoAmI.ROLE).apis(ledgerApi).register();
        String token = tokenFor(app, LEDGER);
        assertEquals("at+jwt", SignedJWT.parse(token).getHeader().getType().getType());

        // The stock server trusts this audience too: only the type stands in the way.
        long mark = stock.logMark();
        assertEquals(401, stock.whoami(token).statusCode(), "stock Payara MP-JWT accepts typ JWT only");
        assertTrue(stock.logShowsSince(mark, "typ must be 'JWT'"), stock::logTail);
        HttpResponse<String> answer = acceptingAtJwt.whoami(token);

        assertEquals(200, answer.statusCode(), () -> answer.body() + "\n" + acceptingAtJwt.logTail());
        Map<String, Object> seen = json(answer.body());
        assertEquals(app.clientId(), seen.get("name"), "no upn in RFC 9068 tokens: the caller name is sub");
        assertEquals(List.of(LEDGER), seen.get("audience"));
        assertEquals(List.of(WhoAmI.ROLE), seen.get("groups"));
    }

    @Test
    void tokenWhenForAnotherApiThenUnauthorized() {
        var elsewhere = application().roles(WhoAmI.ROLE).apis(elsewhereApi).register();
        var orders = application().roles(WhoAmI.ROLE).apis(ordersApi).register();

        long mark = stock.logMark();
        HttpResponse<String> foreign = stock.whoami(tokenFor(elsewhere, ELSEWHERE));
        HttpResponse<String> notLedger = acceptingAtJwt.whoami(tokenFor(orders, ORDERS));

        assertEquals(401, foreign.statusCode(), "aud is another API: " + foreign.body());
        assertTrue(stock.logShowsSince(mark, "is not a part of allowed audience"), stock::logTail);
        assertEquals(401, notLedger.statusCode(), "aud is another API: " + notLedger.body());
    }

    @Test
    void tokenWhenRequiredRoleMissingThenForbidden() throws ParseException {
        var app = application().roles("pos.sales.write").apis(ordersApi).register();
        String token = tokenFor(app, ORDERS);
        assertEquals(
                List.of("pos.sales.write"),
                SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("groups"));

        HttpResponse<String> answer = stock.whoami(token);

        assertEquals(403, answer.statusCode(), "a valid token without " + WhoAmI.ROLE + ": " + answer.body());
    }

    /** RFC 8707: a token for one API, named by its identifier. */
    private static String tokenFor(TestApplications.Registered app, String identifier) {
        HttpResponse<String> response =
                Clavis.tokenRequest(app.clientId(), app.secret(), GRANT + "&resource=" + urlencode(identifier));
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response.body()).get("access_token");
    }

    private static String createApi(AdminApi admin, String identifier, String format, List<String> roles) {
        HttpResponse<String> created = admin.post(
                "/apis",
                Json.object()
                        .put("identifier", identifier)
                        .put("displayName", "External " + format)
                        .put("roles", roles)
                        .put("tokenFormat", format)
                        .put("enabled", true));
        assertEquals(201, created.statusCode(), created.body());
        String id = (String) json(created.body()).get("id");
        assertTrue(id != null && !id.isBlank(), created.body());
        return id;
    }
}
