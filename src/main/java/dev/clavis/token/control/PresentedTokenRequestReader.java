package dev.clavis.token.control;

import dev.clavis.platform.control.OAuthException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a request to the introspection (RFC 7662 §2.1) or revocation (RFC 7009 §2.1) endpoint by the token endpoint's
 * rules: form body only, UTF-8, no parameter in the URL, no parameter twice, one way of authenticating the client
 * (both RFCs defer to RFC 6749 §2.3 for client authentication).
 */
public final class PresentedTokenRequestReader {

    static final String TOKEN = "token";
    static final String TOKEN_TYPE_HINT = "token_type_hint";

    private final FormParser formParser = new FormParser(
            Set.of(TOKEN, TOKEN_TYPE_HINT, TokenRequestReader.CLIENT_ID, TokenRequestReader.CLIENT_SECRET));

    /**
     * @param contentType the Content-Type header, or null
     * @param queryString the raw query string, or null
     * @param authorizationHeaders every Authorization header of the request
     * @param body the request body
     * @throws OAuthException {@code invalid_request} or {@code invalid_client}
     */
    public PresentedTokenRequest read(
            String contentType, String queryString, List<String> authorizationHeaders, byte[] body) {
        TokenRequestReader.rejectQueryString(queryString);
        TokenRequestReader.requireFormContentType(contentType);
        Map<String, String> form = formParser.parse(body);
        ClientCredentials credentials = TokenRequestReader.credentials(authorizationHeaders, form);
        String token = form.get(TOKEN);
        if (token == null) {
            throw OAuthException.invalidRequest("The token parameter is missing");
        }
        return new PresentedTokenRequest(credentials, token, Optional.ofNullable(form.get(TOKEN_TYPE_HINT)));
    }
}
