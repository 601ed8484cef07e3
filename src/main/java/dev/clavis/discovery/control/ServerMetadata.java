package dev.clavis.discovery.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization server metadata of RFC 8414 §2, with the OpenID Connect Discovery 1.0 §3 members that make sense
 * without an authorization endpoint. Clavis serves only the client credentials grant: it has no authorization
 * endpoint (RFC 8414 lets it be omitted when no grant uses it, OIDC Discovery does not, so strict OIDC parsers may
 * complain), issues no ID tokens, and lists no response types. {@code subject_types_supported} and
 * {@code id_token_signing_alg_values_supported} are given because OIDC requires them, with what Clavis would use.
 * The introspection (RFC 7662) and revocation (RFC 7009) endpoints are listed with their authentication methods
 * (RFC 8414 §2).
 */
public final class ServerMetadata {

    /** RFC 6749 §2.3.1, at the token, introspection (RFC 7662 §2.1) and revocation (RFC 7009 §2.1) endpoints alike. */
    private static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    private ServerMetadata() {}

    public static String toJson(String issuer, List<String> scopes, List<String> signingAlgorithms) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("token_endpoint", issuer + "/oauth2/token");
        metadata.put("jwks_uri", issuer + "/oauth2/jwks");
        metadata.put("grant_types_supported", List.of("client_credentials"));
        metadata.put("token_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        metadata.put("introspection_endpoint", issuer + "/oauth2/introspect");
        metadata.put("introspection_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        metadata.put("revocation_endpoint", issuer + "/oauth2/revoke");
        metadata.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        metadata.put("scopes_supported", scopes);
        metadata.put("response_types_supported", List.of());
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", signingAlgorithms);
        metadata.put(
                "claims_supported",
                List.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope", "groups", "roles", "upn"));
        return JSONObjectUtils.toJSONString(metadata);
    }
}
