package dev.clavis.token.control;

import dev.clavis.api.control.ApiDirectory;
import dev.clavis.api.control.RegisteredApi;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The client credentials grant (RFC 6749 §4.4): the client authenticates, must be allowed this flow, and receives a
 * token for one API it may call (RFC 8707) with the roles it asked for, or all of its roles that API understands when
 * it asked for none.
 */
@ApplicationScoped
public class ClientCredentialsGrant {

    static final String GRANT_TYPE = "client_credentials";

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    TokenIssuer issuer;

    @Inject
    ApiDirectory apis;

    /** @param source where the request comes from, for the guessing throttle */
    public TokenResponse handle(TokenRequest request, String source) {
        RegisteredClient client = authenticator.authenticate(request.credentials(), source);
        if (!GRANT_TYPE.equals(request.grantType())) {
            throw new OAuthException(
                    OAuthError.UNSUPPORTED_GRANT_TYPE, "Only the client_credentials grant is supported");
        }
        if (!client.clientCredentialsFlow()) {
            throw new OAuthException(
                    OAuthError.UNAUTHORIZED_CLIENT,
                    "This application is not allowed to use the client credentials flow");
        }
        ScopePolicy.requireAnyRole(client.roles());
        RegisteredApi api = TargetResolver.resolve(request.target(), client, apis);
        return issuer.issue(
                client, api, ScopePolicy.grant(request.scope(), client.roles(), api.understood(client.roles())));
    }
}
