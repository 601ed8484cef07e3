package dev.clavis.token.control;

import dev.clavis.platform.control.OAuthException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the raw parts of an HTTP request to the token endpoint into a {@link TokenRequest}, rejecting what
 * RFC 6749 calls an invalid request (§5.2): a wrong content type, parameters in the URL (§3.2), repeated or
 * missing parameters, and more than one way of authenticating the client (§2.3).
 */
public final class TokenRequestReader {

    static final String GRANT_TYPE = "grant_type";
    static final String SCOPE = "scope";
    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";
    /** RFC 8707 §2. */
    static final String RESOURCE = "resource";
    /** What several client libraries send instead of {@code resource} (the name RFC 8693 uses). */
    static final String AUDIENCE = "audience";
    /** The scope value MSAL sends for "every permission of this API" (seed 003): {@code {identifier}/.default}. */
    static final String WHOLE_API_SUFFIX = "/.default";
    /** What MSAL adds to every scope it sends, meaningless for the client credentials grant. */
    private static final Set<String> MSAL_ADDED_SCOPES = Set.of("openid", "profile", "offline_access");

    static final String SEVERAL_TARGETS =
            "The request names more than one API; a token is for one API, so request one token for each";

    private static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    private final FormParser formParser = new FormParser(
            Set.of(GRANT_TYPE, SCOPE, CLIENT_ID, CLIENT_SECRET, RESOURCE, AUDIENCE),
            Set.of(RESOURCE, AUDIENCE),
            () -> OAuthException.invalidTarget(SEVERAL_TARGETS));

    /**
     * @param contentType the Content-Type header, or null
     * @param queryString the raw query string, or null
     * @param authorizationHeaders every Authorization header of the request
     * @param body the request body
     */
    public TokenRequest read(String contentType, String queryString, List<String> authorizationHeaders, byte[] body) {
        rejectQueryString(queryString);
        requireFormContentType(contentType);
        Map<String, String> form = formParser.parse(body);
        String grantType = form.get(GRANT_TYPE);
        if (grantType == null) {
            throw OAuthException.invalidRequest("The grant_type parameter is missing");
        }
        ClientCredentials credentials = credentials(authorizationHeaders, form);
        Set<String> targets = new LinkedHashSet<>();
        addTarget(targets, form.get(RESOURCE));
        addTarget(targets, form.get(AUDIENCE));
        Optional<String> scope = rolesOf(Optional.ofNullable(form.get(SCOPE)), targets);
        if (targets.size() > 1) {
            throw OAuthException.invalidTarget(SEVERAL_TARGETS);
        }
        return new TokenRequest(grantType, credentials, scope, targets.stream().findFirst());
    }

    private static void addTarget(Set<String> targets, String target) {
        if (target != null) {
            targets.add(target);
        }
    }

    /**
     * The roles a scope asks for, without {@code {identifier}/.default}, which names the target instead, and without
     * what MSAL adds to it: {@code openid profile offline_access api://pos/.default} asks for every role of that API.
     */
    private static Optional<String> rolesOf(Optional<String> scope, Set<String> targets) {
        if (scope.isEmpty() || !scope.get().contains(WHOLE_API_SUFFIX)) {
            return scope;
        }
        List<String> roles = new ArrayList<>();
        boolean namesApi = false;
        for (String token : scope.get().split(" ", -1)) {
            if (token.length() > WHOLE_API_SUFFIX.length() && token.endsWith(WHOLE_API_SUFFIX)) {
                targets.add(token.substring(0, token.length() - WHOLE_API_SUFFIX.length()));
                namesApi = true;
            } else {
                roles.add(token);
            }
        }
        if (namesApi) {
            roles.removeAll(MSAL_ADDED_SCOPES);
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", roles));
    }

    /** RFC 6749 §3.2 (and RFC 7009 §2.1, RFC 7662 §2.1, which send the same way): the body, not the URL. */
    static void rejectQueryString(String queryString) {
        if (queryString != null && !queryString.isEmpty()) {
            throw OAuthException.invalidRequest(
                    "Send the parameters in the request body, not in the URL: credentials in a URL end up in logs");
        }
    }

    static void requireFormContentType(String contentType) {
        if (contentType == null) {
            throw OAuthException.invalidRequest("The Content-Type must be " + FORM_MEDIA_TYPE);
        }
        String[] parts = contentType.split(";");
        if (parts.length == 0 || !parts[0].strip().equalsIgnoreCase(FORM_MEDIA_TYPE)) {
            throw OAuthException.invalidRequest("The Content-Type must be " + FORM_MEDIA_TYPE);
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8")) {
                    throw OAuthException.invalidRequest("The request body must be UTF-8 (RFC 6749 Appendix B)");
                }
            }
        }
    }

    static ClientCredentials credentials(List<String> authorizationHeaders, Map<String, String> form) {
        if (authorizationHeaders.size() > 1) {
            throw OAuthException.invalidRequest("The request has more than one Authorization header");
        }
        String formClientId = form.get(CLIENT_ID);
        String formSecret = form.get(CLIENT_SECRET);
        if (authorizationHeaders.isEmpty()) {
            if (formClientId == null || formSecret == null) {
                throw OAuthException.invalidClient(
                        "Client authentication is missing: use HTTP Basic or the client_id and client_secret parameters");
            }
            return new ClientCredentials(formClientId, formSecret, ClientCredentials.Method.CLIENT_SECRET_POST);
        }
        String header = authorizationHeaders.get(0);
        if (!BasicCredentials.isBasic(header)) {
            throw OAuthException.invalidClient("Unsupported client authentication method; use HTTP Basic");
        }
        if (formSecret != null) {
            throw OAuthException.invalidRequest(
                    "The client authenticated twice (HTTP Basic and client_secret); use only one method");
        }
        ClientCredentials basic = BasicCredentials.parse(header);
        if (formClientId != null && !formClientId.equals(basic.clientId())) {
            throw OAuthException.invalidRequest("The client_id parameter does not match the HTTP Basic client ID");
        }
        return basic;
    }
}
