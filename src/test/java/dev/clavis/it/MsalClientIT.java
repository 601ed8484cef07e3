package dev.clavis.it;

import static dev.clavis.it.Clavis.json;
import static dev.clavis.it.TestApplications.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.TokenSource;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Microsoft's MSAL for Java, as a client of Clavis's users would use it: a {@link ConfidentialClientApplication} with
 * a client secret, pointed at Clavis as a generic OpenID Connect authority, asking for {@code {api}/.default}.
 *
 * <p>MSAL accepts only https authorities, and checks that the discovered {@code issuer} is the authority it was given.
 * So for this class Payara Micro serves Clavis over https too, on a second port, with a certificate that the test
 * makes ({@link TestCertificate}), and the issuer is that https URL. The plain-http port stays open for the fixtures
 * (admin API, database helpers). Not a {@link ClavisIT}: its deployment method configures the start first.
 *
 * <p>What msal4j 1.26.1 does against a generic authority, as these tests show: it reads discovery and checks the
 * issuer, then posts to a token URL of its own making (see {@code TokenEndpoint}), with {@code client_secret_post},
 * and it files tokens under the response's {@code scope}, so Clavis's answer (the role names) misses its cache.
 */
@ExtendWith(ArquillianExtension.class)
class MsalClientIT {

    private static byte[] configurationBefore;
    private static TestCertificate certificate;
    private static String issuer;

    /** Configures the start Arquillian is about to make: an https port, its certificate, and the https issuer. */
    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        if (configurationBefore == null) {
            serveOverTls();
        }
        return ClavisDeployment.war();
    }

    /** Clavis read its configuration when it started: the classes after this one start with the run's own. */
    @BeforeAll
    static void restoreConfiguration() throws IOException {
        if (configurationBefore != null) {
            Files.write(configuration(), configurationBefore);
        }
    }

    /** In case the start failed before {@link #restoreConfiguration()} could run. */
    @AfterAll
    static void restoreConfigurationInAnyCase() throws IOException {
        restoreConfiguration();
    }

    @Test
    void msalWhenAuthorityIsPlainHttpThenRefusedBeforeAnyRequest() {
        ConfidentialClientApplication.Builder builder =
                ConfidentialClientApplication.builder("any", ClientCredentialFactory.createFromSecret("any"));

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> builder.oidcAuthority(Clavis.baseUrl()));

        assertTrue(refused.getMessage().contains("https"), refused.getMessage());
    }

    @Test
    void msalWhenClavisIsItsOidcAuthorityThenTokenForTheApiOfDotDefaultWithItsRolesOnly() throws Exception {
        String identifier = "https://pos.example.com/" + TestApplications.uniqueId();
        String api = createApi(identifier, List.of("pos.sales.read", "pos.reports.read"));
        var app = application()
                .roles("pos.sales.read", "pos.reports.read", "pos.stores.read")
                .apis(api, "default")
                .defaultApi("default")
                .register();
        ConfidentialClientApplication msal = ConfidentialClientApplication.builder(
                        app.clientId(), ClientCredentialFactory.createFromSecret(app.secret()))
                .oidcAuthority(issuer)
                .sslSocketFactory(certificate.trustingOnlyThis().getSocketFactory())
                .build();

        IAuthenticationResult result = acquire(msal, identifier + "/.default");

        JWTClaimsSet claims = verifiedAgainstJwks(result.accessToken());
        assertEquals(issuer, claims.getIssuer());
        assertEquals(List.of(identifier), claims.getAudience(), "the API of the .default scope, not the default API");
        assertEquals(app.clientId(), claims.getSubject());
        assertEquals(
                Set.of("pos.sales.read", "pos.reports.read"),
                new HashSet<>(claims.getStringListClaim("roles")),
                "the roles this API understands; pos.stores.read is for another");
        assertEquals(Set.of("pos.sales.read", "pos.reports.read"), new HashSet<>(claims.getStringListClaim("groups")));
        assertTrue(result.expiresOnDate().getTime() > System.currentTimeMillis());

        assertEquals(TokenSource.IDENTITY_PROVIDER, result.metadata().tokenSource());
    }

    @Test
    void msalWhenSameScopeAskedAgainThenCacheMissedBecauseResponseScopeIsTheRoles() throws Exception {
        String identifier = "https://pos.example.com/" + TestApplications.uniqueId();
        String api = createApi(identifier, List.of("pos.sales.read", "pos.reports.read"));
        var app = application()
                .roles("pos.sales.read", "pos.reports.read")
                .apis(api)
                .register();
        ConfidentialClientApplication msal = ConfidentialClientApplication.builder(
                        app.clientId(), ClientCredentialFactory.createFromSecret(app.secret()))
                .oidcAuthority(issuer)
                .sslSocketFactory(certificate.trustingOnlyThis().getSocketFactory())
                .build();
        IAuthenticationResult first = acquire(msal, identifier + "/.default");

        IAuthenticationResult again = acquire(msal, identifier + "/.default");

        // MSAL files a token under the scope of the token response, and Clavis answers with the roles granted
        // (RFC 6749 §5.1), not with {api}/.default as Entra ID does: the same request misses MSAL's cache.
        assertEquals(
                Set.of("pos.sales.read", "pos.reports.read"),
                Set.of(first.scopes().split(" ")));
        assertEquals(TokenSource.IDENTITY_PROVIDER, again.metadata().tokenSource(), "asked Clavis again");
        assertNotEquals(first.accessToken(), again.accessToken());
        assertEquals(
                TokenSource.CACHE,
                acquire(msal, "pos.sales.read", "pos.reports.read").metadata().tokenSource(),
                "the cache holds it under the role names");
    }

    @Test
    void msalWhenAcquiringTokenThenReadsDiscoveryButPostsToEntraStyleTokenPath() throws Exception {
        String identifier = "https://pos.example.com/" + TestApplications.uniqueId();
        String api = createApi(identifier, List.of("pos.sales.read"));
        var app = application().roles("pos.sales.read").apis(api).register();
        RecordingMsalHttpClient wire = new RecordingMsalHttpClient(certificate.trustingOnlyThis());
        ConfidentialClientApplication msal = ConfidentialClientApplication.builder(
                        app.clientId(), ClientCredentialFactory.createFromSecret(app.secret()))
                .oidcAuthority(issuer)
                .httpClient(wire)
                .build();

        try {
            acquire(msal, identifier + "/.default");
        } catch (ExecutionException e) {
            throw new AssertionError("MSAL failed after " + wire.requests, e);
        }

        // msal4j reads discovery to check the issuer, but builds the token URL itself, Entra ID style, from the
        // discovery URL's first path segment: TokenEndpoint answers there too.
        assertEquals(
                List.of(
                        "GET " + issuer + "/.well-known/openid-configuration",
                        "POST " + issuer + "/.well-known/oauth2/v2.0/token"),
                wire.requests,
                "MSAL does not post to the advertised token_endpoint");
        Map<String, String> form = wire.lastForm();
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals(app.clientId(), form.get("client_id"), "client_secret_post");
        assertEquals(app.secret(), form.get("client_secret"));
        assertEquals(
                Set.of("openid", "profile", "offline_access", identifier + "/.default"),
                Set.of(form.get("scope").split(" ")),
                "MSAL adds the OpenID scopes, which Clavis drops next to a .default");
        assertEquals("1", form.get("client_info"), "which Clavis ignores");
        assertEquals(200, wire.lastStatus(), "Clavis took the form as MSAL wrote it");
    }

    private static void serveOverTls() throws IOException {
        Path work = Path.of(System.getProperty("clavis.it.work"));
        certificate = TestCertificate.forLocalhost(work.resolve("tls"));
        int httpsPort = freePort();
        issuer = "https://localhost:" + httpsPort;
        configurationBefore = Files.readAllBytes(configuration());
        // The file IntegrationEnvironment hands Payara Micro with --systemproperties: Payara reads payaramicro.* and
        // the key store from system properties too, so no password is on a command line.
        IntegrationEnvironment.reconfigure("clavis.issuer", issuer);
        IntegrationEnvironment.reconfigure("payaramicro.sslPort", Integer.toString(httpsPort));
        IntegrationEnvironment.reconfigure("payaramicro.sslCert", TestCertificate.ALIAS);
        IntegrationEnvironment.reconfigure(
                "javax.net.ssl.keyStore", certificate.keyStore().toString());
        IntegrationEnvironment.reconfigure("javax.net.ssl.keyStorePassword", certificate.password());
        // Clavis's own MP-JWT (admin API, sample API) fetches the JWK set from {issuer}/oauth2/jwks, and its JVM
        // does not trust this test's certificate: it reads its keys over loopback http instead.
        IntegrationEnvironment.reconfigure("mp.jwt.verify.publickey.location", Clavis.baseUrl() + "/oauth2/jwks");
    }

    private static IAuthenticationResult acquire(ConfidentialClientApplication msal, String... scopes)
            throws InterruptedException, ExecutionException, TimeoutException {
        return msal.acquireToken(
                        ClientCredentialParameters.builder(Set.of(scopes)).build())
                .get(60, TimeUnit.SECONDS);
    }

    /** As a resource server would: signature by kid from the https JWKS, iss, aud present, typ at+jwt. */
    private static JWTClaimsSet verifiedAgainstJwks(String token) throws Exception {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                5000, 5000, 50_000, true, certificate.trustingOnlyThis().getSocketFactory());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.RS256,
                JWKSourceBuilder.<SecurityContext>create(new URL(issuer + "/oauth2/jwks"), retriever)
                        .retrying(false)
                        .build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "aud", "exp", "iat", "jti")));
        return processor.process(token, null);
    }

    private static String createApi(String identifier, List<String> roles) {
        HttpResponse<String> created = AdminApi.asAdmin()
                .post(
                        "/apis",
                        Json.object()
                                .put("identifier", identifier)
                                .put("displayName", "MSAL test API")
                                .put("roles", roles)
                                .put("tokenFormat", "RFC9068")
                                .put("enabled", true));
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created.body()).get("id");
    }

    private static Path configuration() {
        return Path.of(System.getProperty("clavis.it.work"), "clavis.properties");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
