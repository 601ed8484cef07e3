package dev.clavis.revocation.control;

import dev.clavis.application.control.RegisteredClient;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import dev.clavis.token.control.ClientAuthenticator;
import dev.clavis.token.control.PresentedTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Token revocation (RFC 7009 §2.1): the client authenticates and may revoke its own access tokens. What it cannot
 * revoke changes nothing and is answered like a success (§2.2): an unknown, invalid, expired or already revoked token,
 * and another application's token, so that revocation tells no one anything about a token it did not hold.
 */
@ApplicationScoped
public class TokenRevoker {

    /** The one hint (RFC 7009 §2.1) for a type of token Clavis never issues. */
    static final String REFRESH_TOKEN = "refresh_token";

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    PublishedKeyVerifier verifier;

    @Inject
    RevokedTokens revoked;

    /**
     * @param source where the request comes from, for the guessing throttle
     * @throws OAuthException {@code invalid_client} when the caller does not authenticate; {@code
     *     unsupported_token_type} (§2.2.1) for a refresh token, which Clavis never issues
     */
    public void revoke(PresentedTokenRequest request, String source) {
        RegisteredClient caller = authenticator.authenticate(request.credentials(), source);
        TokenCheck check = verifier.verify(request.token());
        if (!(check instanceof TokenCheck.Valid valid)) {
            // §2.1: a wrong hint is looked past; only a token that is none of Clavis's and is said to be a refresh
            // token is of a type Clavis cannot revoke
            if (request.tokenTypeHint().filter(REFRESH_TOKEN::equals).isPresent()) {
                throw new OAuthException(
                        OAuthError.UNSUPPORTED_TOKEN_TYPE,
                        "Clavis issues no refresh tokens; only its access tokens can be revoked");
            }
            return;
        }
        AccessToken token = valid.token();
        if (token.clientId().equals(caller.clientId()) && !revoked.isRevoked(token.jti())) {
            revoked.revoke(token.jti(), token.clientId(), token.expiresAt());
        }
    }
}
