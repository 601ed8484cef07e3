package dev.clavis.discovery.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.clavis.api.entity.TokenFormat;
import dev.clavis.token.control.AccessTokenClaims;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ServerMetadataTest {

    private static final String ISSUER = "https://auth.example.com/tenant-1";
    private static final List<String> SCOPES = List.of("admin", "read", "write");
    private static final List<String> ALGORITHMS = List.of("RS256", "ES256");

    private static String json() {
        return ServerMetadata.toJson(ISSUER, SCOPES, ALGORITHMS);
    }

    private static Map<String, Object> metadata() throws ParseException {
        return JSONObjectUtils.parse(json());
    }

    @Test
    void toJsonThenIntrospectionAndRevocationAdvertisedWithTheirAuthMethods()
            throws ParseException, com.nimbusds.oauth2.sdk.ParseException {
        Map<String, Object> metadata = metadata();
        List<String> methods = List.of("client_secret_basic", "client_secret_post");
        assertAll(
                () -> assertEquals(ISSUER + "/oauth2/introspect", metadata.get("introspection_endpoint")),
                () -> assertEquals(methods, metadata.get("introspection_endpoint_auth_methods_supported")),
                () -> assertEquals(ISSUER + "/oauth2/revoke", metadata.get("revocation_endpoint")),
                () -> assertEquals(methods, metadata.get("revocation_endpoint_auth_methods_supported")));
        AuthorizationServerMetadata parsed = AuthorizationServerMetadata.parse(json());
        assertEquals(URI.create(ISSUER + "/oauth2/introspect"), parsed.getIntrospectionEndpointURI());
        assertEquals(URI.create(ISSUER + "/oauth2/revoke"), parsed.getRevocationEndpointURI());
        assertEquals(
                List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST),
                parsed.getRevocationEndpointAuthMethods());
    }

    @Test
    void toJsonThenIssuerExactlyAsConfigured() throws ParseException {
        // RFC 8414 §3.3: the issuer in the metadata must be identical to the issuer the client expects.
        assertEquals(ISSUER, metadata().get("issuer"));
    }

    @Test
    void toJsonThenEndpointsDerivedFromIssuer() throws ParseException {
        Map<String, Object> metadata = metadata();
        assertAll(
                () -> assertEquals(ISSUER + "/oauth2/token", metadata.get("token_endpoint")),
                () -> assertEquals(ISSUER + "/oauth2/jwks", metadata.get("jwks_uri")));
    }

    @Test
    void toJsonThenRfc8414RequiredAndRelevantMembersPresent() throws ParseException {
        Map<String, Object> metadata = metadata();
        assertAll(
                () -> assertTrue(metadata.containsKey("issuer")),
                () -> assertTrue(metadata.containsKey("token_endpoint")),
                () -> assertEquals(List.of(), metadata.get("response_types_supported")),
                () -> assertEquals(List.of("client_credentials"), metadata.get("grant_types_supported")),
                () -> assertEquals(
                        List.of("client_secret_basic", "client_secret_post"),
                        metadata.get("token_endpoint_auth_methods_supported")),
                () -> assertEquals(SCOPES, metadata.get("scopes_supported")));
    }

    @Test
    void toJsonThenOidcDiscoveryRequiredMembersPresent() throws ParseException {
        Map<String, Object> metadata = metadata();
        assertAll(
                () -> assertEquals(ISSUER, metadata.get("issuer")),
                () -> assertTrue(metadata.containsKey("jwks_uri")),
                () -> assertTrue(metadata.containsKey("response_types_supported")),
                () -> assertEquals(List.of("public"), metadata.get("subject_types_supported")),
                () -> assertEquals(ALGORITHMS, metadata.get("id_token_signing_alg_values_supported")));
    }

    @Test
    void toJsonThenNoAuthorizationCodeOrImplicitFlowAdvertised() throws ParseException {
        Map<String, Object> metadata = metadata();
        assertAll(
                () -> assertFalse(metadata.containsKey("authorization_endpoint")),
                () -> assertFalse(metadata.containsKey("userinfo_endpoint")),
                () -> assertFalse(((List<?>) metadata.get("grant_types_supported")).contains("authorization_code")));
    }

    @Test
    void toJsonThenClaimsSupportedCoverEveryAccessTokenClaim() throws ParseException {
        List<?> supported = (List<?>) metadata().get("claims_supported");
        var claims = AccessTokenClaims.build(
                ISSUER,
                ISSUER + "/api",
                "my-app",
                new TreeSet<>(SCOPES),
                Instant.parse("2025-03-01T12:00:00Z"),
                Duration.ofHours(1),
                "jti-1",
                TokenFormat.MICROPROFILE);
        assertTrue(
                supported.containsAll(claims.getClaims().keySet()),
                "claims_supported " + supported + " misses some of "
                        + claims.getClaims().keySet());
    }

    @Test
    void toJsonWhenParsedAsRfc8414MetadataThenAccepted() throws Exception {
        AuthorizationServerMetadata parsed = AuthorizationServerMetadata.parse(json());
        assertAll(
                () -> assertEquals(ISSUER, parsed.getIssuer().getValue()),
                () -> assertEquals(URI.create(ISSUER + "/oauth2/token"), parsed.getTokenEndpointURI()),
                () -> assertEquals(List.of(GrantType.CLIENT_CREDENTIALS), parsed.getGrantTypes()),
                () -> assertEquals(
                        List.of(
                                ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                                ClientAuthenticationMethod.CLIENT_SECRET_POST),
                        parsed.getTokenEndpointAuthMethods()));
    }

    @Test
    void toJsonWhenParsedAsOidcProviderMetadataThenAccepted() throws Exception {
        OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(json());
        assertAll(
                () -> assertEquals(ISSUER, parsed.getIssuer().getValue()),
                () -> assertEquals(URI.create(ISSUER + "/oauth2/jwks"), parsed.getJWKSetURI()));
    }

    @Test
    void toJsonWhenNoScopesThenEmptyList() throws ParseException {
        assertEquals(
                List.of(),
                JSONObjectUtils.parse(ServerMetadata.toJson(ISSUER, List.of(), ALGORITHMS))
                        .get("scopes_supported"));
    }
}
